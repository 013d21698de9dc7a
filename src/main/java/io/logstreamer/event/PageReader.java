package io.logstreamer.event;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Cuts a ListEvents page (a JSON array of events) into events. Each event keeps its bytes exactly
 * as the API sent them, found by the parser's byte offsets: only eventType and eventId are
 * decoded, everything else is skipped, nothing is re-encoded.
 */
public final class PageReader {

    private static final JsonFactory JSON = new JsonFactory();

    private PageReader() {
    }

    /** Every event of a page; throws if the page is not one complete JSON array of objects. */
    public static List<AuditEventRecord> readAll(byte[] page) throws IOException {
        List<AuditEventRecord> events = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(page)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException("ListEvents page is not a JSON array");
            }
            for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                if (t != JsonToken.START_OBJECT) {
                    throw new IOException(t == null ? "ListEvents page ended early" : "ListEvents page holds a non-object: " + t);
                }
                events.add(event(parser, page));
            }
            if (parser.nextToken() != null) {
                throw new IOException("ListEvents page has data after its array");
            }
        }
        return events;
    }

    private static AuditEventRecord event(JsonParser parser, byte[] page) throws IOException {
        int start = (int) parser.currentTokenLocation().getByteOffset();
        String type = null;
        String id = null;
        for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.VALUE_STRING && "eventType".equals(name)) {
                type = parser.getText();
            } else if (value == JsonToken.VALUE_STRING && "eventId".equals(name)) {
                id = parser.getText();
            } else {
                parser.skipChildren();
            }
        }
        if (parser.currentToken() != JsonToken.END_OBJECT) {
            throw new IOException("ListEvents page ended inside an event");
        }
        int end = (int) parser.currentLocation().getByteOffset();
        return new AuditEventRecord(type, id, Arrays.copyOfRange(page, start, end));
    }
}
