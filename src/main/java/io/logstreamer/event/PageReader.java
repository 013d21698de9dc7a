package io.logstreamer.event;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;

/**
 * Reads a ListEvents page body (a JSON array of events) one event at a time, straight from the
 * HTTP stream, so at most one event of a page is in memory.
 */
public final class PageReader implements Closeable {

    // Characters outside the BMP (emoji) as UTF-8, not as escaped surrogate pairs.
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();

    private final JsonParser parser;
    private final ByteArrayBuilder buffer = new ByteArrayBuilder(4096);
    private boolean started;
    private boolean finished;

    public PageReader(InputStream body) throws IOException {
        this.parser = JSON.createParser(body);
    }

    private PageReader(byte[] body) throws IOException {
        this.parser = JSON.createParser(body);
    }

    /** Every event of a page held in memory; throws if the page is not a complete JSON array. */
    public static List<AuditEventRecord> readAll(byte[] body) throws IOException {
        List<AuditEventRecord> events = new ArrayList<>();
        try (PageReader reader = new PageReader(body)) {
            for (AuditEventRecord e = reader.next(); e != null; e = reader.next()) {
                events.add(e);
            }
            if (reader.parser.nextToken() != null) {
                throw new IOException("ListEvents page has data after its array");
            }
        }
        return events;
    }

    /** The next event of the page, or null at the end of the page. */
    public AuditEventRecord next() throws IOException {
        if (finished) {
            return null;
        }
        if (!started) {
            started = true;
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException("ListEvents page is not a JSON array");
            }
        }
        JsonToken t = parser.nextToken();
        if (t == JsonToken.END_ARRAY) {
            finished = true;
            return null;
        }
        if (t != JsonToken.START_OBJECT) {
            throw new IOException(t == null ? "ListEvents page ended early" : "ListEvents page holds a non-object: " + t);
        }
        buffer.reset();
        String[] typeAndId = new String[2];
        try (JsonGenerator g = JSON.createGenerator(buffer, JsonEncoding.UTF8)) {
            JsonCopy.copy(parser, g, false, (name, value) -> {
                if ("eventType".equals(name)) {
                    typeAndId[0] = value;
                } else if ("eventId".equals(name)) {
                    typeAndId[1] = value;
                }
            });
        }
        return new AuditEventRecord(typeAndId[0], typeAndId[1], buffer.toByteArray());
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
