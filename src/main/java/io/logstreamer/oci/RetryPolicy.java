package io.logstreamer.oci;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How a page request is retried: exponential back-off with jitter, bounded in attempts and in
 * total time. Written here rather than taken from the SDK because the SDK's retrier does not
 * honour Retry-After, has no total-time bound and shares no back-off between concurrent calls.
 *
 * @param maxAttempts attempts per page, the first included
 * @param baseDelay   delay before the first retry; doubled for each further retry
 * @param maxDelay    largest computed delay (a Retry-After from the service is honoured as sent)
 * @param maxTime     the most one page may take, waits included, before its window is given up
 * @param pageTimeout the most one attempt may take, from sending the request to the last byte
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxTime, Duration pageTimeout) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(8, Duration.ofSeconds(1), Duration.ofSeconds(30),
            Duration.ofMinutes(10), Duration.ofSeconds(60));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("retry attempts must be at least 1, was " + maxAttempts);
        }
        for (Duration d : new Duration[] {baseDelay, maxDelay, maxTime, pageTimeout}) {
            if (d.isNegative()) {
                throw new IllegalArgumentException("retry durations must not be negative");
            }
        }
        if (pageTimeout.isZero()) {
            throw new IllegalArgumentException("the page timeout must be more than zero");
        }
    }

    /** The wait before retry number {@code retry} (1 for the first): half fixed, half random. */
    public Duration delay(int retry) {
        long base = baseDelay.toMillis();
        long cap = maxDelay.toMillis();
        long exp = retry >= 62 || base << (retry - 1) < 0 ? cap : Math.min(cap, base << (retry - 1));
        long half = exp / 2;
        return Duration.ofMillis(half + (half > 0 ? ThreadLocalRandom.current().nextLong(half + 1) : 0));
    }
}
