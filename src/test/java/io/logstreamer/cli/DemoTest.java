package io.logstreamer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.logstreamer.SimulatorFixture;
import io.logstreamer.SimulatorFixture.Run;

/** The README's first command, on a small simulated tenancy. */
class DemoTest {

    @TempDir
    Path dir;

    @Test
    void demoExportsFromTheBuiltInSimulatorWithoutAnAccount() throws Exception {
        Path out = dir.resolve("audit_logs.json");
        Path counts = dir.resolve("allevents.json");
        Run run = SimulatorFixture.run("--demo", "--demo-events", "4000", "--startdate", "01.12.25", "--enddate", "07.12.25",
                "--outputfile", out.toString(), "--countsfile", counts.toString(), "--subtree");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("demo: exporting from the built-in OCI API simulator at http://127.0.0.1:"), run.err());
        JsonNode events = SimulatorFixture.MAPPER.readTree(out.toFile());
        // Every active compartment's events: all of the world but the deleted compartment's share.
        assertTrue(events.size() > 3_800 && events.size() < 4_000, "events: " + events.size());
        long counted = 0;
        for (JsonNode n : SimulatorFixture.MAPPER.readTree(counts.toFile())) {
            counted += n.asLong();
        }
        assertEquals(events.size(), counted);
        assertTrue(run.err().contains("exported " + events.size() + " of " + events.size() + " events"), run.err());
        assertTrue(Files.exists(out));
    }
}
