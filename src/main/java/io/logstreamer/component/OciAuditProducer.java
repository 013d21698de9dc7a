package io.logstreamer.component;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;

import io.logstreamer.oci.CompartmentScope;
import io.logstreamer.plan.Window;
import io.logstreamer.plan.WindowPlanner;

/** Plans the export's windows and answers with the lazy event iterator. */
public class OciAuditProducer extends DefaultProducer {

    /**
     * A unit's pages can only be fetched one after another (each needs the previous page's token),
     * so the unit being read is the critical path: small units, and enough of them that every
     * worker stays busy until the end of the export.
     */
    public static final int UNITS_PER_WORKER = 8;

    public OciAuditProducer(OciAuditEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public OciAuditEndpoint getEndpoint() {
        return (OciAuditEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) {
        OciAuditEndpoint endpoint = getEndpoint();
        OciAuditConfiguration config = endpoint.getConfiguration();
        Instant start = instant(exchange.getMessage().getHeader(OciAuditConstants.START_TIME), config.getStartTime(), "startTime");
        Instant end = instant(exchange.getMessage().getHeader(OciAuditConstants.END_TIME), config.getEndTime(), "endTime");
        String tenancy = endpoint.session().tenancyId();
        List<String> compartments = config.compartmentIdList().isEmpty() ? List.of(tenancy) : config.compartmentIdList();
        if (config.isSubtree()) {
            compartments = CompartmentScope.withSubtrees(endpoint.session(), compartments, config.retryPolicy());
        }
        List<Window> windows = WindowPlanner.plan(compartments, start, end, config.getChunkDays());
        if (config.getSliceMinutes() > 0) {
            windows = WindowPlanner.slice(windows, Duration.ofMinutes(config.getSliceMinutes()));
        } else if (config.getParallelism() > 1) {
            windows = WindowPlanner.slice(windows, WindowPlanner.sliceFor(windows, config.getParallelism() * UNITS_PER_WORKER));
        }
        ExportStats stats = new ExportStats(windows.size());
        Instant[] range = WindowPlanner.toWholeMinutes(start, end);
        exchange.setProperty(OciAuditConstants.STATS, stats);
        exchange.getMessage().setHeader(OciAuditConstants.START_TIME, range[0]);
        exchange.getMessage().setHeader(OciAuditConstants.END_TIME, range[1]);
        exchange.getMessage().setHeader(OciAuditConstants.COMPARTMENTS, compartments);
        exchange.getMessage().setHeader(OciAuditConstants.TENANCY, tenancy);
        exchange.getMessage().setBody(new AuditEventIterator(endpoint.client(), windows, stats, config.isAllowPartial(),
                config.getParallelism(), config.getPagesAhead(), config.getReadAheadMb() * 1024L * 1024L));
    }

    private static Instant instant(Object header, String configured, String name) {
        Object value = header != null ? header : configured;
        if (value instanceof Instant i) {
            return i;
        }
        if (value == null || value.toString().isBlank()) {
            throw new IllegalArgumentException("oci-audit needs " + name + " (endpoint option or header)");
        }
        try {
            return Instant.parse(value.toString().trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("oci-audit " + name + " is not an ISO-8601 instant: " + value);
        }
    }
}
