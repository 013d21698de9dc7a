package io.logstreamer.simulator;

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
 */
public final class SimWorld {

    private final long seed;
    private final Instant from;
    private final Instant to;
    private final String tenancyId;
    private final Map<String, SimCompartment> compartments = new LinkedHashMap<>();
    private final Map<String, Long> eventCounts = new LinkedHashMap<>();
    private final EventGenerator generator;

    public SimWorld(long seed, long totalEvents, Instant from, Instant to) {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("world range must not be empty: " + from + " .. " + to);
        }
        this.seed = seed;
        this.from = from;
        this.to = to;
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
        distribute(totalEvents);
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

    public Instant to() {
        return to;
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

    public long eventCount(String compartmentId) {
        return eventCounts.getOrDefault(compartmentId, 0L);
    }

    public long totalEvents() {
        return eventCounts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** When the service processed event {@code index} of a compartment: non-decreasing in index. */
    public long processedMillis(String compartmentId, long index) {
        long n = eventCount(compartmentId);
        double step = (double) (to.toEpochMilli() - from.toEpochMilli()) / n;
        double jitter = unit(mix(seed ^ compartmentId.hashCode() * 31L ^ index * 0x9E3779B97F4A7C15L));
        return from.toEpochMilli() + (long) Math.floor((index + jitter) * step);
    }

    /** Index of the first event of the compartment processed at or after {@code millis}. */
    public long firstIndexAtOrAfter(String compartmentId, long millis) {
        long lo = 0;
        long hi = eventCount(compartmentId);
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
        long first = firstIndexAtOrAfter(compartmentId, start.toEpochMilli());
        long last = firstIndexAtOrAfter(compartmentId, end.toEpochMilli());
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
