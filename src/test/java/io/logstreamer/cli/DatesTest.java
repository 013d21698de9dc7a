package io.logstreamer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.logstreamer.UsageException;

class DatesTest {

    @Test
    void dottedDatesAreUtcMidnightAndTheEndDayIsIncluded() {
        assertEquals(Instant.parse("2025-12-01T00:00:00Z"), Dates.start("--startdate", "01.12.25"));
        assertEquals(Instant.parse("2025-12-08T00:00:00Z"), Dates.end("--enddate", "07.12.25"));
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), Dates.end("--enddate", "31.12.25"));
        assertEquals(Instant.parse("2025-12-01T00:00:00Z"), Dates.start("--startdate", "1.12.25"), "like strptime %d.%m.%y");
    }

    @Test
    void isoDatesAndInstantsAreAccepted() {
        assertEquals(Instant.parse("2025-12-02T00:00:00Z"), Dates.end("--enddate", "2025-12-01"));
        assertEquals(Instant.parse("2025-12-01T10:15:00Z"), Dates.end("--enddate", "2025-12-01T10:15:00Z"));
        assertEquals(Instant.parse("2025-12-01T09:15:00Z"), Dates.start("--startdate", "2025-12-01T10:15:00+01:00"));
    }

    @Test
    void impossibleDatesNameTheFlagAndTheForms() {
        for (String bad : new String[] {"32.12.25", "29.02.25", "01.12.2025x", "yesterday", "", "2025-13-01"}) {
            UsageException e = assertThrows(UsageException.class, () -> Dates.start("--startdate", bad));
            assertTrue(e.getMessage().startsWith("--startdate '" + bad + "' is not a valid date"), e.getMessage());
        }
    }
}
