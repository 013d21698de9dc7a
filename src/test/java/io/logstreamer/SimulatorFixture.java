package io.logstreamer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.logstreamer.cli.LogstreamerCommand;
import io.logstreamer.simulator.SimCompartment;
import io.logstreamer.simulator.SimCredentials;
import io.logstreamer.simulator.SimWorld;
import io.logstreamer.simulator.Simulator;

/** A running simulator with its key and config, and the exporter's command line pointed at it. */
public final class SimulatorFixture implements AutoCloseable {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    public final SimWorld world;
    public final SimCredentials credentials;
    public final Simulator simulator;
    public final Path dir;

    public SimulatorFixture(Path dir, long events, String from, String to, int pageSize) throws IOException {
        this(dir, new SimWorld(7, events, Instant.parse(from), Instant.parse(to)), new Simulator.Options("127.0.0.1", 0, pageSize, 0));
    }

    public SimulatorFixture(Path dir, SimWorld world, Simulator.Options options) throws IOException {
        this.dir = dir;
        this.world = world;
        this.credentials = SimCredentials.create(dir.resolve("oci"), world);
        this.simulator = new Simulator(world, credentials.publicKey(), options).start();
    }

    /** The result of one command-line run. */
    public record Run(int exitCode, String err) {
    }

    /** Runs the command with --ociconfig/--endpoint/--identity-endpoint/--countsfile set for this fixture. */
    public Run export(String... args) {
        List<String> all = new ArrayList<>(List.of(
                "--ociconfig", credentials.configFile().toString(),
                "--endpoint", simulator.baseUrl(),
                "--identity-endpoint", simulator.baseUrl()));
        if (!Arrays.asList(args).contains("--countsfile")) {
            all.addAll(List.of("--countsfile", dir.resolve("allevents.json").toString()));
        }
        all.addAll(Arrays.asList(args));
        return run(all.toArray(String[]::new));
    }

    public static Run run(String... args) {
        StringWriter err = new StringWriter();
        int code = LogstreamerCommand.run(new PrintWriter(err, true), args);
        return new Run(code, err.toString());
    }

    public List<String> compartmentIds(boolean activeOnly) {
        return world.compartments().stream().filter(c -> !activeOnly || c.isActive()).map(SimCompartment::id).toList();
    }

    /** Ground truth: the event ids of the given compartments in [start, end), in plan order. */
    public List<String> expectedIds(List<String> compartments, Instant start, Instant end) {
        List<String> ids = new ArrayList<>();
        for (String c : compartments) {
            long[] r = world.indexRange(c, start, end);
            for (long i = r[0]; i < r[1]; i++) {
                ids.add(world.generator().key(c, i).eventId());
            }
        }
        return ids;
    }

    /** Ground truth: each event exactly as the simulator sends it, in plan order. */
    public List<String> expectedEventTexts(List<String> compartments, Instant start, Instant end) throws IOException {
        List<String> events = new ArrayList<>();
        for (String c : compartments) {
            long[] r = world.indexRange(c, start, end);
            for (long i = r[0]; i < r[1]; i++) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (JsonGenerator g = Simulator.jsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
                    world.generator().write(g, c, i);
                }
                events.add(out.toString(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return events;
    }

    /** Ground truth: the full events, parsed, in plan order. */
    public List<JsonNode> expectedEvents(List<String> compartments, Instant start, Instant end) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        JsonFactory json = new JsonFactory();
        for (String c : compartments) {
            long[] r = world.indexRange(c, start, end);
            for (long i = r[0]; i < r[1]; i++) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (JsonGenerator g = json.createGenerator(out, JsonEncoding.UTF8)) {
                    world.generator().write(g, c, i);
                }
                events.add(MAPPER.readTree(out.toByteArray()));
            }
        }
        return events;
    }

    public static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(e -> ids.add(e.path("eventId").asText()));
        return ids;
    }

    /** The eventIds of an export file, read as a stream: big exports do not fit a JsonNode tree. */
    public static List<String> idsOf(Path file) throws IOException {
        List<String> ids = new ArrayList<>();
        try (com.fasterxml.jackson.core.JsonParser p = new JsonFactory().createParser(file.toFile())) {
            if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
                throw new IOException("not a JSON array: " + file);
            }
            while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                String id = null;
                while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    if (name.equals("eventId")) {
                        id = p.getText();
                    } else {
                        p.skipChildren();
                    }
                }
                ids.add(id);
            }
            if (p.currentToken() != com.fasterxml.jackson.core.JsonToken.END_ARRAY || p.nextToken() != null) {
                throw new IOException("not a single complete JSON array: " + file);
            }
        }
        return ids;
    }

    public static Set<String> unique(List<String> ids) {
        return new LinkedHashSet<>(ids);
    }

    @Override
    public void close() {
        simulator.close();
    }
}
