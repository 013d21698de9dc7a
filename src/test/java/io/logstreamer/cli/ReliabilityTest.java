package io.logstreamer.cli;

import static io.logstreamer.SimulatorFixture.MAPPER;
import static io.logstreamer.SimulatorFixture.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.logstreamer.SimulatorFixture;
import io.logstreamer.SimulatorFixture.Run;
import io.logstreamer.simulator.Faults;
import io.logstreamer.simulator.SimCompartment;
import io.logstreamer.simulator.SimWorld;
import io.logstreamer.simulator.Simulator;

/** Faults from the API: retried until the export is exact, or reported window by window. */
class ReliabilityTest {

    private static final Instant FROM = Instant.parse("2025-12-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2025-12-15T00:00:00Z");
    private static final String[] FAST_RETRIES = {"--retry-base-delay", "5ms", "--retry-max-delay", "50ms"};

    @TempDir
    Path dir;

    private static SimWorld world(long events) {
        return new SimWorld(11, events, FROM, TO);
    }

    private static String[] args(String... more) {
        List<String> all = new ArrayList<>(List.of(FAST_RETRIES));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static List<String> activeScope(SimWorld w) {
        List<String> scope = new ArrayList<>(List.of(w.tenancyId()));
        w.subtree(w.tenancyId()).stream().filter(SimCompartment::isActive).map(SimCompartment::id).forEach(scope::add);
        return scope;
    }

    @Test
    void faultMatrixStillGivesExactlyTheGroundTruth() throws Exception {
        // 20% 429 (2% of them with Retry-After: 1), 5% 5xx, 2% connections closed mid-body.
        Faults faults = new Faults(5, 0.20, 0.02, 0.05, 0, 0, 0.02, List.of());
        SimWorld w = world(220_000);
        try (SimulatorFixture sim = new SimulatorFixture(dir, w, new Simulator.Options("127.0.0.1", 0, 250, 0, faults))) {
            Path out = dir.resolve("matrix.json");
            Run run = sim.export(args("--startdate", "01.12.25", "--enddate", "14.12.25", "--subtree",
                    "--retry-max-attempts", "20", "--outputfile", out.toString()));
            assertEquals(0, run.exitCode(), run.err());
            List<String> expected = sim.expectedIds(activeScope(w), FROM, TO);
            List<String> got = SimulatorFixture.idsOf(out);
            assertTrue(expected.size() >= 200_000, "at least 200,000 events: " + expected.size());
            assertEquals(expected.size(), got.size(), "events expected vs written");
            assertEquals(expected, got, "no event missing or duplicated, in plan order");
            Simulator s = sim.simulator;
            long faulty = s.requests(429) + s.requests(500) + s.requests(502) + s.requests(503) + s.requests(504) + s.dropped();
            assertTrue(s.requests(429) > 0 && s.dropped() > 0 && s.requests(503) > 0, "every fault kind happened");
            assertEquals(faulty, s.retriesSeen(), "every fault was retried, nothing else was asked twice");
            assertTrue(run.err().contains(faulty + " retries"), run.err());
            System.out.printf("fault matrix: %d events expected, %d written; %d requests (%d x 429, %d x 5xx, %d dropped),"
                            + " %d retries seen by the simulator%n", expected.size(), got.size(), s.totalRequests(),
                    s.requests(429), s.requests(500) + s.requests(502) + s.requests(503) + s.requests(504), s.dropped(),
                    s.retriesSeen());
        }
    }

    @Test
    void slowAnswersTimeOutAndAreRetried() throws Exception {
        Faults faults = new Faults(3, 0, 0, 0, 0.2, 3_000, 0, List.of());
        SimWorld w = world(3_000);
        try (SimulatorFixture sim = new SimulatorFixture(dir, w, new Simulator.Options("127.0.0.1", 0, 100, 0, faults))) {
            Path out = dir.resolve("slow.json");
            Run run = sim.export(args("--startdate", "01.12.25", "--enddate", "14.12.25", "--page-timeout", "500ms",
                    "--retry-max-attempts", "10", "--outputfile", out.toString()));
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(sim.simulator.slowed() > 0);
            assertEquals(sim.expectedIds(List.of(w.tenancyId()), FROM, TO), ids(MAPPER.readTree(out.toFile())));
        }
    }

    @Test
    void aWindowThatFailsForGoodFailsTheRunAndIsNamed() throws Exception {
        SimWorld w = world(20_000);
        String prod = w.children(w.tenancyId()).get(0).id();
        Faults faults = new Faults(1, 0, 0, 0, 0, 0, 0,
                List.of(new Faults.PermanentFailure(prod, Instant.parse("2025-12-09T00:00:00Z"), Instant.parse("2025-12-10T00:00:00Z"))));
        try (SimulatorFixture sim = new SimulatorFixture(dir, w, new Simulator.Options("127.0.0.1", 0, 100, 0, faults))) {
            Path out = dir.resolve("perm.json");
            Files.writeString(out, "previous");
            // One-day slices: exactly the slice 12-09 .. 12-10 of prod fails.
            Run run = sim.export(args("--startdate", "01.12.25", "--enddate", "14.12.25", "--subtree", "--slice-minutes", "1440",
                    "--retry-max-attempts", "3", "--outputfile", out.toString()));
            assertEquals(1, run.exitCode(), run.err());
            String window = "compartment " + prod + ", 2025-12-09T00:00:00Z .. 2025-12-10T00:00:00Z";
            assertTrue(run.err().contains("failed window: " + window), run.err());
            assertTrue(run.err().contains("1 window(s) failed after retries"), run.err());
            assertTrue(run.err().contains("gave up after 3 attempt(s)"), run.err());
            assertEquals("previous", Files.readString(out), "no complete-looking file in place");
            assertFalse(Files.exists(dir.resolve("perm.json.gaps.json")));

            Run partial = sim.export(args("--startdate", "01.12.25", "--enddate", "14.12.25", "--subtree", "--slice-minutes", "1440",
                    "--retry-max-attempts", "3", "--allow-partial", "--outputfile", out.toString()));
            assertEquals(3, partial.exitCode(), partial.err());
            assertTrue(partial.err().contains("INCOMPLETE: 1 window(s)"), partial.err());
            JsonNode gaps = MAPPER.readTree(dir.resolve("perm.json.gaps.json").toFile());
            assertEquals(1, gaps.path("gaps").size());
            JsonNode gap = gaps.path("gaps").get(0);
            assertEquals(prod, gap.path("compartmentId").asText());
            assertEquals("2025-12-09T00:00:00Z", gap.path("start").asText());
            assertEquals("2025-12-10T00:00:00Z", gap.path("end").asText());
            assertEquals(0, gap.path("pagesWritten").asLong());
            // Everything but the failed window is there.
            List<String> expected = new ArrayList<>();
            for (String c : activeScope(w)) {
                if (c.equals(prod)) {
                    expected.addAll(sim.expectedIds(List.of(c), FROM, Instant.parse("2025-12-09T00:00:00Z")));
                    expected.addAll(sim.expectedIds(List.of(c), Instant.parse("2025-12-10T00:00:00Z"), TO));
                } else {
                    expected.addAll(sim.expectedIds(List.of(c), FROM, TO));
                }
            }
            assertEquals(expected, ids(MAPPER.readTree(out.toFile())));

            // A later complete run removes the stale gaps file.
            Run complete = sim.export(args("--startdate", "01.12.25", "--enddate", "07.12.25", "--subtree",
                    "--allow-partial", "--outputfile", out.toString()));
            assertEquals(0, complete.exitCode(), complete.err());
            assertFalse(Files.exists(dir.resolve("perm.json.gaps.json")));
        }
    }

    @Test
    void nonRetryableAnswersFailFastWithoutRetrying() throws Exception {
        SimWorld w = world(1_000);
        try (SimulatorFixture sim = new SimulatorFixture(dir, w, new Simulator.Options("127.0.0.1", 0, 100, 0))) {
            Run run = sim.export(args("--startdate", "01.12.25", "--enddate", "02.12.25", "--compartment",
                    "ocid1.compartment.oc1..unknown", "--parallelism", "1", "--outputfile", dir.resolve("x.json").toString()));
            assertEquals(1, run.exitCode(), run.err());
            assertTrue(run.err().contains("HTTP 404 NotAuthorizedOrNotFound"), run.err());
            assertTrue(run.err().contains("check the compartment OCID"), run.err());
            assertEquals(1, sim.simulator.requests(404), "a 404 is not retried");
        }
    }

    @Test
    void retryAfterIsHonouredAndThrottlingSlowsTheExport() throws Exception {
        // Every 429 asks for 1 s; with 50% throttling the export must take at least that long per 429.
        Faults faults = new Faults(9, 0.5, 1.0, 0, 0, 0, 0, List.of());
        SimWorld w = world(1_500);
        try (SimulatorFixture sim = new SimulatorFixture(dir, w, new Simulator.Options("127.0.0.1", 0, 200, 0, faults))) {
            long started = System.nanoTime();
            // One request at a time, so that every 429's pause is waited out on its own.
            Run run = sim.export(args("--startdate", "01.12.25", "--enddate", "14.12.25", "--retry-max-attempts", "30",
                    "--parallelism", "1", "--outputfile", dir.resolve("ra.json").toString()));
            double seconds = (System.nanoTime() - started) / 1e9;
            assertEquals(0, run.exitCode(), run.err());
            long throttled = sim.simulator.requests(429);
            assertTrue(throttled >= 1, "the test needs throttling");
            assertTrue(seconds >= throttled, throttled + " x Retry-After: 1 s honoured, took " + seconds + " s");
            assertTrue(run.err().contains(throttled + " throttled"), run.err());
        }
    }

    @Test
    void noTemporaryFileIsLeftAfterAFailure() throws Exception {
        SimWorld w = world(1_000);
        try (SimulatorFixture sim = new SimulatorFixture(dir.resolve("sim"), w, new Simulator.Options("127.0.0.1", 0, 100, 0))) {
            Path outDir = Files.createDirectories(dir.resolve("out"));
            sim.export(args("--startdate", "01.12.25", "--enddate", "02.12.25", "--compartment", w.tenancyId(), "--compartment",
                    "ocid1.compartment.oc1..unknown", "--outputfile", outDir.resolve("x.json").toString()));
            try (Stream<Path> files = Files.list(outDir)) {
                assertEquals(List.of(), files.toList());
            }
        }
    }
}
