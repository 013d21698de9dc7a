package io.logstreamer.cli;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import io.logstreamer.UsageException;
import io.logstreamer.simulator.EventGenerator;
import io.logstreamer.simulator.Faults;
import io.logstreamer.simulator.SimCompartment;
import io.logstreamer.simulator.SimCredentials;
import io.logstreamer.simulator.SimWorld;
import io.logstreamer.simulator.Simulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Serves the OCI Audit + Identity API simulator, or prints its ground truth. */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs the OCI Audit + Identity API simulator on loopback (signature checks, paging, OCI errors).",
        subcommands = {SimulateCommand.Expected.class})
public class SimulateCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    WorldOptions worldOptions;

    @Option(names = "--port", defaultValue = "8089", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--page-size", defaultValue = "100", description = "Events per ListEvents page (default: ${DEFAULT-VALUE}).")
    int pageSize;

    @Option(names = "--latency-ms", defaultValue = "0", description = "Delay before each response, in milliseconds (default: ${DEFAULT-VALUE}).")
    long latencyMs;

    @Option(names = "--public-key", paramLabel = "PEM", description = "Accept requests signed by this API public key, instead of generating a key pair.")
    Path publicKey;

    @Option(names = "--config-dir", defaultValue = "sim-oci", paramLabel = "DIR", description = "Where the generated key and OCI config go (default: ${DEFAULT-VALUE}).")
    Path configDir;

    @Option(names = "--rate-429", defaultValue = "0", paramLabel = "FRACTION", description = "Share of ListEvents requests answered 429 (default: ${DEFAULT-VALUE}).")
    double rate429;

    @Option(names = "--retry-after-share", defaultValue = "0.5", paramLabel = "FRACTION", description = "Share of the 429s that carry Retry-After: 1 (default: ${DEFAULT-VALUE}).")
    double retryAfterShare;

    @Option(names = "--rate-5xx", defaultValue = "0", paramLabel = "FRACTION", description = "Share answered 500, 502, 503 or 504 (default: ${DEFAULT-VALUE}).")
    double rate5xx;

    @Option(names = "--rate-slow", defaultValue = "0", paramLabel = "FRACTION", description = "Share answered after --slow-ms (default: ${DEFAULT-VALUE}).")
    double rateSlow;

    @Option(names = "--slow-ms", defaultValue = "5000", description = "Delay of a slow answer (default: ${DEFAULT-VALUE}).")
    long slowMs;

    @Option(names = "--rate-drop", defaultValue = "0", paramLabel = "FRACTION", description = "Share whose connection is closed half-way through the body (default: ${DEFAULT-VALUE}).")
    double rateDrop;

    @Option(names = "--fault-seed", defaultValue = "1", description = "Seed of the fault sequence (default: ${DEFAULT-VALUE}).")
    long faultSeed;

    @Option(names = "--fail-window", paramLabel = "OCID,START,END", description = "A compartment and ISO-8601 range whose ListEvents always fail with 500 (repeatable).")
    List<String> failWindows = new ArrayList<>();

    Faults faults() {
        List<Faults.PermanentFailure> permanent = new ArrayList<>();
        for (String spec : failWindows) {
            String[] parts = spec.split(",");
            if (parts.length != 3) {
                throw new UsageException("--fail-window '" + spec + "': use OCID,START,END");
            }
            permanent.add(new Faults.PermanentFailure(parts[0].trim(), Dates.start("--fail-window", parts[1]),
                    Dates.start("--fail-window", parts[2])));
        }
        try {
            return new Faults(faultSeed, rate429, retryAfterShare, rate5xx, rateSlow, slowMs, rateDrop, permanent);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    @Override
    public Integer call() throws Exception {
        SimWorld world = worldOptions.world();
        Faults faults = faults();
        PrintWriter err = spec.commandLine().getErr();
        PublicKey key;
        SimCredentials credentials = null;
        if (publicKey != null) {
            key = SimCredentials.readPublicKey(publicKey);
        } else {
            credentials = SimCredentials.create(configDir, world);
            key = credentials.publicKey();
        }
        try (Simulator simulator = new Simulator(world, key, new Simulator.Options(bind, port, pageSize, latencyMs, faults)).start()) {
            err.println("OCI API simulator listening on " + simulator.baseUrl());
            err.println("tenancy " + world.tenancyId() + ", " + world.totalEvents() + " events, "
                    + world.from() + " .. " + world.to() + ", " + pageSize + " per page");
            if (credentials != null) {
                err.println("export from it with:");
                err.println("  java -jar target/logstreamer.jar --ociconfig " + credentials.configFile().toAbsolutePath()
                        + " --endpoint " + simulator.baseUrl() + " --identity-endpoint " + simulator.baseUrl()
                        + " --startdate 01.12.25 --enddate 07.12.25 --outputfile audit.json");
            }
            err.flush();
            CountDownLatch forever = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(forever::countDown));
            forever.await();
        }
        return ExitCodes.OK;
    }

    /** Prints the events the simulator holds for a range: the ground truth to check an export with. */
    @Command(name = "expected", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Prints the simulator's ground truth for a range: event ids (one per line) or the full events as a JSON array.")
    static class Expected implements Callable<Integer> {

        @Mixin
        WorldOptions worldOptions;

        @Option(names = "--startdate", required = true, paramLabel = "DATE", description = "As for the export.")
        String startDate;

        @Option(names = "--enddate", required = true, paramLabel = "DATE", description = "As for the export.")
        String endDate;

        @Option(names = "--compartment", paramLabel = "OCID", description = "Compartment (repeatable); default: the tenancy's root compartment.")
        List<String> compartments = new ArrayList<>();

        @Option(names = "--subtree", description = "Include the active sub-compartments.")
        boolean subtree;

        @Option(names = "--full", description = "Print full events as a JSON array instead of ids.")
        boolean full;

        @Override
        public Integer call() throws Exception {
            SimWorld world = worldOptions.world();
            Instant start = Dates.start("--startdate", startDate);
            Instant end = Dates.end("--enddate", endDate);
            List<String> scope = new ArrayList<>(compartments.isEmpty() ? List.of(world.tenancyId()) : compartments);
            for (String id : List.copyOf(scope)) {
                if (world.compartment(id).isEmpty()) {
                    throw new UsageException("no compartment " + id + " in the simulated tenancy");
                }
                if (subtree) {
                    world.subtree(id).stream().filter(SimCompartment::isActive).map(SimCompartment::id)
                            .filter(c -> !scope.contains(c)).forEach(scope::add);
                }
            }
            EventGenerator generator = world.generator();
            OutputStream out = new BufferedOutputStream(System.out, 1 << 16);
            JsonGenerator g = full ? new JsonFactory().createGenerator(out, JsonEncoding.UTF8) : null;
            if (g != null) {
                g.writeStartArray();
            }
            for (String id : scope) {
                long[] range = world.indexRange(id, start, end);
                for (long i = range[0]; i < range[1]; i++) {
                    if (g != null) {
                        generator.write(g, id, i);
                    } else {
                        out.write((generator.key(id, i).eventId() + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    }
                }
            }
            if (g != null) {
                g.writeEndArray();
                g.flush();
            }
            out.flush();
            return ExitCodes.OK;
        }
    }
}
