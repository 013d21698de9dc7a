package io.logstreamer.cli;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.apache.camel.main.SimpleMainShutdownStrategy;

import io.logstreamer.UsageException;
import io.logstreamer.component.ExportStats;
import io.logstreamer.component.OciAuditConstants;
import io.logstreamer.sink.CountsFileWriter;
import io.logstreamer.sink.JsonArrayFileSink;

/**
 * Runs the export route once: starts Camel with the YAML routes and the given properties, sends
 * one exchange to {@code direct:export}, and stops. The route does the work; this only starts it.
 */
public final class ExportJob {

    public static final String DEFAULT_ROUTES = "classpath:routes/export.camel.yaml";

    /** What one run produced. */
    public record Result(ExportStats stats, long eventsWritten, String outputFile, Map<String, Long> counts,
                         List<String> compartments, String tenancy) {
    }

    private ExportJob() {
    }

    /**
     * @param onStart receives the exchange before it is sent; the source puts the live stats on it
     * @throws Exception whatever made the route fail; the output file is then not in place
     */
    @SuppressWarnings("unchecked")
    public static Result run(Properties properties, String routes, Consumer<Exchange> onStart) throws Exception {
        Main main = new Main();
        // Camel's default strategy adds a JVM hook that waits for Camel to finish on Ctrl-C or
        // SIGTERM; a one-shot export must instead stop at once (its temporary file is removed).
        main.setShutdownStrategy(new SimpleMainShutdownStrategy());
        Properties all = new Properties();
        all.setProperty("camel.main.routes-include-pattern", routes);
        all.setProperty("camel.main.shutdown-timeout", "5");
        // Bodies are events in memory, never streams: caching would only cost per event.
        all.setProperty("camel.main.stream-caching-enabled", "false");
        all.putAll(properties);
        main.setOverrideProperties(all);
        try {
            main.start();
            CamelContext context = main.getCamelContext();
            if (context.getRoute("export") == null) {
                throw new UsageException("no route with id 'export' in " + routes);
            }
            ProducerTemplate template = context.createProducerTemplate();
            Exchange exchange = context.getEndpoint("direct:export").createExchange();
            if (onStart != null) {
                onStart.accept(exchange);
            }
            exchange = template.send("direct:export", exchange);
            if (exchange.getException() != null) {
                throw exchange.getException();
            }
            ExportStats stats = exchange.getProperty(OciAuditConstants.STATS, ExportStats.class);
            Long written = exchange.getProperty(JsonArrayFileSink.EVENTS_WRITTEN, Long.class);
            return new Result(stats, written == null ? 0 : written,
                    exchange.getProperty(JsonArrayFileSink.OUTPUT_FILE, String.class),
                    exchange.getProperty(CountsFileWriter.COUNTS, Map.class),
                    exchange.getMessage().getHeader(OciAuditConstants.COMPARTMENTS, List.class),
                    exchange.getMessage().getHeader(OciAuditConstants.TENANCY, String.class));
        } finally {
            main.stop();
        }
    }
}
