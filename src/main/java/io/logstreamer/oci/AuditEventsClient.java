package io.logstreamer.oci;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.logstreamer.plan.Window;

/**
 * Fetches ListEvents pages as raw bytes, signed with the SDK's request signer. Not the SDK's
 * AuditClient: its models drop fields the SDK does not know, rewrite times and numbers, and cost
 * about 3x the CPU, while only the page body is the exact wire format (see DESIGN.md).
 */
public final class AuditEventsClient {

    public static final String LIST_EVENTS_PATH = "/20190901/auditEvents";
    private static final ObjectMapper ERRORS = new ObjectMapper();

    private final OciSession session;
    private final HttpClient http;

    public AuditEventsClient(OciSession session) {
        this.session = session;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    URI listEventsUri(Window window, String page) {
        StringBuilder q = new StringBuilder()
                .append("compartmentId=").append(encode(window.compartmentId()))
                .append("&startTime=").append(encode(window.start().toString()))
                .append("&endTime=").append(encode(window.end().toString()));
        if (page != null) {
            q.append("&page=").append(encode(page));
        }
        return URI.create(session.auditEndpoint() + LIST_EVENTS_PATH + "?" + q);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Opens one page; the caller reads and closes its body. */
    public AuditPage open(Window window, String page) throws IOException, InterruptedException {
        URI uri = listEventsUri(window, page);
        Map<String, String> signed = session.signer().signRequest(uri, "GET", new HashMap<String, List<String>>(), null);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(60))
                .header("accept", "application/json")
                .GET();
        // host is set by the HTTP client to the value the signer signed; it may not be set by hand.
        signed.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("host")) {
                request.header(name, value);
            }
        });
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (ConnectException e) {
            throw new IOException("cannot connect to " + session.auditEndpoint() + ": connection refused", e);
        } catch (HttpTimeoutException e) {
            throw new IOException("no answer from " + session.auditEndpoint() + " within the timeout", e);
        }
        String requestId = response.headers().firstValue("opc-request-id").orElse(null);
        if (response.statusCode() != 200) {
            throw error("ListEvents", response, requestId);
        }
        return new AuditPage(response.body(), response.headers().firstValue("opc-next-page").orElse(null), requestId);
    }

    private static OciServiceException error(String operation, HttpResponse<InputStream> response, String requestId) {
        String code = "Unknown";
        String message = "";
        try (InputStream in = response.body()) {
            byte[] body = in.readNBytes(64 * 1024);
            JsonNode node = ERRORS.readTree(body);
            if (node != null && node.has("code")) {
                code = node.path("code").asText();
                message = node.path("message").asText();
            }
        } catch (IOException | RuntimeException e) {
            message = "(unreadable error body)";
        }
        return new OciServiceException(operation, response.statusCode(), code, message, requestId);
    }
}
