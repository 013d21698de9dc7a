package io.logstreamer.checkpoint;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The windows an incremental run still owes: from the checkpoint up to {@code now - lag} (events
 * show up in the API some minutes after they happen), on whole minutes because the API filters on
 * processing time per minute, contiguous and cut into pieces of at most {@code maxWindow} so that a
 * daemon that was down for a day catches up window by window.
 */
public final class WindowSchedule {

    /** A half-open interval [start, end) of processing time. */
    public record Span(Instant start, Instant end) {
    }

    private WindowSchedule() {
    }

    public static List<Span> pending(Instant checkpoint, Instant now, Duration lag, Duration maxWindow) {
        if (lag.isNegative() || maxWindow.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("lag must not be negative and windows must be at least a minute");
        }
        // Down, never up: repeating part of a minute is caught by de-duplication, skipping it is loss.
        Instant start = checkpoint.truncatedTo(ChronoUnit.MINUTES);
        Instant until = now.minus(lag).truncatedTo(ChronoUnit.MINUTES);
        Duration step = maxWindow.truncatedTo(ChronoUnit.MINUTES);
        List<Span> spans = new ArrayList<>();
        for (Instant s = start; s.isBefore(until); ) {
            Instant e = s.plus(step);
            if (e.isAfter(until)) {
                e = until;
            }
            spans.add(new Span(s, e));
            s = e;
        }
        return spans;
    }
}
