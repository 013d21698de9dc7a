package io.logstreamer.plan;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an export into ListEvents windows: for each compartment (in the order given), the range
 * cut into chunks of at most {@code chunkDays} days. Windows are contiguous and never overlap,
 * and every boundary is a whole minute because the API filters on processing time per minute.
 */
public final class WindowPlanner {

    private WindowPlanner() {
    }

    /** Widens [start, end) to whole minutes: losing an event is worse than fetching a few more. */
    public static Instant[] toWholeMinutes(Instant start, Instant end) {
        Instant s = start.truncatedTo(ChronoUnit.MINUTES);
        Instant e = end.truncatedTo(ChronoUnit.MINUTES);
        if (e.isBefore(end)) {
            e = e.plus(1, ChronoUnit.MINUTES);
        }
        return new Instant[] {s, e};
    }

    /**
     * Cuts every window into slices of at most {@code maxSlice} (rounded up to whole minutes), in
     * order, so that several can be fetched at once; the slices cover each window exactly.
     */
    public static List<Window> slice(List<Window> windows, Duration maxSlice) {
        long minutes = Math.max(1, (maxSlice.toSeconds() + 59) / 60);
        Duration step = Duration.ofMinutes(minutes);
        List<Window> out = new ArrayList<>();
        for (Window w : windows) {
            for (Instant s = w.start(); s.isBefore(w.end()); ) {
                Instant e = s.plus(step);
                if (e.isAfter(w.end())) {
                    e = w.end();
                }
                out.add(new Window(w.compartmentId(), s, e));
                s = e;
            }
        }
        return out;
    }

    /** A slice size that gives about {@code unitsWanted} units over all windows (never below a minute). */
    public static Duration sliceFor(List<Window> windows, int unitsWanted) {
        long totalMinutes = windows.stream().mapToLong(w -> Duration.between(w.start(), w.end()).toMinutes()).sum();
        return Duration.ofMinutes(Math.max(1, (totalMinutes + unitsWanted - 1) / Math.max(1, unitsWanted)));
    }

    public static List<Window> plan(List<String> compartmentIds, Instant start, Instant end, int chunkDays) {
        if (chunkDays < 1) {
            throw new IllegalArgumentException("chunk size must be at least one day, was " + chunkDays);
        }
        Instant[] range = toWholeMinutes(start, end);
        if (!range[1].isAfter(range[0])) {
            throw new IllegalArgumentException("end " + end + " must be after start " + start);
        }
        Duration chunk = Duration.ofDays(chunkDays);
        List<Window> windows = new ArrayList<>();
        for (String compartmentId : compartmentIds) {
            for (Instant s = range[0]; s.isBefore(range[1]); ) {
                Instant e = s.plus(chunk);
                if (e.isAfter(range[1])) {
                    e = range[1];
                }
                windows.add(new Window(compartmentId, s, e));
                s = e;
            }
        }
        return windows;
    }
}
