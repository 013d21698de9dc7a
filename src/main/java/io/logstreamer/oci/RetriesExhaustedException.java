package io.logstreamer.oci;

/** A page still failed when the retry policy's attempts or time ran out. */
public class RetriesExhaustedException extends Exception {

    private final int attempts;

    public RetriesExhaustedException(int attempts, String lastError, Throwable cause) {
        super("gave up after " + attempts + " attempt(s): " + lastError, cause);
        this.attempts = attempts;
    }

    public int attempts() {
        return attempts;
    }
}
