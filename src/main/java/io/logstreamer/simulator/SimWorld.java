package io.logstreamer.simulator;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulated tenancy: a compartment tree and, per compartment, a sequence of audit events whose
 * processing times are spread over [from, to). Everything is a pure function of the seed, so any
 * window can be answered, or its ground truth printed, without storing a single event.
 * <p>
 * A live world ({@link #live}) has no end: events keep arriving at a steady rate from {@code from}
 * on, and only those processed before its clock's now are visible, so an incremental exporter can
 * be tested against a clock that moves.
 */
public final class SimWorld {

    private final long seed;
    private final Instant from;
    private final Instant to;
    private final String tenancyId;
    private final Map<String, SimCompartment> compartments = new LinkedHashMap<>();
    private final Map<String, Long> eventCounts = new LinkedHashMap<>();
    private final EventGenerator generator;
    /** Null for a fixed world; the clock whose now bounds what a live world shows. */
    private final Clock clock;
    /** Live worlds: milliseconds between two events of a compartment. */
    private final Map<String, Double> liveStepMillis = new LinkedHashMap<>();

    public SimWorld(long seed, long totalEvents, Instant from, Instant to) {
        this(seed, from, to, null);
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("world range must not be empty: " + from + " .. " + to);
        }
        distribute(totalEvents);
    }

    /** A world whose events keep arriving, {@code eventsPerMinute} over all compartments, from {@code from} on. */
    public static SimWorld live(long seed, double eventsPerMinute, Instant from, Clock clock) {
        if (eventsPerMinute <= 0) {
            throw new IllegalArgumentException("a live world needs a positive event rate");
        }
        SimWorld w = new SimWorld(seed, from, null, clock);
        double sum = w.compartments.values().stream().mapToDouble(SimCompartment::weight).sum();
        for (SimCompartment c : w.compartments.values()) {
            w.liveStepMillis.put(c.id(), 60_000.0 / (eventsPerMinute * c.weight() / sum));
        }
        return w;
    }

    private SimWorld(long seed, Instant from, Instant to, Clock clock) {
        this.seed = seed;
        this.from = from;
        this.to = to;
        this.clock = clock;
        String suffix = Long.toHexString(mix(seed)).replace('-', 'x');
        this.tenancyId = "ocid1.tenancy.oc1..aaaasim" + suffix;
        addCompartment(new SimCompartment(tenancyId, null, "root", "ACTIVE", 4));
        String prod = compartmentId("prod");
        String dev = compartmentId("dev");
        addCompartment(new SimCompartment(prod, tenancyId, "prod", "ACTIVE", 3));
        addCompartment(new SimCompartment(compartmentId("prod-network"), prod, "prod-network", "ACTIVE", 1.5));
        addCompartment(new SimCompartment(compartmentId("prod-db"), prod, "prod-db", "ACTIVE", 1));
        addCompartment(new SimCompartment(dev, tenancyId, "dev", "ACTIVE", 2));
        addCompartment(new SimCompartment(compartmentId("dev-sandbox"), dev, "dev-sandbox", "ACTIVE", 0.5));
        addCompartment(new SimCompartment(compartmentId("security"), tenancyId, "security", "ACTIVE", 1));
        addCompartment(new SimCompartment(compartmentId("retired"), tenancyId, "retired", "DELETED", 0.25));
        this.generator = new EventGenerator(seed, this);
    }

    private String compartmentId(String name) {
        return "ocid1.compartment.oc1..aaaasim" + Long.toHexString(mix(seed ^ name.hashCode())).replace('-', 'x');
    }

    private void addCompartment(SimCompartment c) {
        compartments.put(c.id(), c);
    }

    private void distribute(long total) {
        double sum = compartments.values().stream().mapToDouble(SimCompartment::weight).sum();
        long assigned = 0;
        List<SimCompartment> all = new ArrayList<>(compartments.values());
        for (int i = 0; i < all.size(); i++) {
            long n = i == all.size() - 1 ? total - assigned : Math.round(total * all.get(i).weight() / sum);
            n = Math.max(0, Math.min(n, total - assigned));
            eventCounts.put(all.get(i).id(), n);
            assigned += n;
        }
    }

    public long seed() {
        return seed;
    }

    public Instant from() {
        return from;
    }

    /** The end of the events: fixed, or the clock's now for a live world. */
    public Instant to() {
        return clock == null ? to : clock.instant();
    }

    public String tenancyId() {
        return tenancyId;
    }

    public List<SimCompartment> compartments() {
        return Collections.unmodifiableList(new ArrayList<>(compartments.values()));
    }

    public Optional<SimCompartment> compartment(String id) {
        return Optional.ofNullable(compartments.get(id));
    }

    public List<SimCompartment> children(String parentId) {
        return compartments.values().stream().filter(c -> parentId.equals(c.parentId())).toList();
    }

    /** Every compartment below {@code rootId}, depth first, excluding the root itself. */
    public List<SimCompartment> subtree(String rootId) {
        List<SimCompartment> out = new ArrayList<>();
        for (SimCompartment child : children(rootId)) {
            out.add(child);
            out.addAll(subtree(child.id()));
        }
        return out;
    }

    /** Events of the compartment so far (all of them, for a fixed world). */
    public long eventCount(String compartmentId) {
        if (clock != null) {
            return firstIndexAtOrAfter(compartmentId, clock.millis());
        }
        return eventCounts.getOrDefault(compartmentId, 0L);
    }

    public long totalEvents() {
        return compartments.keySet().stream().mapToLong(this::eventCount).sum();
    }

    private double stepMillis(String compartmentId) {
        if (clock != null) {
            return liveStepMillis.get(compartmentId);
        }
        return (double) (to.toEpochMilli() - from.toEpochMilli()) / eventCounts.getOrDefault(compartmentId, 0L);
    }

    /** When the service processed event {@code index} of a compartment: non-decreasing in index. */
    public long processedMillis(String compartmentId, long index) {
        double jitter = unit(mix(seed ^ compartmentId.hashCode() * 31L ^ index * 0x9E3779B97F4A7C15L));
        return from.toEpochMilli() + (long) Math.floor((index + jitter) * stepMillis(compartmentId));
    }

    /** Index of the first event of the compartment processed at or after {@code millis}. */
    public long firstIndexAtOrAfter(String compartmentId, long millis) {
        long lo = 0;
        long hi = clock == null ? eventCounts.getOrDefault(compartmentId, 0L)
                : Math.max(0, (long) ((millis - from.toEpochMilli()) / stepMillis(compartmentId)) + 2);
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (processedMillis(compartmentId, mid) < millis) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Half-open index range [first, last) of the compartment's events processed in [start, end). */
    public long[] indexRange(String compartmentId, Instant start, Instant end) {
        if (clock != null && end.isAfter(clock.instant())) {
            end = clock.instant(); // a live world shows only what has been processed by now
        }
        long first = firstIndexAtOrAfter(compartmentId, start.toEpochMilli());
        long last = firstIndexAtOrAfter(compartmentId, Math.max(start.toEpochMilli(), end.toEpochMilli()));
        return new long[] {first, Math.max(first, last)};
    }

    public EventGenerator generator() {
        return generator;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static double unit(long bits) {
        return (bits >>> 11) * 0x1.0p-53;
    }
}
