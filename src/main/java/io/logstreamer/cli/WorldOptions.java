package io.logstreamer.cli;

import java.time.Instant;

import io.logstreamer.simulator.SimWorld;
import picocli.CommandLine.Option;

/** The simulated tenancy's shape: the same options give the same events, on any machine. */
public class WorldOptions {

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the simulated data (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--events", defaultValue = "200000", description = "Events in the simulated tenancy, over all compartments (default: ${DEFAULT-VALUE}).")
    long events;

    @Option(names = "--from", defaultValue = "2025-12-01T00:00:00Z", description = "Start of the simulated events (default: ${DEFAULT-VALUE}).")
    String from;

    @Option(names = "--to", defaultValue = "2025-12-08T00:00:00Z", description = "End of the simulated events, exclusive (default: ${DEFAULT-VALUE}).")
    String to;

    @Option(names = "--live", description = "Events keep arriving from --from on at --events-per-minute; only those before now are served.")
    boolean live;

    @Option(names = "--events-per-minute", defaultValue = "100", description = "Rate of a --live world, over all compartments (default: ${DEFAULT-VALUE}).")
    double eventsPerMinute;

    SimWorld world() {
        if (live) {
            if (eventsPerMinute <= 0) {
                throw new io.logstreamer.UsageException("--events-per-minute must be positive");
            }
            return SimWorld.live(seed, eventsPerMinute, Dates.start("--from", from), java.time.Clock.systemUTC());
        }
        if (events < 0) {
            throw new io.logstreamer.UsageException("--events must not be negative");
        }
        Instant start = Dates.start("--from", from);
        Instant end = Dates.end("--to", to);
        if (!end.isAfter(start)) {
            throw new io.logstreamer.UsageException("--to must be after --from");
        }
        return new SimWorld(seed, events, start, end);
    }
}
