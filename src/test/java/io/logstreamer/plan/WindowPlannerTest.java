package io.logstreamer.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.logstreamer.cli.Dates;

class WindowPlannerTest {

    private static Instant t(String s) {
        return Instant.parse(s);
    }

    @Test
    void sevenDayRangeIsOneChunk() {
        List<Window> w = WindowPlanner.plan(List.of("c"), Dates.start("s", "01.12.25"), Dates.end("e", "07.12.25"), 7);
        assertEquals(List.of(new Window("c", t("2025-12-01T00:00:00Z"), t("2025-12-08T00:00:00Z"))), w);
    }

    @Test
    void rangeNotAMultipleOfTheChunkEndsWithAShortChunk() {
        List<Window> w = WindowPlanner.plan(List.of("c"), t("2025-12-01T00:00:00Z"), t("2025-12-18T00:00:00Z"), 7);
        assertEquals(List.of(
                new Window("c", t("2025-12-01T00:00:00Z"), t("2025-12-08T00:00:00Z")),
                new Window("c", t("2025-12-08T00:00:00Z"), t("2025-12-15T00:00:00Z")),
                new Window("c", t("2025-12-15T00:00:00Z"), t("2025-12-18T00:00:00Z"))), w);
    }

    @Test
    void singleDayIncludesTheWholeDay() {
        List<Window> w = WindowPlanner.plan(List.of("c"), Dates.start("s", "05.12.25"), Dates.end("e", "05.12.25"), 7);
        assertEquals(List.of(new Window("c", t("2025-12-05T00:00:00Z"), t("2025-12-06T00:00:00Z"))), w);
    }

    @Test
    void windowsAreContiguousPerCompartmentInPlanOrder() {
        List<Window> w = WindowPlanner.plan(List.of("a", "b"), t("2025-12-01T00:00:00Z"), t("2025-12-03T12:00:00Z"), 1);
        assertEquals(6, w.size());
        assertEquals(List.of("a", "a", "a", "b", "b", "b"), w.stream().map(Window::compartmentId).toList());
        for (int i = 1; i < 3; i++) {
            assertEquals(w.get(i - 1).end(), w.get(i).start());
        }
        assertEquals(t("2025-12-03T12:00:00Z"), w.get(2).end());
        assertEquals(t("2025-12-01T00:00:00Z"), w.get(3).start());
    }

    @Test
    void boundariesAreWidenedToWholeMinutes() {
        List<Window> w = WindowPlanner.plan(List.of("c"), t("2025-12-01T10:15:30Z"), t("2025-12-01T10:20:00.001Z"), 7);
        assertEquals(List.of(new Window("c", t("2025-12-01T10:15:00Z"), t("2025-12-01T10:21:00Z"))), w);
    }

    @Test
    void emptyOrReversedRangeAndZeroChunkAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> WindowPlanner.plan(List.of("c"), t("2025-12-02T00:00:00Z"), t("2025-12-01T00:00:00Z"), 7));
        assertThrows(IllegalArgumentException.class,
                () -> WindowPlanner.plan(List.of("c"), t("2025-12-01T00:00:00Z"), t("2025-12-02T00:00:00Z"), 0));
    }
}
