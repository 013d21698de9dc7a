package io.logstreamer.oci;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.logstreamer.event.PageReader;
import io.logstreamer.plan.Window;

/**
 * Fetches ListEvents pages as raw bytes, signed with the SDK's request signer. Not the SDK's
 * AuditClient: its models drop fields the SDK does not know, rewrite times and numbers, and cost
 * about 3x the CPU, while only the page body is the exact wire format (see DESIGN.md). A page is
 * read whole before any of its events is handed on, so a retried page is never emitted twice.
 */
public final class AuditEventsClient {

    public static final String LIST_EVENTS_PATH = "/20190901/auditEvents";
    private static final Set<Integer> RETRYABLE = Set.of(429, 500, 502, 503, 504);
    private static final ObjectMapper ERRORS = new ObjectMapper();

    private final OciSession session;
    private final RetryPolicy policy;
    private final SharedBackoff backoff = new SharedBackoff();
    private final HttpClient http;

    public AuditEventsClient(OciSession session, RetryPolicy policy) {
        this.session = session;
        this.policy = policy;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(policy.pageTimeout().compareTo(Duration.ofSeconds(10)) < 0 ? policy.pageTimeout() : Duration.ofSeconds(10))
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

    /** A failed attempt that may succeed when tried again. */
    private static final class Retryable extends Exception {
        final int status;
        final Duration retryAfter;

        Retryable(int status, String message, Duration retryAfter, Throwable cause) {
            super(message, cause);
            this.status = status;
            this.retryAfter = retryAfter;
        }
    }

    /**
     * Fetches one page, retrying throttling, server errors, timeouts and broken connections.
     *
     * @throws OciServiceException        the service refused the request for good (400, 401, 404, ...)
     * @throws RetriesExhaustedException the page still failed when the policy's attempts or time ran out
     */
    public AuditPage fetch(Window window, String page, RequestObserver observer)
            throws RetriesExhaustedException, InterruptedException {
        long deadline = System.nanoTime() + policy.maxTime().toNanos();
        for (int attempt = 1; ; attempt++) {
            backoff.awaitClearance();
            observer.requestSent();
            Retryable failure;
            try {
                return attempt(window, page, attempt);
            } catch (Retryable r) {
                failure = r;
            }
            Duration delay = failure.retryAfter != null ? failure.retryAfter : policy.delay(attempt);
            boolean outOfTime = System.nanoTime() + delay.toNanos() - deadline > 0;
            if (attempt >= policy.maxAttempts() || outOfTime) {
                throw new RetriesExhaustedException(attempt, failure.getMessage(), failure.getCause());
            }
            observer.retrying(failure.status, delay);
            if (failure.status == 429) {
                backoff.pauseFor(delay);
            } else {
                Thread.sleep(delay.toMillis());
            }
        }
    }

    private AuditPage attempt(Window window, String page, int attempt) throws Retryable, InterruptedException {
        URI uri = listEventsUri(window, page);
        Map<String, String> signed = session.signer().signRequest(uri, "GET", new HashMap<String, List<String>>(), null);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(policy.pageTimeout())
                .header("accept", "application/json")
                .GET();
        // host is set by the HTTP client to the value the signer signed; it may not be set by hand.
        signed.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("host")) {
                request.header(name, value);
            }
        });
        CompletableFuture<HttpResponse<byte[]>> call = http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> response;
        try {
            // The request timeout ends at the headers; this bounds the body too.
            response = call.get(policy.pageTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new Retryable(-1, "no complete answer within " + policy.pageTimeout().toSeconds() + " s", null, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ConnectException) {
                throw new Retryable(-1, "cannot connect to " + session.auditEndpoint() + ": connection refused", null, cause);
            }
            throw new Retryable(-1, "network error: " + describe(cause), null, cause);
        } catch (InterruptedException e) {
            call.cancel(true);
            throw e;
        }
        String requestId = response.headers().firstValue("opc-request-id").orElse(null);
        int status = response.statusCode();
        if (status == 200) {
            try {
                return new AuditPage(PageReader.readAll(response.body()), response.body().length,
                        response.headers().firstValue("opc-next-page").orElse(null), requestId, attempt);
            } catch (IOException e) {
                throw new Retryable(-1, "malformed page: " + e.getMessage(), null, e);
            }
        }
        OciServiceException error = error("ListEvents", status, response.body(), requestId);
        if (RETRYABLE.contains(status)) {
            throw new Retryable(status, error.getMessage(), retryAfter(response).orElse(null), error);
        }
        throw error;
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }

    /** Retry-After as delta-seconds or an HTTP date. */
    static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("retry-after").flatMap(value -> {
            String v = value.trim();
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
            } catch (NumberFormatException notSeconds) {
                try {
                    Duration d = Duration.between(java.time.Instant.now(),
                            ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                    return Optional.of(d.isNegative() ? Duration.ZERO : d);
                } catch (RuntimeException notADate) {
                    return Optional.empty();
                }
            }
        });
    }

    private static OciServiceException error(String operation, int status, byte[] body, String requestId) {
        String code = "Unknown";
        String message = "";
        try {
            JsonNode node = ERRORS.readTree(body);
            if (node != null && node.has("code")) {
                code = node.path("code").asText();
                message = node.path("message").asText();
            }
        } catch (IOException | RuntimeException e) {
            message = "(unreadable error body)";
        }
        return new OciServiceException(operation, status, code, message, requestId);
    }
}
