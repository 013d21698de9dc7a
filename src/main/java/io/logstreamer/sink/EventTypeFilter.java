package io.logstreamer.sink;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.apache.camel.Exchange;
import org.apache.camel.Predicate;

import io.logstreamer.event.AuditEventRecord;

/**
 * The event-type filter of the original tool: semicolon-separated regular expressions, an event
 * passes when any of them is found anywhere in its eventType (like Python's re.search). No
 * patterns: every event passes.
 */
public class EventTypeFilter implements Predicate {

    private List<Pattern> patterns = List.of();

    /** Parses the filter; an invalid expression is an IllegalArgumentException naming it. */
    public static List<Pattern> compile(String semicolonSeparated) {
        List<Pattern> out = new ArrayList<>();
        if (semicolonSeparated == null) {
            return out;
        }
        for (String part : semicolonSeparated.split(";")) {
            String regex = part.trim();
            if (regex.isEmpty()) {
                continue;
            }
            try {
                out.add(Pattern.compile(regex));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("invalid regular expression '" + regex + "' in event filter: "
                        + e.getDescription() + " near index " + e.getIndex());
            }
        }
        return out;
    }

    public void setPatterns(String semicolonSeparated) {
        this.patterns = compile(semicolonSeparated);
    }

    /** As a Camel predicate (YAML {@code filter: {ref: eventTypeFilter}}): no bean-method lookup per event. */
    @Override
    public boolean matches(Exchange exchange) {
        return matches(exchange.getMessage().getBody(AuditEventRecord.class));
    }

    public boolean matches(AuditEventRecord event) {
        if (patterns.isEmpty()) {
            return true;
        }
        String type = event.getEventType();
        if (type == null) {
            return false;
        }
        for (Pattern p : patterns) {
            if (p.matcher(type).find()) {
                return true;
            }
        }
        return false;
    }
}
