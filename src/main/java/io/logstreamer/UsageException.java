package io.logstreamer;

/**
 * Something the user gave (a flag, a date, a regex, the OCI config, a key, an output path) is
 * wrong, and it was seen before the first request. The CLI maps it to exit code 2.
 */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
