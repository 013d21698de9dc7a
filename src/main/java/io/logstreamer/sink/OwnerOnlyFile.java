package io.logstreamer.sink;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A file that appears complete or not at all: written to a temporary file beside the target,
 * created readable by the owner only (audit data is sensitive), synced, then renamed into place.
 * Camel's file producer cannot do this for a streamed file: it refuses a temporary name together
 * with appending, and it opens the file again for every message.
 */
public final class OwnerOnlyFile implements AutoCloseable {

    private static final Set<PosixFilePermission> OWNER_RW = PosixFilePermissions.fromString("rw-------");
    // Ctrl-C or SIGTERM mid-export: no half-written temporary file is left behind.
    private static final Set<OwnerOnlyFile> OPEN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> OPEN.forEach(OwnerOnlyFile::abort), "remove-partial-output"));
    }

    private final Path target;
    private final Path temp;
    private final FileChannel channel;
    private boolean done;

    private OwnerOnlyFile(Path target, Path temp, FileChannel channel) {
        this.target = target;
        this.temp = temp;
        this.channel = channel;
    }

    public static OwnerOnlyFile create(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path temp;
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            FileAttribute<Set<PosixFilePermission>> attr = PosixFilePermissions.asFileAttribute(OWNER_RW);
            temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".part", attr);
        } else {
            temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".part");
        }
        FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        OwnerOnlyFile file = new OwnerOnlyFile(absolute, temp, channel);
        OPEN.add(file);
        return file;
    }

    /** The stream to write to. Closing it flushes but neither commits nor closes the file. */
    public OutputStream stream() {
        return new FilterOutputStream(Channels.newOutputStream(channel)) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    public Path target() {
        return target;
    }

    /** Syncs the data and renames the temporary file over the target. */
    public synchronized void commit() throws IOException {
        if (done) {
            throw new IOException("temporary file of " + target + " was already removed");
        }
        channel.force(true);
        channel.close();
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        done = true;
        OPEN.remove(this);
    }

    /** Removes the temporary file; the target, if it existed, is left untouched. */
    public synchronized void abort() {
        if (done) {
            return;
        }
        done = true;
        OPEN.remove(this);
        try {
            channel.close();
        } catch (IOException ignored) {
            // deleting it is what matters
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // a stray .part file is harmless and clearly named
        }
    }

    @Override
    public void close() {
        abort();
    }

    /** Writes small content (a frequency map) the same safe way. */
    public static void write(Path target, byte[] content) throws IOException {
        try (OwnerOnlyFile f = create(target)) {
            OutputStream out = f.stream();
            out.write(content);
            out.flush();
            f.commit();
        }
    }
}
