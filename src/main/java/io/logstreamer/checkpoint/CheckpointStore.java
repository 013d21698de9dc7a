package io.logstreamer.checkpoint;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Where an incremental export has got to: for each key (route, region, scope) the end of the last
 * window every sink accepted. Each checkpoint is a small file replaced atomically (temporary file,
 * fsync, rename, fsync of the directory), so a crash leaves the old or the new checkpoint, never
 * a torn one, and at worst the last window is exported again.
 */
public final class CheckpointStore {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path dir;

    public CheckpointStore(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
    }

    /** A file name for a key: letters, digits, dot, dash and underscore kept, the rest replaced. */
    static String fileName(String key) {
        return key.replaceAll("[^A-Za-z0-9._-]", "_") + ".checkpoint.json";
    }

    public Path file(String key) {
        return dir.resolve(fileName(key));
    }

    /** The end of the last accepted window, or empty when the key has never been exported. */
    public Optional<Instant> load(String key) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file(key));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try {
            JsonNode node = MAPPER.readTree(bytes);
            if (node == null || !key.equals(node.path("key").asText()) || !node.hasNonNull("end")) {
                throw new IOException("checkpoint " + file(key) + " is not a checkpoint of " + key);
            }
            return Optional.of(Instant.parse(node.path("end").asText()));
        } catch (DateTimeParseException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException("checkpoint " + file(key) + " is unreadable: " + e.getMessage(), e);
        }
    }

    public void save(String key, Instant end) throws IOException {
        Map<String, String> doc = new LinkedHashMap<>();
        doc.put("key", key);
        doc.put("end", end.toString());
        byte[] bytes = MAPPER.writeValueAsBytes(doc);
        Path target = file(key);
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ch.write(java.nio.ByteBuffer.wrap(bytes));
                ch.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            syncDirectory();
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Makes the rename itself durable; not every file system lets a directory be opened for that. */
    private void syncDirectory() {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // the rename is atomic either way; only its durability across a power cut is at stake
        }
    }

    @Override
    public String toString() {
        return "CheckpointStore[" + dir + "]";
    }
}
