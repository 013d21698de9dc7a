package io.logstreamer.event;

import java.nio.charset.StandardCharsets;

/**
 * One audit event exactly as the API sent it (UTF-8 JSON bytes), with the two fields the route
 * needs pulled out while it was read, so filtering and counting never re-parse the event.
 */
public final class AuditEventRecord {

    private final String eventType;
    private final String eventId;
    private final byte[] json;

    public AuditEventRecord(String eventType, String eventId, byte[] json) {
        this.eventType = eventType;
        this.eventId = eventId;
        this.json = json;
    }

    public String getEventType() {
        return eventType;
    }

    public String getEventId() {
        return eventId;
    }

    /** The event's wire JSON; not copied, do not modify. */
    public byte[] getJson() {
        return json;
    }

    @Override
    public String toString() {
        return new String(json, StandardCharsets.UTF_8);
    }
}
