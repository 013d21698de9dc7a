package io.logstreamer.sink;

import java.util.HashMap;
import java.util.Map;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

import io.logstreamer.event.AuditEventRecord;

/**
 * Aggregates the split's events into the eventType frequency map; the split's result body is
 * the map. It sees every event the source retrieved, filtered out or not.
 */
public class EventTypeCounts implements AggregationStrategy {

    @Override
    @SuppressWarnings("unchecked")
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        AuditEventRecord event = newExchange.getMessage().getBody(AuditEventRecord.class);
        Exchange result = oldExchange == null ? newExchange : oldExchange;
        Map<String, Long> counts;
        if (oldExchange == null) {
            counts = new HashMap<>();
            result.getMessage().setBody(counts);
        } else {
            counts = result.getMessage().getBody(Map.class);
        }
        if (event != null) {
            counts.merge(String.valueOf(event.getEventType()), 1L, Long::sum);
        }
        return result;
    }
}
