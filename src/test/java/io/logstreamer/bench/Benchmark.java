package io.logstreamer.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The throughput and memory benchmark (bench/run.sh). The simulator runs in a JVM of its own; each
 * export and each raw-floor run is a fresh JVM, so every figure comes from the same kind of run.
 * Prints a table and writes it as CSV. Arguments: [--quick] [--out DIR] [--page-size N (100)]
 * [--only zero|fifty|memory].
 */
public final class Benchmark {

    private static final Pattern SUMMARY = Pattern.compile("exported (\\d+) of (\\d+) events .* in ([\\d.]+) s \\((\\d+) pages");
    private static final Pattern BENCH = Pattern.compile("BENCH exit=(\\d+) peakHeapMB=(\\d+) peakRssMB=(\\d+)");
    private static final Pattern FLOOR = Pattern.compile("FLOOR seconds=([\\d.]+) pages=(\\d+)");
    /** The root compartment's share of the simulated tenancy's events (weights 4 of 13.25). */
    private static final double ROOT_SHARE = 4 / 13.25;

    private final Path jar;
    private final Path testClasses;
    private final Path work;
    private final List<Map<String, Object>> rows = new ArrayList<>();
    private final int pageSize;

    private Benchmark(Path jar, Path testClasses, Path work, int pageSize) {
        this.jar = jar;
        this.testClasses = testClasses;
        this.work = work;
        this.pageSize = pageSize;
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        Path out = Path.of("bench");
        int pageSize = 100;
        String only = null;
        for (int i = 0; i < args.length - 1; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[i + 1]);
                case "--page-size" -> pageSize = Integer.parseInt(args[i + 1]);
                case "--only" -> only = args[i + 1];
                default -> {
                    // a value, or a flag without one
                }
            }
        }
        Path work = Files.createTempDirectory("logstreamer-bench-");
        Benchmark b = new Benchmark(Path.of("target/logstreamer.jar").toAbsolutePath(),
                Path.of("target/test-classes").toAbsolutePath(), work, pageSize);
        try {
            b.run(quick, only);
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        b.report(out);
    }

    private void run(boolean quick, String only) throws Exception {
        int[] parallelisms = {1, 2, 4, 8, 16};
        long events0 = quick ? 60_000 : 300_000;
        long events50 = quick ? 10_000 : 30_000;
        if (only == null || only.equals("zero")) {
            sweep(0, events0, parallelisms);
        }
        if (only == null || only.equals("fifty")) {
            sweep(50, events50, parallelisms);
        }
        if (only != null && !only.equals("memory")) {
            return;
        }
        long[] memory = quick ? new long[] {100_000, 500_000} : new long[] {1_000_000, 5_000_000};
        for (long events : memory) {
            try (Sim sim = Sim.start(jar, work.resolve("sim-mem-" + events), worldFor(events), 0, pageSize)) {
                Map<String, Object> row = export(sim, "memory", 0, 4, false);
                rows.add(row);
            }
        }
    }

    private static long worldFor(long rootEvents) {
        return Math.round(rootEvents / ROOT_SHARE);
    }

    private void sweep(int latencyMs, long rootEvents, int[] parallelisms) throws Exception {
        try (Sim sim = Sim.start(jar, work.resolve("sim-" + latencyMs), worldFor(rootEvents), latencyMs, pageSize)) {
            double p1 = 0;
            for (int p : parallelisms) {
                Map<String, Object> row = export(sim, "latency " + latencyMs + " ms", latencyMs, p, true);
                double floorSeconds = floor(sim, p);
                long events = (Long) row.get("events");
                row.put("floor_events_per_s", Math.round(events / floorSeconds));
                row.put("overhead_vs_floor", round2((Double) row.get("seconds") / floorSeconds));
                double rate = ((Long) row.get("events_per_s")).doubleValue();
                if (p == 1) {
                    p1 = rate;
                }
                row.put("speedup_vs_p1", round2(rate / p1));
                rows.add(row);
            }
        }
    }

    private Map<String, Object> export(Sim sim, String scenario, int latencyMs, int parallelism, boolean warm) throws Exception {
        Path outDir = Files.createDirectories(work.resolve("out-" + System.nanoTime()));
        List<String> cmd = new ArrayList<>(List.of(java(), "-Xmx256m", "-cp", jar + ":" + testClasses,
                MeasuredExport.class.getName()));
        if (warm) {
            cmd.add("--warm");
        }
        cmd.addAll(List.of("--ociconfig", sim.config.toString(), "--endpoint", sim.url,
                "--startdate", "01.12.25", "--enddate", "07.12.25", "--parallelism", Integer.toString(parallelism),
                "--outputfile", outDir.resolve("audit.json").toString(), "--countsfile", outDir.resolve("counts.json").toString()));
        String printed = runProcess(cmd);
        // With --warm there are two summaries; the last one is the measured run.
        List<java.util.regex.MatchResult> summaries = SUMMARY.matcher(printed).results().toList();
        Matcher m = BENCH.matcher(printed);
        if (summaries.isEmpty() || !m.find() || !m.group(1).equals("0")) {
            throw new IllegalStateException("export failed:\n" + printed);
        }
        try (Stream<Path> files = Files.walk(outDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        java.util.regex.MatchResult s = summaries.get(summaries.size() - 1);
        long events = Long.parseLong(s.group(1));
        double seconds = Double.parseDouble(s.group(3));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("scenario", scenario);
        row.put("page_size", pageSize);
        row.put("latency_ms", latencyMs);
        row.put("parallelism", parallelism);
        row.put("events", events);
        row.put("pages", Long.parseLong(s.group(4)));
        row.put("seconds", seconds);
        row.put("events_per_s", Math.round(events / seconds));
        row.put("peak_heap_mb", Long.parseLong(m.group(2)));
        row.put("peak_rss_mb", Long.parseLong(m.group(3)));
        System.out.println(row);
        return row;
    }

    private double floor(Sim sim, int parallelism) throws Exception {
        String printed = runProcess(List.of(java(), "-cp", jar + ":" + testClasses, RawFloor.class.getName(),
                sim.config.toString(), sim.url, "2025-12-01T00:00:00Z", "2025-12-08T00:00:00Z", Integer.toString(parallelism), "--warm"));
        Matcher f = FLOOR.matcher(printed);
        if (!f.find()) {
            throw new IllegalStateException("raw floor failed:\n" + printed);
        }
        return Double.parseDouble(f.group(1));
    }

    private static double round2(double d) {
        return Math.round(d * 100) / 100.0;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String runProcess(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return printed;
    }

    private void report(Path outDir) throws IOException {
        List<String> columns = List.of("scenario", "page_size", "latency_ms", "parallelism", "events", "pages", "seconds", "events_per_s",
                "floor_events_per_s", "overhead_vs_floor", "speedup_vs_p1", "peak_heap_mb", "peak_rss_mb");
        StringBuilder csv = new StringBuilder(String.join(",", columns)).append('\n');
        StringBuilder table = new StringBuilder("| " + String.join(" | ", columns) + " |\n|"
                + "---|".repeat(columns.size()) + "\n");
        for (Map<String, Object> row : rows) {
            List<String> cells = columns.stream().map(c -> String.valueOf(row.getOrDefault(c, ""))).toList();
            csv.append(String.join(",", cells)).append('\n');
            table.append("| ").append(String.join(" | ", cells)).append(" |\n");
        }
        Files.createDirectories(outDir);
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
        Path csvFile = outDir.resolve("results-" + stamp + ".csv");
        Files.writeString(csvFile, csv);
        System.out.println();
        System.out.println(machine());
        System.out.println(table);
        System.out.println("CSV: " + csvFile);
    }

    static String machine() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        long memKb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .map(l -> l.replaceAll("\\D", "")).mapToLong(Long::parseLong).findFirst().orElse(0);
        return "machine: " + Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + memKb / 1024 / 1024
                + " GiB, Java " + System.getProperty("java.version") + "; simulator in its own JVM on the same cores";
    }

    /** The simulator in a JVM of its own, on a free port. */
    private static final class Sim implements AutoCloseable {
        final Process process;
        final String url;
        final Path config;

        private Sim(Process process, String url, Path config) {
            this.process = process;
            this.url = url;
            this.config = config;
        }

        static Sim start(Path jar, Path dir, long worldEvents, int latencyMs, int pageSize) throws Exception {
            Files.createDirectories(dir);
            Process p = new ProcessBuilder(java(), "-jar", jar.toString(), "simulate", "--port", "0",
                    "--events", Long.toString(worldEvents), "--latency-ms", Integer.toString(latencyMs),
                    "--page-size", Integer.toString(pageSize),
                    "--config-dir", dir.toString()).redirectErrorStream(true).start();
            BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line;
            String url = null;
            while ((line = r.readLine()) != null) {
                Matcher m = Pattern.compile("listening on (http://\\S+)").matcher(line);
                if (m.find()) {
                    url = m.group(1);
                    break;
                }
            }
            if (url == null) {
                throw new IllegalStateException("the simulator did not start");
            }
            Thread drain = new Thread(() -> {
                try {
                    r.transferTo(java.io.Writer.nullWriter());
                } catch (IOException ignored) {
                    // the simulator is gone
                }
            });
            drain.setDaemon(true);
            drain.start();
            return new Sim(p, url, dir.resolve("config"));
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
