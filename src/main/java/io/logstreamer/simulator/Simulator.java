package io.logstreamer.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The OCI Audit + Identity API simulator: real HTTP, real signature checks, the service's paging
 * and error formats. Product code: users try the exporter and their routes against it.
 */
public final class Simulator implements AutoCloseable {

    public static final String AUDIT_EVENTS_PATH = "/20190901/auditEvents";
    public static final String COMPARTMENTS_PATH = "/20160918/compartments";

    private final SimWorld world;
    private final SignatureVerifier verifier;
    private final int pageSize;
    private final long latencyMillis;
    private final HttpServer server;
    private final ExecutorService executor;
    private final JsonFactory json = jsonFactory();
    private final Map<Integer, AtomicLong> statusCounts = new ConcurrentHashMap<>();
    private final AtomicLong eventsServed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong slowed = new AtomicLong();
    private final AtomicLong repeated = new AtomicLong();
    private final Set<String> pagesAsked = ConcurrentHashMap.newKeySet();
    private final Faults faults;

    public record Options(String bindAddress, int port, int pageSize, long latencyMillis, Faults faults) {
        public Options(String bindAddress, int port, int pageSize, long latencyMillis) {
            this(bindAddress, port, pageSize, latencyMillis, Faults.none());
        }

        public static Options defaults() {
            return new Options("127.0.0.1", 0, 100, 0);
        }

        public Options withFaults(Faults f) {
            return new Options(bindAddress, port, pageSize, latencyMillis, f);
        }
    }

    static {
        // Without TCP_NODELAY every chunked page waits out the client's delayed ACK (~40 ms).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    public Simulator(SimWorld world, PublicKey publicKey, Options options) throws IOException {
        if (options.pageSize() < 1) {
            throw new IllegalArgumentException("page size must be at least 1");
        }
        this.world = world;
        this.verifier = new SignatureVerifier(publicKey, world.tenancyId());
        this.pageSize = options.pageSize();
        this.latencyMillis = options.latencyMillis();
        this.faults = options.faults();
        this.server = HttpServer.create(new InetSocketAddress(options.bindAddress(), options.port()), 64);
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "simulator-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /** Like the service: UTF-8 throughout, characters outside the BMP (emoji) not escaped. */
    public static JsonFactory jsonFactory() {
        return JsonFactory.builder().enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();
    }

    public Simulator start() {
        server.start();
        return this;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://" + server.getAddress().getHostString() + ":" + port();
    }

    public SimWorld world() {
        return world;
    }

    public long requests(int status) {
        AtomicLong c = statusCounts.get(status);
        return c == null ? 0 : c.get();
    }

    public long totalRequests() {
        return statusCounts.values().stream().mapToLong(AtomicLong::get).sum();
    }

    public long eventsServed() {
        return eventsServed.get();
    }

    /** Answers whose connection was closed half-way through the body. */
    public long dropped() {
        return dropped.get();
    }

    public long slowed() {
        return slowed.get();
    }

    /** ListEvents requests for a page (query and page token) that had been asked for before: retries. */
    public long retriesSeen() {
        return repeated.get();
    }

    private static final class ApiError extends Exception {
        final int status;
        final String code;

        ApiError(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        String requestId = UUID.randomUUID().toString().replace("-", "").toUpperCase();
        ex.getResponseHeaders().set("opc-request-id", requestId);
        try {
            try {
                if (!"GET".equals(ex.getRequestMethod())) {
                    throw new ApiError(405, "MethodNotAllowed", "Only GET is served by the simulator.");
                }
                URI uri = ex.getRequestURI();
                String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
                try {
                    verifier.verify("GET", target, name -> ex.getRequestHeaders().getFirst(name));
                } catch (SignatureVerifier.Rejected e) {
                    throw new ApiError(401, "NotAuthenticated", e.getMessage());
                }
                Map<String, String> query = parseQuery(uri.getRawQuery());
                String path = uri.getPath();
                if (latencyMillis > 0) {
                    Thread.sleep(latencyMillis);
                }
                if (path.endsWith(AUDIT_EVENTS_PATH)) {
                    listEvents(ex, query);
                } else if (path.endsWith(COMPARTMENTS_PATH)) {
                    listCompartments(ex, query);
                } else if (path.contains(COMPARTMENTS_PATH + "/")) {
                    getCompartment(ex, path.substring(path.lastIndexOf('/') + 1));
                } else {
                    throw new ApiError(404, "NotFound", "No such API: " + path);
                }
            } catch (ApiError e) {
                sendError(ex, e.status, e.code, e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } finally {
            ex.close();
        }
    }

    private void count(int status) {
        statusCounts.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
    }

    private void sendError(HttpExchange ex, int status, String code, String message) throws IOException {
        count(status);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        byte[] body;
        try (var out = new java.io.ByteArrayOutputStream(); JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("code", code);
            g.writeStringField("message", message);
            g.writeEndObject();
            g.flush();
            body = out.toByteArray();
        }
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    private static Instant wholeMinute(Map<String, String> query, String name) throws ApiError {
        String value = query.get(name);
        if (value == null || value.isEmpty()) {
            throw new ApiError(400, "MissingParameter", "Missing required parameter '" + name + "'.");
        }
        Instant t;
        try {
            t = OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new ApiError(400, "InvalidParameter", "'" + name + "' is not an RFC 3339 date-time: " + value);
        }
        if (t.getEpochSecond() % 60 != 0 || t.getNano() != 0) {
            throw new ApiError(400, "InvalidParameter", "'" + name + "' must be a whole minute (seconds and milliseconds set to 0): " + value);
        }
        return t;
    }

    private String token(String... parts) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(String.join("|", parts).getBytes(StandardCharsets.UTF_8));
    }

    private long offsetFromToken(Map<String, String> query, String... expectedParts) throws ApiError {
        String page = query.get("page");
        if (page == null || page.isEmpty()) {
            return 0;
        }
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(page), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "InvalidParameter", "Invalid page token.");
        }
        String[] parts = decoded.split("\\|");
        if (parts.length != expectedParts.length + 1 || !List.of(parts).subList(0, expectedParts.length).equals(List.of(expectedParts))) {
            throw new ApiError(400, "InvalidParameter", "The page token does not belong to this query.");
        }
        try {
            return Long.parseLong(parts[expectedParts.length]);
        } catch (NumberFormatException e) {
            throw new ApiError(400, "InvalidParameter", "Invalid page token.");
        }
    }

    private void listEvents(HttpExchange ex, Map<String, String> query) throws ApiError, IOException {
        String compartmentId = query.get("compartmentId");
        if (compartmentId == null || compartmentId.isEmpty()) {
            throw new ApiError(400, "MissingParameter", "Missing required parameter 'compartmentId'.");
        }
        Instant start = wholeMinute(query, "startTime");
        Instant end = wholeMinute(query, "endTime");
        if (!end.isAfter(start)) {
            throw new ApiError(400, "InvalidParameter", "'endTime' must be after 'startTime'.");
        }
        if (world.compartment(compartmentId).isEmpty()) {
            throw new ApiError(404, "NotAuthorizedOrNotFound", "Authorization failed or requested resource not found.");
        }
        if (faults.active() && !pagesAsked.add(compartmentId + "|" + start + "|" + end + "|" + query.getOrDefault("page", ""))) {
            repeated.incrementAndGet();
        }
        if (faults.failsForGood(compartmentId, start, end)) {
            throw new ApiError(500, "InternalServerError", "Simulated permanent failure of this window.");
        }
        Faults.Kind fault = faults.next();
        switch (fault) {
            case THROTTLE -> throw new ApiError(429, "TooManyRequests", "Too many requests for the tenancy.");
            case THROTTLE_RETRY_AFTER -> {
                ex.getResponseHeaders().set("Retry-After", "1");
                throw new ApiError(429, "TooManyRequests", "Too many requests for the tenancy.");
            }
            case ERROR_500 -> throw new ApiError(500, "InternalServerError", "Simulated internal error.");
            case ERROR_502 -> throw new ApiError(502, "BadGateway", "Simulated bad gateway.");
            case ERROR_503 -> throw new ApiError(503, "ServiceUnavailable", "Simulated unavailability.");
            case ERROR_504 -> throw new ApiError(504, "GatewayTimeout", "Simulated gateway timeout.");
            case SLOW -> {
                slowed.incrementAndGet();
                sleep(faults.slowMillis());
            }
            default -> {
                // answered normally (or dropped below)
            }
        }
        long[] range = world.indexRange(compartmentId, start, end);
        long offset = offsetFromToken(query, compartmentId, start.toString(), end.toString());
        long first = range[0] + offset;
        long last = Math.min(range[1], first + pageSize);
        if (first > range[1]) {
            throw new ApiError(400, "InvalidParameter", "The page token is past the end of the results.");
        }
        if (last < range[1]) {
            ex.getResponseHeaders().set("opc-next-page", token(compartmentId, start.toString(), end.toString(), Long.toString(offset + pageSize)));
        }
        java.io.ByteArrayOutputStream page = new java.io.ByteArrayOutputStream(64 * 1024);
        try (JsonGenerator g = json.createGenerator(page, JsonEncoding.UTF8)) {
            g.writeStartArray();
            EventGenerator gen = world.generator();
            for (long i = first; i < last; i++) {
                gen.write(g, compartmentId, i);
            }
            g.writeEndArray();
        }
        byte[] body = page.toByteArray();
        ex.getResponseHeaders().set("Content-Type", "application/json");
        count(200);
        ex.sendResponseHeaders(200, body.length);
        OutputStream out = ex.getResponseBody();
        if (fault == Faults.Kind.DROP) {
            dropped.incrementAndGet();
            out.write(body, 0, body.length / 2);
            out.flush();
            // An exception out of the handler makes the JDK server close the connection, short of
            // the announced Content-Length: the client sees it end mid-body.
            throw new IOException("simulated connection drop");
        }
        out.write(body);
        out.close();
        eventsServed.addAndGet(last - first);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void listCompartments(HttpExchange ex, Map<String, String> query) throws ApiError, IOException {
        String parent = query.get("compartmentId");
        if (parent == null || parent.isEmpty()) {
            throw new ApiError(400, "MissingParameter", "Missing required parameter 'compartmentId'.");
        }
        if (world.compartment(parent).isEmpty()) {
            throw new ApiError(404, "NotAuthorizedOrNotFound", "Authorization failed or requested resource not found.");
        }
        boolean subtree = Boolean.parseBoolean(query.getOrDefault("compartmentIdInSubtree", "false"));
        if (subtree && !parent.equals(world.tenancyId())) {
            throw new ApiError(400, "InvalidParameter", "compartmentIdInSubtree may only be set for the root compartment (the tenancy).");
        }
        List<SimCompartment> found = subtree ? world.subtree(parent) : world.children(parent);
        String state = query.get("lifecycleState");
        if (state != null && !state.isEmpty()) {
            found = found.stream().filter(c -> c.lifecycleState().equals(state)).toList();
        }
        int limit = Math.max(1, Math.min(1000, Integer.parseInt(query.getOrDefault("limit", "100"))));
        long offset = offsetFromToken(query, parent, Boolean.toString(subtree), String.valueOf(state));
        int from = (int) Math.min(offset, found.size());
        int to = Math.min(found.size(), from + limit);
        if (to < found.size()) {
            ex.getResponseHeaders().set("opc-next-page", token(parent, Boolean.toString(subtree), String.valueOf(state), Integer.toString(to)));
        }
        ex.getResponseHeaders().set("Content-Type", "application/json");
        count(200);
        ex.sendResponseHeaders(200, 0);
        try (OutputStream out = ex.getResponseBody(); JsonGenerator g = json.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartArray();
            for (SimCompartment c : found.subList(from, to)) {
                writeCompartment(g, c);
            }
            g.writeEndArray();
        }
    }

    private void getCompartment(HttpExchange ex, String id) throws ApiError, IOException {
        SimCompartment c = world.compartment(id).orElseThrow(
                () -> new ApiError(404, "NotAuthorizedOrNotFound", "Authorization failed or requested resource not found."));
        ex.getResponseHeaders().set("Content-Type", "application/json");
        count(200);
        ex.sendResponseHeaders(200, 0);
        try (OutputStream out = ex.getResponseBody(); JsonGenerator g = json.createGenerator(out, JsonEncoding.UTF8)) {
            writeCompartment(g, c);
        }
    }

    private void writeCompartment(JsonGenerator g, SimCompartment c) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", c.id());
        g.writeStringField("compartmentId", c.isRoot() ? null : c.parentId());
        g.writeStringField("name", c.name());
        g.writeStringField("description", "Simulated compartment " + c.name());
        g.writeStringField("timeCreated", "2021-03-01T09:00:00.000Z");
        g.writeStringField("lifecycleState", c.lifecycleState());
        g.writeBooleanField("isAccessible", true);
        g.writeObjectFieldStart("freeformTags");
        g.writeEndObject();
        g.writeObjectFieldStart("definedTags");
        g.writeEndObject();
        g.writeEndObject();
    }
}
