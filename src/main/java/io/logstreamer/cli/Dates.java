package io.logstreamer.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

import io.logstreamer.UsageException;

/**
 * Dates as the original script took them (DD.MM.YY, UTC midnight, the end day included whole),
 * plus ISO dates and ISO-8601 instants for exact windows.
 */
public final class Dates {

    private static final DateTimeFormatter DOTTED = DateTimeFormatter.ofPattern("d.M.uu").withResolverStyle(ResolverStyle.STRICT);
    private static final String FORMS = "use DD.MM.YY (e.g. 01.12.25), YYYY-MM-DD, or an ISO-8601 instant (e.g. 2025-12-01T10:15:00Z)";

    private Dates() {
    }

    public static Instant start(String flag, String text) {
        return parse(flag, text, false);
    }

    /** A day given as end means "through that day": the instant returned is the next midnight. */
    public static Instant end(String flag, String text) {
        return parse(flag, text, true);
    }

    private static Instant parse(String flag, String text, boolean endOfDay) {
        String t = text == null ? "" : text.trim();
        LocalDate day = null;
        try {
            day = LocalDate.parse(t, DOTTED);
        } catch (DateTimeParseException ignored) {
            try {
                day = LocalDate.parse(t);
            } catch (DateTimeParseException ignoredToo) {
                // not a plain day: try an instant below
            }
        }
        if (day != null) {
            return (endOfDay ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            throw new UsageException(flag + " '" + text + "' is not a valid date: " + FORMS);
        }
    }
}
