package io.logstreamer.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.camel.Exchange;

import io.logstreamer.Durations;
import io.logstreamer.UsageException;
import io.logstreamer.component.Gap;
import io.logstreamer.oci.RetryPolicy;
import io.logstreamer.sink.GapsFileWriter;
import io.logstreamer.component.ExportStats;
import io.logstreamer.component.OciAuditConstants;
import io.logstreamer.oci.OciSession;
import io.logstreamer.plan.WindowPlanner;
import io.logstreamer.sink.EventTypeFilter;
import io.logstreamer.simulator.SimWorld;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The one-shot export, flag-compatible with the original Python script. Subcommands run the
 * simulator.
 */
@Command(name = "logstreamer", mixinStandardHelpOptions = true, version = "logstreamer 0.1.0",
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Exports OCI Audit events for a time range into one JSON array file, "
                + "plus an eventType frequency map.",
        subcommands = {SimulateCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the export is complete and in place",
            "1:the export failed (service, network, disk); the output file was not replaced",
            "2:bad input (flags, dates, regex, OCI config, key, output path); nothing was fetched",
            "3:--allow-partial: output written, but some windows are missing (see <output>.gaps.json)"})
public class LogstreamerCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--startdate", paramLabel = "DATE", description = "First day, DD.MM.YY (UTC midnight), YYYY-MM-DD, or an ISO-8601 instant.")
    String startDate;

    @Option(names = "--enddate", paramLabel = "DATE", description = "Last day, included whole; or an exact ISO-8601 instant (exclusive).")
    String endDate;

    @Option(names = "--profilename", defaultValue = "DEFAULT", paramLabel = "PROFILE", description = "Profile of the OCI config file (default: ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--ociconfig", defaultValue = "~/.oci/config", paramLabel = "FILE", description = "OCI config file (default: ${DEFAULT-VALUE}).")
    String ociConfig;

    @Option(names = "--outputfile", defaultValue = "audit_logs.json", paramLabel = "FILE", description = "The JSON array file to write; a .gz name writes gzip (default: ${DEFAULT-VALUE}).")
    String outputFile;

    @Option(names = "--eventfilter", paramLabel = "REGEXES", description = "Semicolon-separated regular expressions; an event is written when any is found in its eventType.")
    String eventFilter;

    @Option(names = "--countsfile", defaultValue = "allevents.json", paramLabel = "FILE", description = "Where the eventType frequency map goes (default: ${DEFAULT-VALUE}).")
    String countsFile;

    @Option(names = "--compartment", paramLabel = "OCID", description = "Compartment to export (repeatable); default: the profile's tenancy (root compartment).")
    List<String> compartments = new ArrayList<>();

    @Option(names = "--subtree", description = "Also export every active sub-compartment of the selected compartments.")
    boolean subtree;

    @Option(names = "--region", paramLabel = "REGION", description = "Region id instead of the profile's.")
    String region;

    @Option(names = "--endpoint", paramLabel = "URL", description = "Audit API base URL instead of the region's.")
    String endpoint;

    @Option(names = "--identity-endpoint", paramLabel = "URL", description = "Identity API base URL instead of the region's.")
    String identityEndpoint;

    @Option(names = "--chunk-days", defaultValue = "7", paramLabel = "DAYS", description = "Largest window of one ListEvents query (default: ${DEFAULT-VALUE}).")
    int chunkDays;

    @Option(names = "--keys", defaultValue = "camel", paramLabel = "camel|snake", description = "Field names: the API's camelCase, or the snake_case of the Python SDK's to_dict (default: ${DEFAULT-VALUE}).")
    String keys;

    @Option(names = "--gzip", description = "Write the output gzip-compressed.")
    boolean gzip;

    @Option(names = "--parallelism", defaultValue = "8", paramLabel = "N", description = "Windows fetched at once; the output is the same for any N (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--slice-minutes", defaultValue = "0", paramLabel = "M", description = "Cut windows into slices of M minutes for parallel fetching; 0 = about 8 per worker (default: ${DEFAULT-VALUE}).")
    int sliceMinutes;

    @Option(names = "--allow-partial", description = "When windows still fail after retries, write what succeeded and list the gaps in <output>.gaps.json (exit 3).")
    boolean allowPartial;

    @Option(names = "--retry-max-attempts", defaultValue = "8", paramLabel = "N", description = "Attempts per page, the first included (default: ${DEFAULT-VALUE}).")
    int retryMaxAttempts;

    @Option(names = "--retry-base-delay", defaultValue = "1s", paramLabel = "DURATION", description = "Delay before the first retry, doubled for each further one, jittered (default: ${DEFAULT-VALUE}).")
    String retryBaseDelay;

    @Option(names = "--retry-max-delay", defaultValue = "30s", paramLabel = "DURATION", description = "Largest computed retry delay; Retry-After is honoured as sent (default: ${DEFAULT-VALUE}).")
    String retryMaxDelay;

    @Option(names = "--retry-max-time", defaultValue = "10m", paramLabel = "DURATION", description = "Most time one page may take with its retries before its window is given up (default: ${DEFAULT-VALUE}).")
    String retryMaxTime;

    @Option(names = "--page-timeout", defaultValue = "60s", paramLabel = "DURATION", description = "Most time one request may take, to the last byte (default: ${DEFAULT-VALUE}).")
    String pageTimeout;

    @Option(names = "--routes", defaultValue = ExportJob.DEFAULT_ROUTES, paramLabel = "PATTERN", description = "Route files to run (default: the packaged ${DEFAULT-VALUE}).")
    String routes;

    @Option(names = {"-q", "--quiet"}, description = "No progress and no summary.")
    boolean quiet;

    @Option(names = "--debug", description = "Show the stack trace of a failure.")
    boolean debug;

    @ArgGroup(exclusive = false, heading = "%nDemo (no OCI account needed):%n")
    Demo demo;

    static class Demo {
        @Option(names = "--demo", required = true, description = "Export from the built-in OCI API simulator, with a generated key and config.")
        boolean enabled;

        @Option(names = "--demo-events", defaultValue = "200000", paramLabel = "N", description = "Events in the simulated tenancy (default: ${DEFAULT-VALUE}).")
        long events;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return run(new PrintWriter(System.err, true), args);
    }

    /** Runs the command with its messages going to {@code err}; returns the exit code. */
    public static int run(PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new LogstreamerCommand());
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("logstreamer: " + ex.getMessage() + " (see --help)");
            err.flush();
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            Failures.Outcome outcome = Failures.describe(ex);
            err.println("logstreamer: " + outcome.message());
            Object root = commandLine.getCommandSpec().root().userObject();
            if (root instanceof LogstreamerCommand command && command.debug) {
                ex.printStackTrace(err);
            }
            err.flush();
            return outcome.exitCode();
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        boolean demoMode = demo != null && demo.enabled;
        SimWorld world = demoMode ? new SimWorld(42, demo.events,
                Instant.parse("2025-12-01T00:00:00Z"), Instant.parse("2025-12-08T00:00:00Z")) : null;
        Instant start;
        Instant end;
        if (startDate == null && endDate == null && demoMode) {
            start = world.from();
            end = world.to();
        } else {
            if (startDate == null || endDate == null) {
                throw new UsageException("--startdate and --enddate are both required (e.g. --startdate 01.12.25 --enddate 07.12.25)");
            }
            start = Dates.start("--startdate", startDate);
            end = Dates.end("--enddate", endDate);
        }
        if (!end.isAfter(start)) {
            throw new UsageException("--enddate (" + end + ") must be after --startdate (" + start + ")");
        }
        List<String> notes = new ArrayList<>();
        Instant now = Instant.now();
        if (!start.isBefore(now)) {
            throw new UsageException("the range starts in the future (" + start + "): there are no events yet");
        }
        if (end.isAfter(now)) {
            end = now.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
            notes.add("note: --enddate is in the future; exporting up to now (" + end + ")");
        }
        if (start.isBefore(now.minus(java.time.Duration.ofDays(365)))) {
            notes.add("warning: the range starts more than 365 days ago; OCI keeps audit events for 365 days by default,"
                    + " so older ones are usually gone");
        }
        Instant[] minutes = WindowPlanner.toWholeMinutes(start, end);
        if (!minutes[0].equals(start) || !minutes[1].equals(end)) {
            notes.add("note: the Audit API filters on whole minutes; exporting " + minutes[0] + " .. " + minutes[1]);
        }
        try {
            new RetryPolicy(retryMaxAttempts, Durations.parse(retryBaseDelay), Durations.parse(retryMaxDelay),
                    Durations.parse(retryMaxTime), Durations.parse(pageTimeout));
        } catch (IllegalArgumentException e) {
            throw new UsageException("retry options: " + e.getMessage());
        }
        if (chunkDays < 1) {
            throw new UsageException("--chunk-days must be at least 1");
        }
        if (parallelism < 1 || parallelism > 64) {
            throw new UsageException("--parallelism must be between 1 and 64");
        }
        if (sliceMinutes < 0) {
            throw new UsageException("--slice-minutes must not be negative");
        }
        String k = keys.toLowerCase(Locale.ROOT);
        if (!k.equals("camel") && !k.equals("snake")) {
            throw new UsageException("--keys must be 'camel' or 'snake', not '" + keys + "'");
        }
        if (eventFilter != null) {
            try {
                if (EventTypeFilter.compile(eventFilter).isEmpty()) {
                    throw new UsageException("--eventfilter '" + eventFilter + "' holds no regular expression");
                }
            } catch (IllegalArgumentException e) {
                throw new UsageException("--eventfilter: " + e.getMessage());
            }
        }
        checkRoutes(routes);
        checkWritable("--outputfile", outputFile);
        checkWritable("--countsfile", countsFile);

        Properties p = new Properties();
        p.setProperty("logstreamer.oci.profile", profile);
        p.setProperty("logstreamer.start", minutes[0].toString());
        p.setProperty("logstreamer.end", minutes[1].toString());
        p.setProperty("logstreamer.chunk-days", Integer.toString(chunkDays));
        p.setProperty("logstreamer.subtree", Boolean.toString(subtree));
        p.setProperty("logstreamer.output", outputFile);
        p.setProperty("logstreamer.counts-file", countsFile);
        p.setProperty("logstreamer.keys", k);
        p.setProperty("logstreamer.gzip", Boolean.toString(gzip));
        p.setProperty("logstreamer.event-filter", eventFilter == null ? "" : eventFilter);
        p.setProperty("logstreamer.allow-partial", Boolean.toString(allowPartial));
        p.setProperty("logstreamer.parallelism", Integer.toString(parallelism));
        p.setProperty("logstreamer.slice-minutes", Integer.toString(sliceMinutes));
        p.setProperty("logstreamer.retry.max-attempts", Integer.toString(retryMaxAttempts));
        p.setProperty("logstreamer.retry.base-delay", retryBaseDelay);
        p.setProperty("logstreamer.retry.max-delay", retryMaxDelay);
        p.setProperty("logstreamer.retry.max-time", retryMaxTime);
        p.setProperty("logstreamer.retry.page-timeout", pageTimeout);
        if (!compartments.isEmpty()) {
            p.setProperty("logstreamer.compartments", String.join(",", compartments));
        }
        if (region != null) {
            p.setProperty("logstreamer.oci.region", region);
        }

        if (demoMode) {
            try (DemoEnvironment env = new DemoEnvironment(world)) {
                p.setProperty("logstreamer.oci.config-file", env.configFile().toString());
                p.setProperty("logstreamer.oci.endpoint", endpoint != null ? endpoint : env.baseUrl());
                p.setProperty("logstreamer.oci.identity-endpoint", identityEndpoint != null ? identityEndpoint : env.baseUrl());
                info("demo: exporting from the built-in OCI API simulator at " + env.baseUrl() + " ("
                        + world.totalEvents() + " simulated events, " + world.from() + " .. " + world.to() + ")");
                notes.forEach(this::info);
                return export(p);
            }
        }
        // Read the config up front: a wrong profile or key is exit 2 before Camel starts.
        OciSession session = OciSession.fromConfigFile(ociConfig, profile, region, endpoint, identityEndpoint);
        session.warnings().forEach(w -> info("warning: " + w));
        notes.forEach(this::info);
        p.setProperty("logstreamer.oci.config-file", OciSession.expandHome(ociConfig).toString());
        if (endpoint != null) {
            p.setProperty("logstreamer.oci.endpoint", endpoint);
        }
        if (identityEndpoint != null) {
            p.setProperty("logstreamer.oci.identity-endpoint", identityEndpoint);
        }
        return export(p);
    }

    private int export(Properties properties) throws Exception {
        AtomicReference<Exchange> running = new AtomicReference<>();
        Progress progress = quiet || System.console() == null ? null : new Progress(running);
        ExportJob.Result result;
        try {
            result = ExportJob.run(properties, routes, exchange -> {
                running.set(exchange);
                if (progress != null) {
                    progress.start();
                }
            });
        } finally {
            if (progress != null) {
                progress.stop();
            }
        }
        if (!quiet) {
            ExportStats s = result.stats();
            List<String> scope = result.compartments() == null ? List.of() : result.compartments();
            String what = scope.size() == 1 && scope.get(0).equals(result.tenancy())
                    ? "the tenancy's root compartment " + result.tenancy() + (subtree ? "" : " only (not its sub-compartments; add --subtree)")
                    : scope.size() + " compartment(s)" + (subtree ? " including sub-compartments" : "");
            info(String.format(Locale.ROOT,
                    "exported %d of %d events to %s in %.1f s (%d pages, %d requests, %d retries, %d throttled, %d windows;"
                            + " scope: %s); event types in %s",
                    result.eventsWritten(), s.eventsRetrieved(), result.outputFile(), s.elapsedSeconds(), s.pages(),
                    s.requests(), s.retries(), s.throttled(), s.windowsTotal(), what, countsFile));
        }
        List<Gap> gaps = result.stats().gaps();
        if (!gaps.isEmpty()) {
            // Said even with --quiet: the file is not complete.
            PrintWriter err = spec.commandLine().getErr();
            err.println("INCOMPLETE: " + gaps.size() + " window(s) failed after retries and are missing; listed in "
                    + GapsFileWriter.gapsFile(outputFile));
            gaps.forEach(g -> err.println("  failed window: " + g));
            err.flush();
            return ExitCodes.PARTIAL;
        }
        return ExitCodes.OK;
    }

    private void info(String line) {
        if (!quiet) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(line);
            err.flush();
        }
    }

    private static void checkRoutes(String pattern) {
        for (String part : pattern.split(",")) {
            if (part.startsWith("file:")) {
                Path path = Path.of(part.substring("file:".length()));
                Path dir = path.getFileName() != null && path.getFileName().toString().contains("*") ? path.getParent() : path;
                if (dir == null || !Files.exists(dir)) {
                    throw new UsageException("--routes " + part + ": " + (dir == null ? path : dir) + " does not exist");
                }
            }
        }
    }

    private static void checkWritable(String flag, String file) {
        Path path = Path.of(file).toAbsolutePath();
        if (Files.isDirectory(path)) {
            throw new UsageException(flag + " " + file + " is a directory");
        }
        Path dir = path.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new UsageException(flag + " " + file + ": directory " + dir + " does not exist");
        }
        if (!Files.isWritable(dir)) {
            throw new UsageException(flag + " " + file + ": directory " + dir + " is not writable");
        }
    }

    /** Windows done, events and rate on one terminal line, while the export runs. */
    private static final class Progress {
        private final AtomicReference<Exchange> running;
        private final Thread thread;
        private volatile boolean stopped;

        Progress(AtomicReference<Exchange> running) {
            this.running = running;
            this.thread = new Thread(this::loop, "progress");
            this.thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        private void loop() {
            while (!stopped) {
                Exchange e = running.get();
                ExportStats s = e == null ? null : e.getProperty(OciAuditConstants.STATS, ExportStats.class);
                if (s != null) {
                    double secs = Math.max(0.001, s.elapsedSeconds());
                    System.err.printf(Locale.ROOT, "\rwindows %d/%d, %d events, %.0f events/s   ",
                            s.windowsDone(), s.windowsTotal(), s.eventsRetrieved(), s.eventsRetrieved() / secs);
                    System.err.flush();
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException ex) {
                    return;
                }
            }
        }

        void stop() {
            stopped = true;
            thread.interrupt();
            try {
                thread.join(1000);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            System.err.print("\r\033[K");
            System.err.flush();
        }
    }
}
