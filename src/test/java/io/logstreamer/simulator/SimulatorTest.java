package io.logstreamer.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.logstreamer.SimulatorFixture;
import io.logstreamer.oci.OciSession;

/** The simulator answers like the service: signatures, whole minutes, paging, errors. */
class SimulatorTest {

    @TempDir
    static Path dir;
    static SimulatorFixture sim;
    static OciSession session;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws IOException {
        sim = new SimulatorFixture(dir, 5_000, "2025-12-01T00:00:00Z", "2025-12-02T00:00:00Z", 25);
        session = OciSession.fromConfigFile(sim.credentials.configFile().toString(), "DEFAULT", null,
                sim.simulator.baseUrl(), sim.simulator.baseUrl());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static HttpResponse<String> get(String pathAndQuery, boolean signed) throws Exception {
        URI uri = URI.create(sim.simulator.baseUrl() + pathAndQuery);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET();
        if (signed) {
            Map<String, String> headers = session.signer().signRequest(uri, "GET", new HashMap<String, List<String>>(), null);
            headers.forEach((k, v) -> {
                if (!k.equalsIgnoreCase("host")) {
                    b.header(k, v);
                }
            });
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String events(String start, String end) {
        return "/20190901/auditEvents?compartmentId=" + sim.world.tenancyId() + "&startTime=" + start + "&endTime=" + end;
    }

    @Test
    void unsignedRequestsAreRefusedWith401() throws Exception {
        HttpResponse<String> r = get(events("2025-12-01T00:00:00Z", "2025-12-01T01:00:00Z"), false);
        assertEquals(401, r.statusCode());
        JsonNode body = SimulatorFixture.MAPPER.readTree(r.body());
        assertEquals("NotAuthenticated", body.path("code").asText());
        assertNotNull(r.headers().firstValue("opc-request-id").orElse(null));
    }

    @Test
    void aTamperedQueryNoLongerMatchesItsSignature() throws Exception {
        URI signedFor = URI.create(sim.simulator.baseUrl() + events("2025-12-01T00:00:00Z", "2025-12-01T01:00:00Z"));
        Map<String, String> headers = session.signer().signRequest(signedFor, "GET", new HashMap<String, List<String>>(), null);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.simulator.baseUrl()
                + events("2025-12-01T00:00:00Z", "2025-12-01T02:00:00Z"))).GET();
        headers.forEach((k, v) -> {
            if (!k.equalsIgnoreCase("host")) {
                b.header(k, v);
            }
        });
        assertEquals(401, HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void timesThatAreNotWholeMinutesAreRefusedWith400() throws Exception {
        HttpResponse<String> r = get(events("2025-12-01T00:00:30Z", "2025-12-01T01:00:00Z"), true);
        assertEquals(400, r.statusCode());
        assertEquals("InvalidParameter", SimulatorFixture.MAPPER.readTree(r.body()).path("code").asText());
    }

    @Test
    void unknownCompartmentIs404NotAuthorizedOrNotFound() throws Exception {
        HttpResponse<String> r = get("/20190901/auditEvents?compartmentId=ocid1.compartment.oc1..nope"
                + "&startTime=2025-12-01T00:00:00Z&endTime=2025-12-01T01:00:00Z", true);
        assertEquals(404, r.statusCode());
        assertEquals("NotAuthorizedOrNotFound", SimulatorFixture.MAPPER.readTree(r.body()).path("code").asText());
    }

    @Test
    void pagesFollowTokensAndAddUpToTheGroundTruth() throws Exception {
        String query = events("2025-12-01T00:00:00Z", "2025-12-01T06:00:00Z");
        List<String> expected = sim.expectedIds(List.of(sim.world.tenancyId()), Instant.parse("2025-12-01T00:00:00Z"),
                Instant.parse("2025-12-01T06:00:00Z"));
        List<String> got = new java.util.ArrayList<>();
        String page = null;
        int pages = 0;
        do {
            HttpResponse<String> r = get(query + (page == null ? "" : "&page=" + page), true);
            assertEquals(200, r.statusCode(), r.body());
            JsonNode array = SimulatorFixture.MAPPER.readTree(r.body());
            assertTrue(array.size() <= 25);
            got.addAll(SimulatorFixture.ids(array));
            page = r.headers().firstValue("opc-next-page").orElse(null);
            pages++;
        } while (page != null);
        assertEquals(expected, got);
        assertEquals((expected.size() + 24) / 25, pages);
    }

    @Test
    void aPageTokenOfAnotherQueryIsRefused() throws Exception {
        HttpResponse<String> first = get(events("2025-12-01T00:00:00Z", "2025-12-01T06:00:00Z"), true);
        String token = first.headers().firstValue("opc-next-page").orElseThrow();
        HttpResponse<String> r = get(events("2025-12-01T00:00:00Z", "2025-12-01T07:00:00Z") + "&page=" + token, true);
        assertEquals(400, r.statusCode());
    }

    @Test
    void subtreeListingIsOnlyAllowedOnTheTenancy() throws Exception {
        String child = sim.world.children(sim.world.tenancyId()).get(0).id();
        assertEquals(400, get("/20160918/compartments?compartmentId=" + child + "&compartmentIdInSubtree=true", true).statusCode());
        HttpResponse<String> r = get("/20160918/compartments?compartmentId=" + sim.world.tenancyId()
                + "&compartmentIdInSubtree=true&lifecycleState=ACTIVE&limit=2", true);
        assertEquals(200, r.statusCode());
        assertEquals(2, SimulatorFixture.MAPPER.readTree(r.body()).size());
        assertNotNull(r.headers().firstValue("opc-next-page").orElse(null));
    }

    @Test
    void wireTimesAreIsoWithMillisecondsInUtc() {
        for (long t : new long[] {0, 1764547200123L, 1764633599999L, 253402300799999L}) {
            assertEquals(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
                    .withZone(java.time.ZoneOffset.UTC).format(Instant.ofEpochMilli(t)), EventGenerator.wireTime(t));
        }
    }

    @Test
    void theSameSeedGivesTheSameEventsAndAnotherSeedOthers() {
        SimWorld a = new SimWorld(1, 1000, Instant.parse("2025-12-01T00:00:00Z"), Instant.parse("2025-12-02T00:00:00Z"));
        SimWorld b = new SimWorld(1, 1000, Instant.parse("2025-12-01T00:00:00Z"), Instant.parse("2025-12-02T00:00:00Z"));
        SimWorld c = new SimWorld(2, 1000, Instant.parse("2025-12-01T00:00:00Z"), Instant.parse("2025-12-02T00:00:00Z"));
        assertEquals(a.generator().key(a.tenancyId(), 10), b.generator().key(b.tenancyId(), 10));
        assertTrue(!a.generator().key(a.tenancyId(), 10).equals(c.generator().key(c.tenancyId(), 10)));
        assertEquals(1000, a.totalEvents());
        assertNull(a.compartment("nope").orElse(null));
    }

    @Test
    void processingTimesNeverDecreaseSoWindowsPartitionTheEvents() {
        SimWorld w = sim.world;
        String c = w.tenancyId();
        long n = w.eventCount(c);
        for (long i = 1; i < n; i++) {
            assertTrue(w.processedMillis(c, i - 1) <= w.processedMillis(c, i));
        }
        long[] morning = w.indexRange(c, Instant.parse("2025-12-01T00:00:00Z"), Instant.parse("2025-12-01T12:00:00Z"));
        long[] evening = w.indexRange(c, Instant.parse("2025-12-01T12:00:00Z"), Instant.parse("2025-12-02T00:00:00Z"));
        assertEquals(0, morning[0]);
        assertEquals(morning[1], evening[0]);
        assertEquals(n, evening[1]);
    }
}
