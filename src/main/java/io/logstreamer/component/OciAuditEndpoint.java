package io.logstreamer.component;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultEndpoint;

import io.logstreamer.oci.AuditEventsClient;
import io.logstreamer.oci.OciSession;

/**
 * Export OCI Audit events: answers each exchange with a lazy iterator over every event of the
 * planned windows, meant for a streaming split.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "oci-audit", title = "OCI Audit", syntax = "oci-audit:label",
        producerOnly = true, category = {Category.CLOUD, Category.MONITORING}, headersClass = OciAuditConstants.class)
public class OciAuditEndpoint extends DefaultEndpoint {

    @UriParam
    private final OciAuditConfiguration configuration;
    private OciSession session;
    private AuditEventsClient client;

    public OciAuditEndpoint(String uri, OciAuditComponent component, OciAuditConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // Read and check the credentials when the route starts, not at the first exchange.
        session = OciSession.fromConfigFile(configuration.getConfigFile(), configuration.getProfile(),
                configuration.getRegion(), configuration.getEndpoint(), configuration.getIdentityEndpoint());
        client = new AuditEventsClient(session, configuration.retryPolicy());
    }

    @Override
    public Producer createProducer() {
        return new OciAuditProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("oci-audit is a producer: trigger it from a timer, quartz or direct route");
    }

    public OciAuditConfiguration getConfiguration() {
        return configuration;
    }

    OciSession session() {
        return session;
    }

    AuditEventsClient client() {
        return client;
    }
}
