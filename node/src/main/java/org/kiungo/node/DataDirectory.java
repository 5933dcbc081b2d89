package org.kiungo.node;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.kiungo.codec.ilp.IlpAddress;

/**
 * The node's data directory, locked for as long as the node runs: two nodes writing one directory would corrupt
 * it, so the second is refused. The operating system drops the lock if the process dies, so a crash never leaves
 * a directory locked.
 */
public final class DataDirectory implements AutoCloseable {
    /** The file whose lock marks the directory as in use. It is never deleted: deleting it would race a locker. */
    public static final String LOCK_FILE = "kiungo.lock";
    /** Holds the generated ILP address, so a restart keeps it. */
    public static final String ADDRESS_FILE = "ilp-address";
    private static final String GENERATED_PREFIX = "test.kiungo-";
    private static final int GENERATED_RANDOM_BYTES = 4;

    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectory(Path path, FileChannel channel, FileLock lock) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
    }

    /** Creates {@code path} if missing and locks it; fails with a clear message when another node holds it. */
    public static DataDirectory lock(Path path) throws NodeStartException {
        FileChannel channel = null;
        try {
            Files.createDirectories(path);
            channel = FileChannel.open(path.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw new NodeStartException("the data directory " + path + " is in use by another Kiungo node"
                        + " (it holds the lock on " + LOCK_FILE + "): give each node its own KIUNGO_DATA_DIR");
            }
            return new DataDirectory(path, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new NodeStartException("cannot lock the data directory " + path + ": " + e.getMessage());
        }
    }

    /**
     * The ILP address generated for this directory by an earlier start, or a new one written there now. The new
     * address is written to a temporary file and then renamed, so a crash never leaves half an address, and a
     * rename never replaces an address another process wrote first.
     */
    public static IlpAddress generatedAddress(Path path) throws IOException {
        Path file = path.resolve(ADDRESS_FILE);
        if (Files.exists(file)) {
            return readAddress(file);
        }
        byte[] random = new byte[GENERATED_RANDOM_BYTES];
        new SecureRandom().nextBytes(random);
        IlpAddress address = IlpAddress.of(GENERATED_PREFIX + HexFormat.of().formatHex(random));
        Files.createDirectories(path);
        Path temporary = Files.createTempFile(path, ADDRESS_FILE, ".tmp");
        try {
            Files.writeString(temporary, address.value() + "\n", StandardCharsets.US_ASCII);
            Files.move(temporary, file);
            return address;
        } catch (FileAlreadyExistsException e) {
            return readAddress(file);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static IlpAddress readAddress(Path file) throws IOException {
        String value = Files.readString(file, StandardCharsets.US_ASCII).strip();
        String problem = IlpAddress.problem(value);
        if (problem != null) {
            throw new IOException(file + " does not hold a valid ILP address (" + problem + ")");
        }
        return IlpAddress.of(value);
    }

    public Path path() {
        return path;
    }

    /** Releases the lock. */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel below releases it too
        }
        closeQuietly(channel);
    }

    /** Null when another process holds the lock, or this one does (which the JDK reports by an exception). */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            // nothing more to release
        }
    }
}
