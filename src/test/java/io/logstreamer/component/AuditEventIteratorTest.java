package io.logstreamer.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.logstreamer.SimulatorFixture;
import io.logstreamer.event.AuditEventRecord;
import io.logstreamer.oci.AuditEventsClient;
import io.logstreamer.oci.OciSession;
import io.logstreamer.oci.RetryPolicy;
import io.logstreamer.plan.Window;
import io.logstreamer.plan.WindowPlanner;

class AuditEventIteratorTest {

    @TempDir
    Path dir;

    @Test
    void workersStopFetchingWhenTheReaderFallsBehind() throws Exception {
        try (SimulatorFixture sim = new SimulatorFixture(dir, 40_000, "2025-12-01T00:00:00Z", "2025-12-08T00:00:00Z", 20)) {
            OciSession session = OciSession.fromConfigFile(sim.credentials.configFile().toString(), "DEFAULT", null,
                    sim.simulator.baseUrl(), sim.simulator.baseUrl());
            AuditEventsClient client = new AuditEventsClient(session, RetryPolicy.DEFAULT);
            List<Window> units = WindowPlanner.slice(WindowPlanner.plan(List.of(sim.world.tenancyId()),
                    Instant.parse("2025-12-01T00:00:00Z"), Instant.parse("2025-12-08T00:00:00Z"), 7), Duration.ofHours(6));
            int parallelism = 4;
            int pagesAhead = 3;
            long pageBytes = 20 * 1700; // 20 events of about 1.7 kB
            long readAhead = 5 * pageBytes;
            AuditEventIterator it = new AuditEventIterator(client, units, new ExportStats(units.size()), false,
                    parallelism, pagesAhead, readAhead);
            try {
                it.hasNext(); // starts the workers; then the reader stalls
                Thread.sleep(1500);
                long fetched = sim.simulator.totalRequests();
                assertTrue(fetched > pagesAhead, "the workers read ahead: " + fetched);
                // readAhead (about 5 pages) plus at most one page in flight per worker, plus the reader's own pagesAhead
                assertTrue(fetched <= 5 + 1 + parallelism + pagesAhead, "but no further than the bound: " + fetched + " pages");
                Thread.sleep(500);
                assertEquals(fetched, sim.simulator.totalRequests(), "and then wait for the reader");

                List<String> ids = new ArrayList<>();
                while (it.hasNext()) {
                    AuditEventRecord e = it.next();
                    ids.add(e.getEventId());
                }
                assertEquals(sim.expectedIds(List.of(sim.world.tenancyId()), Instant.parse("2025-12-01T00:00:00Z"),
                        Instant.parse("2025-12-08T00:00:00Z")), ids, "all events, in plan order");
                assertTrue(sim.simulator.totalRequests() > 100, "many pages in all: " + sim.simulator.totalRequests());
            } finally {
                it.close();
            }
        }
    }
}
