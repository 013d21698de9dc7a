package io.logstreamer.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

import org.apache.camel.NoSuchBeanException;
import org.apache.camel.ResolveEndpointFailedException;

import io.logstreamer.UsageException;
import io.logstreamer.component.IncompleteExportException;
import io.logstreamer.component.WindowFailedException;
import io.logstreamer.oci.OciServiceException;

/** Turns whatever ended a run into an exit code and the one line a user reads. */
final class Failures {

    record Outcome(int exitCode, String message) {
    }

    private Failures() {
    }

    static Outcome describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UsageException) {
                return new Outcome(ExitCodes.USAGE, t.getMessage());
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IncompleteExportException e) {
                StringBuilder sb = new StringBuilder("export incomplete: ").append(e.getMessage())
                        .append("; no output was written (--allow-partial keeps what succeeded):");
                e.gaps().forEach(g -> sb.append(System.lineSeparator()).append("  failed window: ").append(g));
                return new Outcome(ExitCodes.FAILED, sb.toString());
            }
            if (t instanceof WindowFailedException e) {
                return new Outcome(ExitCodes.FAILED, e.getMessage());
            }
            if (t instanceof OciServiceException e) {
                return new Outcome(ExitCodes.FAILED, e.getMessage());
            }
            if (t instanceof UncheckedIOException e) {
                return new Outcome(ExitCodes.FAILED, e.getMessage());
            }
            if (t instanceof ResolveEndpointFailedException e) {
                return new Outcome(ExitCodes.USAGE, "route configuration: " + e.getMessage());
            }
            if (t instanceof NoSuchBeanException e) {
                return new Outcome(ExitCodes.USAGE, "route configuration: " + e.getMessage());
            }
            if (t instanceof FileSystemException e) {
                String reason = e instanceof AccessDeniedException ? "permission denied"
                        : e instanceof NoSuchFileException ? "no such file or directory"
                        : e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
                return new Outcome(ExitCodes.FAILED, e.getFile() + ": " + reason);
            }
            if (t instanceof IOException e) {
                return new Outcome(ExitCodes.FAILED, "I/O error: " + e.getMessage());
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return new Outcome(ExitCodes.FAILED, message);
    }
}
