package io.logstreamer.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.logstreamer.oci.OciSession;
import io.logstreamer.plan.Window;
import io.logstreamer.plan.WindowPlanner;

/**
 * The floor the exporter is measured against: the same windows, the same signing, N threads that
 * only download each page and throw it away. No parsing, no Camel, no file.
 * Arguments: config endpoint start end parallelism [--warm] (run once untimed first).
 */
public final class RawFloor {

    public static void main(String[] args) throws Exception {
        OciSession session = OciSession.fromConfigFile(args[0], "DEFAULT", null, args[1], args[1]);
        Instant start = Instant.parse(args[2]);
        Instant end = Instant.parse(args[3]);
        int parallelism = Integer.parseInt(args[4]);
        List<Window> windows = WindowPlanner.plan(List.of(session.tenancyId()), start, end, 7);
        if (parallelism > 1) {
            windows = WindowPlanner.slice(windows, WindowPlanner.sliceFor(windows, parallelism * io.logstreamer.component.OciAuditProducer.UNITS_PER_WORKER));
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        boolean warm = args.length > 5 && args[5].equals("--warm");
        for (int round = warm ? 0 : 1; round < 2; round++) {
            run(session, http, windows, parallelism, round == 1);
        }
    }

    private static void run(OciSession session, HttpClient http, List<Window> units, int parallelism, boolean report)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        AtomicLong pages = new AtomicLong();
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < parallelism; t++) {
            done.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < units.size(); i = next.getAndIncrement()) {
                    Window w = units.get(i);
                    String token = null;
                    do {
                        String q = "compartmentId=" + enc(w.compartmentId()) + "&startTime=" + enc(w.start().toString())
                                + "&endTime=" + enc(w.end().toString()) + (token == null ? "" : "&page=" + enc(token));
                        URI uri = URI.create(session.auditEndpoint() + "/20190901/auditEvents?" + q);
                        HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET();
                        session.signer().signRequest(uri, "GET", new HashMap<>(), null).forEach((k, v) -> {
                            if (!k.equalsIgnoreCase("host")) {
                                b.header(k, v);
                            }
                        });
                        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() != 200) {
                            throw new IllegalStateException("HTTP " + r.statusCode());
                        }
                        bytes.addAndGet(r.body().length);
                        pages.incrementAndGet();
                        token = r.headers().firstValue("opc-next-page").orElse(null);
                    } while (token != null);
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (report) {
            System.out.printf("FLOOR seconds=%.3f pages=%d bytes=%d%n", seconds, pages.get(), bytes.get());
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
