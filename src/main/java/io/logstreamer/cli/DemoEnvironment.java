package io.logstreamer.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import io.logstreamer.simulator.SimCredentials;
import io.logstreamer.simulator.SimWorld;
import io.logstreamer.simulator.Simulator;

/**
 * --demo: the built-in simulator on a free loopback port with a freshly generated API key and
 * OCI config, all in a temporary directory that is removed afterwards.
 */
final class DemoEnvironment implements AutoCloseable {

    private final Path dir;
    private final SimCredentials credentials;
    private final Simulator simulator;

    DemoEnvironment(SimWorld world) throws IOException {
        this.dir = Files.createTempDirectory("logstreamer-demo-");
        this.credentials = SimCredentials.create(dir, world);
        this.simulator = new Simulator(world, credentials.publicKey(), Simulator.Options.defaults()).start();
    }

    Path configFile() {
        return credentials.configFile();
    }

    String baseUrl() {
        return simulator.baseUrl();
    }

    Simulator simulator() {
        return simulator;
    }

    @Override
    public void close() {
        simulator.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary directory holds only a throwaway key
        }
    }
}
