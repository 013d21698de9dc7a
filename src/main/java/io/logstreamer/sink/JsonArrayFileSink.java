package io.logstreamer.sink;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.SynchronizationAdapter;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;

import io.logstreamer.event.AuditEventRecord;
import io.logstreamer.event.JsonCopy;

/**
 * Streams events into one JSON array file: {@link #open} before the split, {@link #append} for
 * each event, {@link #commit} after it. The file appears only when complete; if the exchange
 * fails, the partial file is removed and an existing file of that name stays as it was.
 */
public class JsonArrayFileSink implements Processor {

    public static final String EVENTS_WRITTEN = "LogstreamerEventsWritten";
    public static final String OUTPUT_FILE = "LogstreamerOutputFile";
    // Characters outside the BMP (emoji) as UTF-8, not as escaped surrogate pairs.
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();
    private static final byte[] FIRST = "\n".getBytes();
    private static final byte[] NEXT = ",\n".getBytes();
    private static final byte[] END_EMPTY = "]\n".getBytes();
    private static final byte[] END = "\n]\n".getBytes();

    private String output;
    /** The exchange property holding this sink's open file; built once, looked up per event. */
    private String propertyName;
    private String keys = "camel";
    private boolean gzip;

    public void setOutput(String output) {
        this.output = output;
        this.propertyName = "LogstreamerSink:" + output;
    }

    public String getOutput() {
        return output;
    }

    /** {@code camel} writes the API's field names, {@code snake} those of the Python SDK's to_dict. */
    public void setKeys(String keys) {
        if (!keys.equals("camel") && !keys.equals("snake")) {
            throw new IllegalArgumentException("keys must be 'camel' or 'snake', was '" + keys + "'");
        }
        this.keys = keys;
    }

    public String getKeys() {
        return keys;
    }

    /** Gzip the output; also on when the file name ends with .gz. */
    public void setGzip(boolean gzip) {
        this.gzip = gzip;
    }

    public boolean isGzip() {
        return gzip;
    }


    public void open(Exchange exchange) throws IOException {
        if (output == null || output.isBlank()) {
            throw new IllegalStateException("JsonArrayFileSink needs an output file");
        }
        Path target = Path.of(output);
        Writer writer = new Writer(OwnerOnlyFile.create(target), gzip || output.endsWith(".gz"), keys.equals("snake"));
        exchange.setProperty(propertyName, writer);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                // A committed file is already in place; anything else must not leave a trace.
                writer.abort();
            }
        });
    }

    /** As a processor (YAML {@code process: {ref: jsonArraySink}}): appends the event, per event without reflection. */
    @Override
    public void process(Exchange exchange) throws Exception {
        append(exchange);
    }

    public void append(Exchange exchange) throws IOException, org.apache.camel.InvalidPayloadException {
        writer(exchange).append(exchange.getMessage().getMandatoryBody(AuditEventRecord.class));
    }

    public void commit(Exchange exchange) throws IOException {
        Writer writer = writer(exchange);
        writer.commit();
        exchange.setProperty(EVENTS_WRITTEN, writer.count);
        exchange.setProperty(OUTPUT_FILE, writer.file.target().toString());
    }

    private Writer writer(Exchange exchange) {
        Writer writer = exchange.getProperty(propertyName, Writer.class);
        if (writer == null) {
            throw new IllegalStateException("JsonArrayFileSink.open was not called for " + output);
        }
        return writer;
    }

    private static final class Writer {
        private final OwnerOnlyFile file;
        private final OutputStream out;
        private final boolean snake;
        private final ByteArrayBuilder snakeBuffer;
        private long count;

        Writer(OwnerOnlyFile file, boolean gzip, boolean snake) throws IOException {
            this.file = file;
            OutputStream raw = file.stream();
            this.out = new BufferedOutputStream(gzip ? new GZIPOutputStream(raw, 1 << 16) : raw, 1 << 18);
            this.snake = snake;
            this.snakeBuffer = snake ? new ByteArrayBuilder(4096) : null;
            out.write('[');
        }

        synchronized void append(AuditEventRecord event) throws IOException {
            out.write(count == 0 ? FIRST : NEXT);
            out.write(snake ? toSnake(event.getJson()) : event.getJson());
            count++;
        }

        private byte[] toSnake(byte[] json) throws IOException {
            snakeBuffer.reset();
            try (JsonParser p = JSON.createParser(json); JsonGenerator g = JSON.createGenerator(snakeBuffer, JsonEncoding.UTF8)) {
                p.nextToken();
                JsonCopy.copy(p, g, true);
            }
            return snakeBuffer.toByteArray();
        }

        synchronized void commit() throws IOException {
            out.write(count == 0 ? END_EMPTY : END);
            out.close();
            file.commit();
        }

        synchronized void abort() {
            file.abort();
        }
    }
}
