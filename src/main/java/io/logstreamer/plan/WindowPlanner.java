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
