package io.logstreamer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.logstreamer.ChildProcess;
import io.logstreamer.SimulatorFixture;
import io.logstreamer.SimulatorFixture.Run;
import io.logstreamer.simulator.SimWorld;
import io.logstreamer.simulator.Simulator;

/** The machine's side: full disks, read-only directories, signals, times, and what is printed. */
class LocalFailuresTest {

    @TempDir
    static Path shared;
    static SimulatorFixture sim;
    static SimulatorFixture slow;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        sim = new SimulatorFixture(shared.resolve("fast"), 40_000, "2025-12-01T00:00:00Z", "2025-12-08T00:00:00Z", 200);
        // 200 ms per page: an export that is still running when the test signals it.
        slow = new SimulatorFixture(shared.resolve("slow"), new SimWorld(7, 40_000, Instant.parse("2025-12-01T00:00:00Z"),
                Instant.parse("2025-12-08T00:00:00Z")), new Simulator.Options("127.0.0.1", 0, 50, 200));
    }

    @AfterAll
    static void stop() {
        sim.close();
        slow.close();
    }

    /** A tmpfs mounted for the test, or nothing where mounting is not allowed (not root). */
    private static boolean mount(Path at, String options) throws Exception {
        Files.createDirectories(at);
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", options, "tmpfs", at.toString())
                .redirectErrorStream(true).start();
        return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    private static void unmount(Path at) throws Exception {
        new ProcessBuilder("umount", at.toString()).start().waitFor(10, TimeUnit.SECONDS);
    }

    @Test
    void aDiskThatFillsUpFailsTheRunAndKeepsTheOldFile() throws Exception {
        Path small = dir.resolve("small");
        assumeTrue(mount(small, "size=2m"), "needs root to mount a size-limited tmpfs");
        try {
            Path out = small.resolve("audit.json");
            Files.writeString(out, "previous export");
            Run run = sim.export("--startdate", "01.12.25", "--enddate", "07.12.25", "--outputfile", out.toString(),
                    "--countsfile", dir.resolve("c.json").toString());
            assertEquals(1, run.exitCode(), run.err());
            assertTrue(run.err().contains("No space left on device"), run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertEquals("previous export", Files.readString(out));
            try (Stream<Path> files = Files.list(small)) {
                assertEquals(List.of("audit.json"), files.map(p -> p.getFileName().toString()).toList(), "no temporary file left");
            }
        } finally {
            unmount(small);
        }
    }

    @Test
    void aReadOnlyOutputDirectoryIsExitTwo() throws Exception {
        Path ro = dir.resolve("ro");
        assumeTrue(mount(ro, "ro,size=1m"), "needs root to mount a read-only tmpfs");
        try {
            long requests = sim.simulator.totalRequests();
            Run run = sim.export("--startdate", "01.12.25", "--enddate", "02.12.25", "--outputfile", ro.resolve("a.json").toString());
            assertEquals(requests, sim.simulator.totalRequests(), "nothing was fetched");
            assertEquals(2, run.exitCode(), run.err());
            assertTrue(run.err().contains("is not writable"), run.err());
        } finally {
            unmount(ro);
        }
    }

    private ChildProcess slowExport(Path out, String... more) throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of("--ociconfig", slow.credentials.configFile().toString(),
                "--endpoint", slow.simulator.baseUrl(), "--startdate", "01.12.25", "--enddate", "07.12.25",
                "--outputfile", out.toString(), "--countsfile", dir.resolve("c.json").toString()));
        args.addAll(List.of(more));
        return ChildProcess.start(dir, args.toArray(String[]::new));
    }

    private void signalMidExport(String signal, int expectedExit) throws Exception {
        Path out = dir.resolve("audit.json");
        Files.writeString(out, "previous export");
        ChildProcess child = slowExport(out);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        boolean writing = false;
        while (!writing && System.nanoTime() < deadline && child.process.isAlive()) {
            try (Stream<Path> files = Files.list(dir)) {
                writing = files.anyMatch(p -> p.getFileName().toString().endsWith(".part"));
            }
            Thread.sleep(50);
        }
        assertTrue(writing, "the export got as far as writing: " + child.printed());
        Thread.sleep(500);
        new ProcessBuilder("kill", "-" + signal, Long.toString(child.process.pid())).start().waitFor();
        assertTrue(child.process.waitFor(30, TimeUnit.SECONDS), "the export stops");
        assertEquals(expectedExit, child.process.exitValue(), child.printed());
        assertEquals("previous export", Files.readString(out));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().endsWith(".part")).toList(),
                    "the temporary file is removed");
        }
    }

    @Test
    void sigtermMidExportRemovesTheTemporaryFileAndExits143() throws Exception {
        signalMidExport("TERM", 143);
    }

    @Test
    void ctrlCMidExportRemovesTheTemporaryFileAndExits130() throws Exception {
        signalMidExport("INT", 130);
    }

    @Test
    void everythingAFailingRunPrintsIsFreeOfSecrets() throws Exception {
        // A key with a pass phrase the simulator does not know: 401, printed with --debug.
        Path config = dir.resolve("config");
        String key = Files.readString(sim.credentials.privateKeyFile());
        String fingerprint = Files.readAllLines(sim.credentials.configFile()).stream()
                .filter(l -> l.startsWith("fingerprint=")).findFirst().orElseThrow().substring("fingerprint=".length());
        Files.writeString(config, Files.readString(sim.credentials.configFile())
                .replace("user=", "pass_phrase=hunter2-not-used\nuser=").replaceAll("tenancy=.*", "tenancy=ocid1.tenancy.oc1..other"));
        ChildProcess child = ChildProcess.start(dir, "--ociconfig", config.toString(), "--endpoint", sim.simulator.baseUrl(),
                "--startdate", "01.12.25", "--enddate", "02.12.25", "--outputfile", dir.resolve("a.json").toString(),
                "--countsfile", dir.resolve("c.json").toString(), "--debug");
        assertTrue(child.process.waitFor(60, TimeUnit.SECONDS));
        String printed = child.printed();
        assertEquals(1, child.process.exitValue(), printed);
        assertTrue(printed.contains("HTTP 401 NotAuthenticated"), printed);
        assertTrue(printed.contains("\tat "), "--debug shows the stack trace: " + printed);
        for (String line : key.lines().filter(l -> !l.startsWith("-----")).toList()) {
            assertFalse(printed.contains(line), "private key material printed");
        }
        assertFalse(printed.contains("hunter2"), "pass phrase printed");
        assertFalse(printed.contains(fingerprint), "keyId fingerprint printed");
        assertFalse(printed.toLowerCase().contains("authorization"), "Authorization header printed");
        assertFalse(printed.contains("Signature "), "signature printed");
    }

    @Test
    void aKeyOthersCanReadIsWarnedAbout() throws Exception {
        Path key = dir.resolve("open.pem");
        Files.copy(sim.credentials.privateKeyFile(), key);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        Path config = dir.resolve("config");
        Files.writeString(config, Files.readString(sim.credentials.configFile()).replaceAll("key_file=.*", "key_file=" + key));
        Run run = SimulatorFixture.run("--ociconfig", config.toString(), "--endpoint", sim.simulator.baseUrl(),
                "--startdate", "01.12.25", "--enddate", "01.12.25", "--outputfile", dir.resolve("a.json").toString(),
                "--countsfile", dir.resolve("c.json").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("warning: permissions on the private key " + key + " are too open (rw-r--r--)"), run.err());
    }

    @Test
    void anEndInTheFutureIsClippedToNowAndSaid() {
        DateTimeFormatter dotted = DateTimeFormatter.ofPattern("dd.MM.yy");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Run run = sim.export("--startdate", today.minusDays(1).format(dotted), "--enddate", today.plusDays(3).format(dotted),
                "--outputfile", dir.resolve("f.json").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("note: --enddate is in the future; exporting up to now"), run.err());
    }

    @Test
    void aStartInTheFutureIsExitTwo() {
        DateTimeFormatter dotted = DateTimeFormatter.ofPattern("dd.MM.yy");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Run run = sim.export("--startdate", today.plusDays(2).format(dotted), "--enddate", today.plusDays(3).format(dotted),
                "--outputfile", dir.resolve("f.json").toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("the range starts in the future"), run.err());
    }

    @Test
    void aRangeBeyondTheRetentionIsWarnedAbout() throws IOException {
        Run run = sim.export("--startdate", "01.01.20", "--enddate", "02.01.20", "--outputfile", dir.resolve("old.json").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("warning: the range starts more than 365 days ago"), run.err());
        assertEquals("[]\n", Files.readString(dir.resolve("old.json")));
    }
}
