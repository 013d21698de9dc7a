package io.logstreamer.cli;

/** The documented exit codes (README "Exit codes"). */
public final class ExitCodes {

    /** The export is complete and in place. */
    public static final int OK = 0;
    /** The export failed: the service, the network or the machine; the output file was not replaced. */
    public static final int FAILED = 1;
    /** Something the user gave is wrong, seen before the first request; nothing was fetched or written. */
    public static final int USAGE = 2;

    /** --allow-partial: the output is in place but windows are missing; they are in {@code <output>.gaps.json}. */
    public static final int PARTIAL = 3;

    private ExitCodes() {
    }
}
