package io.logstreamer.plan;

import java.time.Instant;

/** One ListEvents query: a compartment and a half-open interval [start, end) of processing time. */
public record Window(String compartmentId, Instant start, Instant end) {
}
