package io.logstreamer.cli;

import static io.logstreamer.SimulatorFixture.MAPPER;
import static io.logstreamer.SimulatorFixture.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.logstreamer.SimulatorFixture;
import io.logstreamer.SimulatorFixture.Run;
import io.logstreamer.simulator.SimCompartment;

/** The real command, the real SDK signer and Identity client, the simulator over real HTTP. */
class ExportEndToEndTest {

    private static final Instant DEC_1 = Instant.parse("2025-12-01T00:00:00Z");
    private static final Instant DEC_15 = Instant.parse("2025-12-15T00:00:00Z");

    @TempDir
    static Path shared;
    static SimulatorFixture sim;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSimulator() throws IOException {
        sim = new SimulatorFixture(shared, 30_000, "2025-12-01T00:00:00Z", "2025-12-15T00:00:00Z", 50);
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    private Path out(String name) {
        return dir.resolve(name);
    }

    private Run export(String... args) {
        return sim.export(args);
    }

    private static JsonNode read(Path file) throws IOException {
        return MAPPER.readTree(file.toFile());
    }

    private String tenancy() {
        return sim.world.tenancyId();
    }

    private String compartment(String name) {
        return sim.world.compartments().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().id();
    }

    @Test
    void exportsExactlyTheTenancyRootAcrossChunksAndPages() throws IOException {
        Run run = export("--startdate", "01.12.25", "--enddate", "14.12.25", "--parallelism", "1", "--outputfile", out("a.json").toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> expected = sim.expectedIds(List.of(tenancy()), DEC_1, DEC_15);
        assertTrue(expected.size() > 5_000, "the test needs many pages: " + expected.size());
        List<String> got = ids(read(out("a.json")));
        assertEquals(expected, got);
        assertEquals(got.size(), SimulatorFixture.unique(got).size(), "no duplicates");
        assertTrue(run.err().contains("exported " + expected.size() + " of " + expected.size() + " events"), run.err());
        assertTrue(run.err().contains("2 windows"), "14 days in 7-day chunks: " + run.err());
        assertTrue(run.err().contains("root compartment " + tenancy() + " only"), "the scope is said: " + run.err());
    }

    @Test
    void smallerChunksGiveTheSameEvents() throws IOException {
        Run run = export("--startdate", "01.12.25", "--enddate", "14.12.25", "--chunk-days", "3", "--parallelism", "1",
                "--outputfile", out("c.json").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("5 windows"), run.err());
        assertEquals(sim.expectedIds(List.of(tenancy()), DEC_1, DEC_15), ids(read(out("c.json"))));
    }

    @Test
    void exportsSelectedCompartmentsInTheOrderGiven() throws IOException {
        List<String> scope = List.of(compartment("dev"), compartment("prod-db"));
        Run run = export("--startdate", "03.12.25", "--enddate", "09.12.25", "--compartment", scope.get(0),
                "--compartment", scope.get(1), "--outputfile", out("s.json").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(sim.expectedIds(scope, Instant.parse("2025-12-03T00:00:00Z"), Instant.parse("2025-12-10T00:00:00Z")),
                ids(read(out("s.json"))));
    }

    @Test
    void subtreeOfTheTenancyCoversEveryActiveCompartment() throws IOException {
        Run run = export("--startdate", "01.12.25", "--enddate", "02.12.25", "--subtree", "--outputfile", out("t.json").toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> scope = new ArrayList<>(List.of(tenancy()));
        sim.world.subtree(tenancy()).stream().filter(SimCompartment::isActive).map(SimCompartment::id).forEach(scope::add);
        assertEquals(7, scope.size(), "the deleted compartment is left out");
        assertEquals(sim.expectedIds(scope, DEC_1, Instant.parse("2025-12-03T00:00:00Z")), ids(read(out("t.json"))));
    }

    @Test
    void subtreeOfACompartmentWalksItsChildren() throws IOException {
        Run run = export("--startdate", "01.12.25", "--enddate", "01.12.25", "--compartment", compartment("prod"),
                "--subtree", "--outputfile", out("p.json").toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> scope = List.of(compartment("prod"), compartment("prod-network"), compartment("prod-db"));
        assertEquals(sim.expectedIds(scope, DEC_1, Instant.parse("2025-12-02T00:00:00Z")), ids(read(out("p.json"))));
    }

    @Test
    void exactInstantsExportExactlyThatWindow() throws IOException {
        Instant from = Instant.parse("2025-12-03T10:15:00Z");
        Instant to = Instant.parse("2025-12-03T18:45:00Z");
        Run run = export("--startdate", from.toString(), "--enddate", to.toString(), "--outputfile", out("i.json").toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> expected = sim.expectedIds(List.of(tenancy()), from, to);
        assertFalse(expected.isEmpty());
        assertEquals(expected, ids(read(out("i.json"))));
    }

    @Test
    void filterWritesMatchingEventTypesAndTheCountsCoverEveryEvent() throws IOException {
        Path counts = out("counts.json");
        Run run = export("--startdate", "01.12.25", "--enddate", "04.12.25", "--eventfilter", "Instance;objectstorage\\.get",
                "--outputfile", out("f.json").toString(), "--countsfile", counts.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<JsonNode> all = sim.expectedEvents(List.of(tenancy()), DEC_1, Instant.parse("2025-12-05T00:00:00Z"));
        Pattern a = Pattern.compile("Instance");
        Pattern b = Pattern.compile("objectstorage\\.get");
        List<String> expected = new ArrayList<>();
        Map<String, Long> expectedCounts = new HashMap<>();
        for (JsonNode e : all) {
            String type = e.path("eventType").asText();
            expectedCounts.merge(type, 1L, Long::sum);
            if (a.matcher(type).find() || b.matcher(type).find()) {
                expected.add(e.path("eventId").asText());
            }
        }
        List<String> got = ids(read(out("f.json")));
        assertEquals(expected, got);
        assertTrue(got.size() > 0 && got.size() < all.size(), "the filter keeps some, not all");
        JsonNode map = read(counts);
        Map<String, Long> gotCounts = new HashMap<>();
        long previous = Long.MAX_VALUE;
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            gotCounts.put(e.getKey(), e.getValue().asLong());
            assertTrue(e.getValue().asLong() <= previous, "largest count first");
            previous = e.getValue().asLong();
        }
        assertEquals(expectedCounts, gotCounts);
    }

    @Test
    void wireContentIsPreservedExactly() throws IOException {
        Run run = export("--startdate", "01.12.25", "--enddate", "05.12.25", "--outputfile", out("w.json").toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> expected = sim.expectedEventTexts(List.of(tenancy()), DEC_1, Instant.parse("2025-12-06T00:00:00Z"));
        List<String> lines = Files.readAllLines(out("w.json"), StandardCharsets.UTF_8);
        assertEquals("[", lines.get(0));
        assertEquals("]", lines.get(lines.size() - 1));
        assertEquals(expected.size(), lines.size() - 2);
        for (int i = 0; i < expected.size(); i++) {
            String line = lines.get(i + 1);
            String event = line.endsWith(",") ? line.substring(0, line.length() - 1) : line;
            assertEquals(expected.get(i), event, "event " + i + " is byte for byte what the API sent");
        }
        String text = Files.readString(out("w.json"), StandardCharsets.UTF_8);
        assertTrue(text.contains("\"ratio\":1E+2"), "numbers are written as the API sent them");
        assertTrue(text.contains("0.1000000000000000055511151231257827"));
        assertTrue(text.contains("Zoë Ångström 测试 🔐"));
        assertTrue(text.contains("\"empty\":[]"));
        assertTrue(text.contains("x".repeat(20_000)), "very long strings survive");
        assertEquals(expected.size(), read(out("w.json")).size(), "and the whole is one valid JSON array");
    }

    @Test
    void theOutputIsTheSameForAnyParallelism() throws IOException {
        for (String p : List.of("1", "3", "8")) {
            Run run = export("--startdate", "01.12.25", "--enddate", "14.12.25", "--subtree", "--parallelism", p,
                    "--outputfile", out("par" + p + ".json").toString());
            assertEquals(0, run.exitCode(), run.err());
        }
        byte[] one = Files.readAllBytes(out("par1.json"));
        assertTrue(java.util.Arrays.equals(one, Files.readAllBytes(out("par3.json"))), "parallelism 3 == 1");
        assertTrue(java.util.Arrays.equals(one, Files.readAllBytes(out("par8.json"))), "parallelism 8 == 1");
        assertTrue(one.length > 1_000_000);
    }

    @Test
    void snakeKeysFollowThePythonSdkToDict() throws IOException {
        Run run = export("--startdate", "01.12.25", "--enddate", "01.12.25", "--keys", "snake", "--outputfile", out("k.json").toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode events = read(out("k.json"));
        List<JsonNode> expected = sim.expectedEvents(List.of(tenancy()), DEC_1, Instant.parse("2025-12-02T00:00:00Z"));
        assertEquals(expected.size(), events.size());
        JsonNode first = events.get(0);
        JsonNode wire = expected.get(0);
        assertEquals(wire.path("eventType"), first.path("event_type"));
        assertEquals(wire.path("cloudEventsVersion"), first.path("cloud_events_version"));
        assertEquals(wire.path("data").path("compartmentId"), first.path("data").path("compartment_id"));
        assertEquals(wire.path("data").path("identity").path("principalName"), first.path("data").path("identity").path("principal_name"));
        assertEquals(wire.path("data").path("request").path("headers"), first.path("data").path("request").path("headers"),
                "free-form maps keep their keys (User-Agent, opc-request-id)");
        assertEquals(wire.path("data").path("stateChange").path("current"), first.path("data").path("state_change").path("current"));
        assertFalse(first.has("eventType"));
    }

    @Test
    void gzipByNameOrFlag() throws IOException {
        Run byName = export("--startdate", "02.12.25", "--enddate", "02.12.25", "--outputfile", out("g.json.gz").toString());
        Run byFlag = export("--startdate", "02.12.25", "--enddate", "02.12.25", "--gzip", "--outputfile", out("g2.json").toString());
        assertEquals(0, byName.exitCode(), byName.err());
        assertEquals(0, byFlag.exitCode(), byFlag.err());
        List<String> expected = sim.expectedIds(List.of(tenancy()), Instant.parse("2025-12-02T00:00:00Z"), Instant.parse("2025-12-03T00:00:00Z"));
        for (Path p : List.of(out("g.json.gz"), out("g2.json"))) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
                assertEquals(expected, ids(MAPPER.readTree(in)), p.toString());
            }
        }
    }

    @Test
    void noEventsGiveAnEmptyArrayAndAnEmptyMap() throws IOException {
        Path counts = out("none-counts.json");
        Run run = export("--startdate", "01.11.25", "--enddate", "02.11.25", "--outputfile", out("none.json").toString(),
                "--countsfile", counts.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("[]\n", Files.readString(out("none.json")));
        assertEquals(0, read(counts).size());
        assertTrue(read(counts).isObject());
    }

    @Test
    void outputIsOwnerOnlyAndNoTemporaryFileRemains() throws IOException {
        Run run = export("--startdate", "01.12.25", "--enddate", "01.12.25", "--outputfile", out("o.json").toString(),
                "--countsfile", out("o-counts.json").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out("o.json"))));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out("o-counts.json"))));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("o-counts.json", "o.json"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void routesCanBeLoadedFromAFileTheUserEdits() throws IOException {
        Path routes = dir.resolve("routes");
        Files.createDirectories(routes);
        try (InputStream packaged = getClass().getResourceAsStream("/routes/export.camel.yaml")) {
            // An edit a user might make: keep only ComputeApi events, whatever --eventfilter says.
            String yaml = new String(packaged.readAllBytes(), StandardCharsets.UTF_8).replace(
                    "                  ref: eventTypeFilter\n",
                    "                  simple: \"${body.eventType} contains 'ComputeApi'\"\n");
            assertTrue(yaml.contains("contains 'ComputeApi'"), "the edit applied");
            Files.writeString(routes.resolve("mine.camel.yaml"), yaml);
        }
        Run run = export("--startdate", "01.12.25", "--enddate", "01.12.25", "--outputfile", out("r.json").toString(),
                "--routes", "file:" + routes + "/*.camel.yaml");
        assertEquals(0, run.exitCode(), run.err());
        List<String> expected = new ArrayList<>();
        for (JsonNode e : sim.expectedEvents(List.of(tenancy()), DEC_1, Instant.parse("2025-12-02T00:00:00Z"))) {
            if (e.path("eventType").asText().contains("ComputeApi")) {
                expected.add(e.path("eventId").asText());
            }
        }
        assertFalse(expected.isEmpty());
        assertEquals(expected, ids(read(out("r.json"))));

        Run none = export("--startdate", "01.12.25", "--enddate", "01.12.25", "--outputfile", out("r2.json").toString(),
                "--routes", "file:" + dir.resolve("empty") + "/*.camel.yaml");
        assertEquals(2, none.exitCode(), none.err());
        assertTrue(none.err().contains("empty does not exist"), none.err());
        Files.createDirectories(dir.resolve("empty"));
        Run noRoute = export("--startdate", "01.12.25", "--enddate", "01.12.25", "--outputfile", out("r2.json").toString(),
                "--routes", "file:" + dir.resolve("empty") + "/*.camel.yaml");
        assertEquals(2, noRoute.exitCode(), noRoute.err());
        assertTrue(noRoute.err().contains("no route with id 'export'"), noRoute.err());
    }

    @Test
    void aFailedExportLeavesTheOldFileUntouched() throws IOException {
        Path target = out("keep.json");
        Files.writeString(target, "previous export");
        // The first compartment exports fine; the second is unknown to the service (404) mid-export.
        Run run = export("--startdate", "01.12.25", "--enddate", "07.12.25", "--compartment", tenancy(),
                "--compartment", "ocid1.compartment.oc1..doesnotexist", "--outputfile", target.toString());
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("404 NotAuthorizedOrNotFound"), run.err());
        assertTrue(run.err().contains("ocid1.compartment.oc1..doesnotexist"), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
        assertEquals("previous export", Files.readString(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("keep.json"), files.map(p -> p.getFileName().toString()).toList());
        }
    }
}
