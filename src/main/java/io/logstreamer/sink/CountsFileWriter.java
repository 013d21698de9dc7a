package io.logstreamer.sink;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.Exchange;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Writes the eventType frequency map (the split's result body) as a JSON object, largest count
 * first, the same atomic, owner-only way as the export itself.
 */
public class CountsFileWriter {

    public static final String COUNTS = "LogstreamerEventTypeCounts";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private String path = "allevents.json";

    public void setPath(String path) {
        this.path = path;
    }

    public String getPath() {
        return path;
    }

    public void write(Exchange exchange) throws IOException {
        Object body = exchange.getMessage().getBody();
        Map<String, Long> sorted = new LinkedHashMap<>();
        if (body instanceof Map<?, ?> counts) {
            counts.entrySet().stream()
                    .map(e -> Map.entry(String.valueOf(e.getKey()), ((Number) e.getValue()).longValue()))
                    .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                            .thenComparing(Map.Entry.comparingByKey()))
                    .forEachOrdered(e -> sorted.put(e.getKey(), e.getValue()));
        }
        // An export without events has no split result: its map is empty.
        OwnerOnlyFile.write(Path.of(path), MAPPER.writeValueAsBytes(sorted));
        exchange.setProperty(COUNTS, sorted);
        exchange.getMessage().setBody(sorted);
    }
}
