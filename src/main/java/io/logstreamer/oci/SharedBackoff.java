package io.logstreamer.oci;

import java.time.Duration;

/**
 * A pause shared by every request to one endpoint: a 429 holds back all requests, not just the
 * one that was throttled, so a throttled export slows down as a whole instead of hammering on.
 */
public final class SharedBackoff {

    private long pausedUntilNanos = System.nanoTime();

    public synchronized void pauseFor(Duration pause) {
        long until = System.nanoTime() + pause.toNanos();
        if (until - pausedUntilNanos > 0) {
            pausedUntilNanos = until;
        }
    }

    /** Waits until no pause is in force. */
    public void awaitClearance() throws InterruptedException {
        while (true) {
            long wait;
            synchronized (this) {
                wait = pausedUntilNanos - System.nanoTime();
            }
            if (wait <= 0) {
                return;
            }
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
