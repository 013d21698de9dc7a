package io.logstreamer.simulator;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Faults the simulator injects, deterministic from a seed: the n-th request always gets the same
 * answer. Rates are fractions of all requests; {@code permanent} windows fail on every request.
 */
public final class Faults {

    /** A compartment's time range whose ListEvents requests always fail with 500. */
    public record PermanentFailure(String compartmentId, Instant start, Instant end) {
        boolean hits(String compartment, Instant from, Instant to) {
            return compartmentId.equals(compartment) && from.isBefore(end) && to.isAfter(start);
        }
    }

    /** What to do with one request. */
    public enum Kind { NONE, THROTTLE, THROTTLE_RETRY_AFTER, ERROR_500, ERROR_502, ERROR_503, ERROR_504, SLOW, DROP }

    private final long seed;
    private final double rate429;
    private final double retryAfterShare;
    private final double rate5xx;
    private final double rateSlow;
    private final long slowMillis;
    private final double rateDrop;
    private final List<PermanentFailure> permanent;
    private final AtomicLong requests = new AtomicLong();

    /**
     * @param retryAfterShare share of the 429s that carry a Retry-After header (1 second)
     * @param rate5xx         spread evenly over 500, 502, 503 and 504
     * @param rateDrop        answers whose connection is closed half-way through the body
     */
    public Faults(long seed, double rate429, double retryAfterShare, double rate5xx, double rateSlow, long slowMillis,
                  double rateDrop, List<PermanentFailure> permanent) {
        if (rate429 < 0 || rate5xx < 0 || rateSlow < 0 || rateDrop < 0 || rate429 + rate5xx + rateSlow + rateDrop > 1) {
            throw new IllegalArgumentException("fault rates must be fractions that add up to at most 1");
        }
        this.seed = seed;
        this.rate429 = rate429;
        this.retryAfterShare = retryAfterShare;
        this.rate5xx = rate5xx;
        this.rateSlow = rateSlow;
        this.slowMillis = slowMillis;
        this.rateDrop = rateDrop;
        this.permanent = List.copyOf(permanent);
    }

    public static Faults none() {
        return new Faults(0, 0, 0, 0, 0, 0, 0, List.of());
    }

    /** Whether any fault can happen; the simulator only keeps per-page bookkeeping then. */
    public boolean active() {
        return rate429 + rate5xx + rateSlow + rateDrop > 0 || !permanent.isEmpty();
    }

    public long slowMillis() {
        return slowMillis;
    }

    boolean failsForGood(String compartment, Instant from, Instant to) {
        return permanent.stream().anyMatch(p -> p.hits(compartment, from, to));
    }

    Kind next() {
        long n = requests.getAndIncrement();
        double x = SimWorld.unit(SimWorld.mix(seed * 0x9E3779B97F4A7C15L + n));
        if (x < rate429) {
            double y = SimWorld.unit(SimWorld.mix(seed ^ n * 31 + 7));
            return y < retryAfterShare ? Kind.THROTTLE_RETRY_AFTER : Kind.THROTTLE;
        }
        x -= rate429;
        if (x < rate5xx) {
            return switch ((int) (x / rate5xx * 4)) {
                case 0 -> Kind.ERROR_500;
                case 1 -> Kind.ERROR_502;
                case 2 -> Kind.ERROR_503;
                default -> Kind.ERROR_504;
            };
        }
        x -= rate5xx;
        if (x < rateSlow) {
            return Kind.SLOW;
        }
        x -= rateSlow;
        return x < rateDrop ? Kind.DROP : Kind.NONE;
    }
}
