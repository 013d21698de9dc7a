package io.logstreamer.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.logstreamer.Durations;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(8, Duration.ofMillis(100), Duration.ofMillis(1000),
            Duration.ofMinutes(1), Duration.ofSeconds(5));

    @Test
    void delaysDoubleWithJitterUpToTheCap() {
        for (int i = 0; i < 200; i++) {
            long first = policy.delay(1).toMillis();
            long third = policy.delay(3).toMillis();
            long tenth = policy.delay(10).toMillis();
            assertTrue(first >= 50 && first <= 100, "first retry in [base/2, base]: " + first);
            assertTrue(third >= 200 && third <= 400, "third retry in [2*base, 4*base]: " + third);
            assertTrue(tenth >= 500 && tenth <= 1000, "capped: " + tenth);
        }
        assertTrue(policy.delay(200).toMillis() <= 1000, "no overflow on huge retry counts");
    }

    @Test
    void nonsenseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("soon"));
        assertEquals(Duration.ofMillis(250), Durations.parse("250ms"));
        assertEquals(Duration.ofMinutes(10), Durations.parse("10m"));
        assertEquals(Duration.ofSeconds(30), Durations.parse("PT30S"));
    }

    @Test
    void aPauseHoldsBackEveryCaller() throws Exception {
        SharedBackoff backoff = new SharedBackoff();
        backoff.pauseFor(Duration.ofMillis(300));
        AtomicLong waited = new AtomicLong();
        Thread other = new Thread(() -> {
            long t0 = System.nanoTime();
            try {
                backoff.awaitClearance();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            waited.set((System.nanoTime() - t0) / 1_000_000);
        });
        other.start();
        other.join();
        assertTrue(waited.get() >= 250, "another caller waited out the pause: " + waited.get() + " ms");
        long t0 = System.nanoTime();
        backoff.awaitClearance();
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 250, "no pause once it is over");
    }
}
