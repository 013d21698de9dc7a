package io.logstreamer.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.logstreamer.checkpoint.WindowSchedule.Span;

class CheckpointTest {

    @TempDir
    Path dir;

    private static Instant t(String s) {
        return Instant.parse(s);
    }

    @Test
    void aCheckpointSurvivesANewStoreAndIsReplacedWhole() throws IOException {
        String key = "audit-daemon/eu-frankfurt-1/ocid1.tenancy.oc1..aaa";
        CheckpointStore store = new CheckpointStore(dir.resolve("cp"));
        assertEquals(Optional.empty(), store.load(key));
        store.save(key, t("2025-12-01T00:05:00Z"));
        store.save(key, t("2025-12-01T00:10:00Z"));
        assertEquals(Optional.of(t("2025-12-01T00:10:00Z")), new CheckpointStore(dir.resolve("cp")).load(key));
        try (Stream<Path> files = Files.list(dir.resolve("cp"))) {
            assertEquals(List.of("audit-daemon_eu-frankfurt-1_ocid1.tenancy.oc1..aaa.checkpoint.json"),
                    files.map(p -> p.getFileName().toString()).toList(), "one file per key, no temporary file left");
        }
        assertEquals(Optional.empty(), store.load("another-route/eu-frankfurt-1/x"), "keys do not share checkpoints");
    }

    @Test
    void aDamagedCheckpointIsAnErrorNotAFreshStart() throws IOException {
        CheckpointStore store = new CheckpointStore(dir);
        Files.writeString(store.file("k"), "{\"key\":\"k\",\"end\":\"yesterday\"}");
        IOException e = assertThrows(IOException.class, () -> store.load("k"));
        assertTrue(e.getMessage().contains("unreadable"), e.getMessage());
        Files.writeString(store.file("k"), "{\"key\":\"other\",\"end\":\"2025-12-01T00:00:00Z\"}");
        assertThrows(IOException.class, () -> store.load("k"));
    }

    @Test
    void pendingWindowsRunFromTheCheckpointToNowMinusLagOnWholeMinutes() {
        List<Span> spans = WindowSchedule.pending(t("2025-12-01T10:00:00Z"), t("2025-12-01T10:17:42Z"),
                Duration.ofMinutes(3), Duration.ofMinutes(5));
        assertEquals(List.of(
                new Span(t("2025-12-01T10:00:00Z"), t("2025-12-01T10:05:00Z")),
                new Span(t("2025-12-01T10:05:00Z"), t("2025-12-01T10:10:00Z")),
                new Span(t("2025-12-01T10:10:00Z"), t("2025-12-01T10:14:00Z"))), spans);
    }

    @Test
    void aDaemonThatWasDownCatchesUpInContiguousWindows() {
        List<Span> spans = WindowSchedule.pending(t("2025-12-01T00:00:00Z"), t("2025-12-02T00:05:00Z"),
                Duration.ofMinutes(5), Duration.ofHours(1));
        assertEquals(24, spans.size());
        for (int i = 1; i < spans.size(); i++) {
            assertEquals(spans.get(i - 1).end(), spans.get(i).start());
        }
        assertEquals(t("2025-12-02T00:00:00Z"), spans.get(23).end());
    }

    @Test
    void nothingIsDueBeforeTheLagHasPassedAndAPartMinuteIsNeverSkipped() {
        assertEquals(List.of(), WindowSchedule.pending(t("2025-12-01T10:00:00Z"), t("2025-12-01T10:02:59Z"),
                Duration.ofMinutes(3), Duration.ofMinutes(5)));
        List<Span> spans = WindowSchedule.pending(t("2025-12-01T10:00:30Z"), t("2025-12-01T10:10:00Z"),
                Duration.ZERO, Duration.ofMinutes(60));
        assertEquals(t("2025-12-01T10:00:00Z"), spans.get(0).start(), "rounded down: repeated, not skipped");
    }
}
