package io.logstreamer.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.camel.Exchange;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.junit5.CamelContextConfiguration;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.logstreamer.SimulatorFixture;
import io.logstreamer.component.OciAuditConstants;

/**
 * The packaged YAML route on its own, under camel-main: a caller (the daemon's trigger, later)
 * picks the window per exchange with the CamelOciAuditStartTime/EndTime headers.
 */
class ExportRouteTest extends CamelMainTestSupport {

    @TempDir
    static Path dir;
    static SimulatorFixture sim;

    @BeforeAll
    static void startSimulator() throws IOException {
        sim = new SimulatorFixture(dir, 10_000, "2025-12-01T00:00:00Z", "2025-12-08T00:00:00Z", 100);
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    @Override
    protected void configure(MainConfigurationProperties configuration) {
        configuration.withRoutesIncludePattern("classpath:routes/export.camel.yaml");
    }

    @Override
    public void configureContext(CamelContextConfiguration configuration) {
        super.configureContext(configuration);
        Properties p = new Properties();
        p.setProperty("logstreamer.oci.config-file", sim.credentials.configFile().toString());
        p.setProperty("logstreamer.oci.endpoint", sim.simulator.baseUrl());
        p.setProperty("logstreamer.oci.identity-endpoint", sim.simulator.baseUrl());
        p.setProperty("logstreamer.start", "2025-12-01T00:00:00Z");
        p.setProperty("logstreamer.end", "2025-12-08T00:00:00Z");
        p.setProperty("logstreamer.output", dir.resolve("route.json").toString());
        p.setProperty("logstreamer.counts-file", dir.resolve("route-counts.json").toString());
        configuration.withUseOverridePropertiesWithPropertiesComponent(p);
    }

    @Test
    void headersPickTheWindowOfEachExchange() throws Exception {
        Instant start = Instant.parse("2025-12-02T06:00:00Z");
        Instant end = Instant.parse("2025-12-02T09:30:00Z");
        Exchange done = template.request("direct:export", e -> {
            e.getMessage().setHeader(OciAuditConstants.START_TIME, start);
            e.getMessage().setHeader(OciAuditConstants.END_TIME, end.toString());
        });
        assertEquals(null, done.getException());
        List<String> expected = sim.expectedIds(List.of(sim.world.tenancyId()), start, end);
        assertEquals(expected, SimulatorFixture.ids(SimulatorFixture.MAPPER.readTree(dir.resolve("route.json").toFile())));
        Map<?, ?> counts = assertInstanceOf(Map.class, done.getMessage().getBody(), "the route answers with the frequency map");
        assertEquals((long) expected.size(), counts.values().stream().mapToLong(v -> ((Number) v).longValue()).sum());
    }
}
