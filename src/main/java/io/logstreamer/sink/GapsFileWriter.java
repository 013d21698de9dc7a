package io.logstreamer.sink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.logstreamer.component.ExportStats;
import io.logstreamer.component.Gap;
import io.logstreamer.component.OciAuditConstants;

/**
 * Beside a partial export, {@code <output>.gaps.json} names every window that is missing in part or
 * whole; a complete export removes a gaps file left by an earlier run, so it never misleads.
 */
public class GapsFileWriter {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private String output;

    public void setOutput(String output) {
        this.output = output;
    }

    public String getOutput() {
        return output;
    }

    public static Path gapsFile(String output) {
        return Path.of(output + ".gaps.json");
    }

    public void write(Exchange exchange) throws IOException {
        ExportStats stats = exchange.getProperty(OciAuditConstants.STATS, ExportStats.class);
        List<Gap> gaps = stats == null ? List.of() : stats.gaps();
        Path file = gapsFile(output);
        if (gaps.isEmpty()) {
            Files.deleteIfExists(file);
            return;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Gap g : gaps) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("compartmentId", g.window().compartmentId());
            row.put("start", g.window().start().toString());
            row.put("end", g.window().end().toString());
            row.put("pagesWritten", g.pagesDone());
            row.put("attempts", g.attempts());
            row.put("error", g.error());
            rows.add(row);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("output", output);
        doc.put("complete", false);
        doc.put("gaps", rows);
        OwnerOnlyFile.write(file, MAPPER.writeValueAsBytes(doc));
    }
}
