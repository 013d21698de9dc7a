package io.logstreamer.component;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/** The {@code oci-audit:} component: exports OCI Audit events as a lazy stream of raw events. */
@org.apache.camel.spi.annotations.Component("oci-audit")
public class OciAuditComponent extends DefaultComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        OciAuditConfiguration configuration = new OciAuditConfiguration();
        configuration.setLabel(remaining);
        // Options bind onto the configuration; whatever is left over is reported by Camel as unknown.
        setProperties(configuration, parameters);
        if (configuration.getChunkDays() < 1) {
            throw new IllegalArgumentException("chunkDays must be at least 1, was " + configuration.getChunkDays());
        }
        configuration.retryPolicy(); // refuse bad retry options when the route starts
        if (configuration.getParallelism() < 1 || configuration.getPagesAhead() < 1 || configuration.getReadAheadMb() < 1
                || configuration.getSliceMinutes() < 0) {
            throw new IllegalArgumentException("parallelism, pagesAhead and readAheadMb must be at least 1, sliceMinutes not negative");
        }
        return new OciAuditEndpoint(uri, this, configuration);
    }
}
