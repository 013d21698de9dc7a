package io.logstreamer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.logstreamer.SimulatorFixture;
import io.logstreamer.SimulatorFixture.Run;
import io.logstreamer.simulator.SimCredentials;
import io.logstreamer.simulator.SimWorld;

/** Every bad input: one line naming the problem, the documented exit code, no output touched. */
class BadInputTest {

    @TempDir
    static Path shared;
    static SimulatorFixture sim;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSimulator() throws IOException {
        sim = new SimulatorFixture(shared, 2_000, "2025-12-01T00:00:00Z", "2025-12-03T00:00:00Z", 100);
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    private Path output() {
        return dir.resolve("audit.json");
    }

    /** Runs with a pre-existing output file and checks what every failure must guarantee. */
    private Run failing(int expectedCode, String expectedText, String... args) throws IOException {
        Files.writeString(output(), "old");
        Run run = sim.export(args);
        assertEquals(expectedCode, run.exitCode(), run.err());
        assertTrue(run.err().contains(expectedText), "expected '" + expectedText + "' in: " + run.err());
        assertEquals(1, run.err().strip().lines().count(), "one line: " + run.err());
        assertFalse(run.err().contains("Exception"), "no exception class names: " + run.err());
        assertEquals("old", Files.readString(output()), "the existing output is untouched");
        return run;
    }

    private String[] with(String... args) {
        String[] base = {"--startdate", "01.12.25", "--enddate", "02.12.25", "--outputfile", output().toString()};
        String[] all = new String[base.length + args.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(args, 0, all, base.length, args.length);
        return all;
    }

    @Test
    void malformedDate() throws IOException {
        failing(2, "--startdate '32.12.25' is not a valid date", "--startdate", "32.12.25", "--enddate", "02.12.25",
                "--outputfile", output().toString());
    }

    @Test
    void endBeforeStart() throws IOException {
        failing(2, "must be after --startdate", "--startdate", "05.12.25", "--enddate", "02.12.25", "--outputfile", output().toString());
    }

    @Test
    void missingDates() throws IOException {
        failing(2, "--startdate and --enddate are both required", "--outputfile", output().toString());
    }

    @Test
    void invalidRegex() throws IOException {
        failing(2, "invalid regular expression '([a-'", with("--eventfilter", "Instance;([a-"));
    }

    @Test
    void emptyFilter() throws IOException {
        failing(2, "holds no regular expression", with("--eventfilter", " ; "));
    }

    @Test
    void unknownFlag() throws IOException {
        failing(2, "Unknown options: '--stratdate'", with("--stratdate", "x"));
    }

    @Test
    void chunkDaysZero() throws IOException {
        failing(2, "--chunk-days must be at least 1", with("--chunk-days", "0"));
    }

    @Test
    void keysOtherThanCamelOrSnake() throws IOException {
        failing(2, "--keys must be 'camel' or 'snake'", with("--keys", "kebab"));
    }

    @Test
    void outputDirectoryMissing() throws IOException {
        Run run = sim.export("--startdate", "01.12.25", "--enddate", "02.12.25", "--outputfile", dir.resolve("no/such/dir/a.json").toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("does not exist"), run.err());
    }

    @Test
    void configFileMissing() throws IOException {
        Files.writeString(output(), "old");
        Run run = SimulatorFixture.run(with("--ociconfig", dir.resolve("nope").toString(), "--countsfile", dir.resolve("c.json").toString()));
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("OCI config file not found"), run.err());
        assertEquals("old", Files.readString(output()));
    }

    @Test
    void profileMissing() throws IOException {
        failing(2, "profile [PROD] not found", with("--profilename", "PROD"));
    }

    @Test
    void keyFileMissing() throws IOException {
        Path config = dir.resolve("config");
        Files.writeString(config, Files.readString(sim.credentials.configFile())
                .replaceAll("key_file=.*", "key_file=" + dir.resolve("missing.pem")));
        Files.writeString(output(), "old");
        Run run = SimulatorFixture.run(with("--ociconfig", config.toString(), "--endpoint", sim.simulator.baseUrl(),
                "--countsfile", dir.resolve("c.json").toString()));
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("key file of profile [DEFAULT] not found"), run.err());
        assertEquals("old", Files.readString(output()));
    }

    @Test
    void keyFileThatIsNotAKey() throws IOException {
        Path key = dir.resolve("garbage.pem");
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n");
        Path config = dir.resolve("config");
        Files.writeString(config, Files.readString(sim.credentials.configFile()).replaceAll("key_file=.*", "key_file=" + key));
        Run run = SimulatorFixture.run(with("--ociconfig", config.toString(), "--endpoint", sim.simulator.baseUrl(),
                "--countsfile", dir.resolve("c.json").toString()));
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("cannot load the private key"), run.err());
    }

    @Test
    void wrongKeyIsRefusedByTheServiceWithExitOne() throws IOException {
        // A valid key and config, but not the key the simulated user registered.
        SimCredentials other = SimCredentials.create(dir.resolve("other"), sim.world);
        Files.writeString(output(), "old");
        Run run = SimulatorFixture.run(with("--ociconfig", other.configFile().toString(), "--endpoint", sim.simulator.baseUrl(),
                "--identity-endpoint", sim.simulator.baseUrl(), "--countsfile", dir.resolve("c.json").toString()));
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("HTTP 401 NotAuthenticated"), run.err());
        assertTrue(run.err().contains("fingerprint"), "says what to check: " + run.err());
        assertEquals("old", Files.readString(output()));
    }

    @Test
    void unknownRegion() throws IOException {
        Files.writeString(output(), "old");
        Run run = SimulatorFixture.run(with("--ociconfig", sim.credentials.configFile().toString(), "--region", "mars-north-1",
                "--countsfile", dir.resolve("c.json").toString()));
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("unknown region 'mars-north-1'"), run.err());
        assertEquals("old", Files.readString(output()));
    }

    @Test
    void endpointThatRefusesConnections() throws IOException {
        Files.writeString(output(), "old");
        Run run = SimulatorFixture.run(with("--ociconfig", sim.credentials.configFile().toString(),
                "--endpoint", "http://127.0.0.1:1", "--countsfile", dir.resolve("c.json").toString(),
                "--retry-max-attempts", "3", "--retry-base-delay", "10ms"));
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("gave up after 3 attempt(s): cannot connect to http://127.0.0.1:1: connection refused"), run.err());
        assertEquals(1, run.err().strip().lines().count(), "one line: " + run.err());
        assertEquals("old", Files.readString(output()));
    }

    @Test
    void secretsNeverAppearInMessages() throws IOException {
        SimCredentials other = SimCredentials.create(dir.resolve("other"), new SimWorld(99, 10,
                Instant.parse("2025-12-01T00:00:00Z"), Instant.parse("2025-12-02T00:00:00Z")));
        Run run = SimulatorFixture.run(with("--ociconfig", other.configFile().toString(), "--endpoint", sim.simulator.baseUrl(),
                "--countsfile", dir.resolve("c.json").toString(), "--debug"));
        assertEquals(1, run.exitCode());
        String key = Files.readString(other.privateKeyFile());
        for (String line : key.lines().filter(l -> !l.startsWith("-----")).toList()) {
            assertFalse(run.err().contains(line), "private key material in the output");
        }
        assertFalse(run.err().toLowerCase().contains("signature headers="), "Authorization header in the output");
        assertFalse(run.err().contains(List.of(Files.readString(other.configFile()).split("fingerprint=")).get(1).lines().findFirst().orElseThrow()),
                "keyId fingerprint in the output");
    }
}
