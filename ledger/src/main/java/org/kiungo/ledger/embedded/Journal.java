package org.kiungo.ledger.embedded;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * An append-only file of frames. A file starts with an 8-byte header (magic {@code KLJ1}, version); each frame is
 * {@code [int payloadLength][int crc32c(payload)][payload]}, the payload a run of encoded events. The events of
 * one {@code createTransfers} call always share a frame, so a torn write can lose a whole call but never half a
 * linked chain. Frames are written by the writer thread and made durable by {@link #force} from the flusher
 * thread; {@code FileChannel} allows the two at once.
 */
final class Journal implements AutoCloseable {
    /** Largest frame payload: one full batch of {@code Ledger.BATCH_MAX} transfers fits with room to spare. */
    static final int FRAME_BYTES_MAX = 1 << 20;
    static final int FRAME_HEADER_BYTES = 8;
    static final int FILE_HEADER_BYTES = 8;
    private static final int MAGIC = 0x4B4C4A31;
    private static final int VERSION = 1;

    /** Where reading a journal stopped: its valid end, and whether anything after it was discarded. */
    record ReadResult(long validBytes, long frames, boolean torn) {
    }

    private final FileChannel channel;
    private final ByteBuffer frame = ByteBuffer.allocateDirect(FRAME_HEADER_BYTES + FRAME_BYTES_MAX);
    private final CRC32C crc = new CRC32C();
    private long size;

    private Journal(FileChannel channel, long size) {
        this.channel = channel;
        this.size = size;
        frame.position(FRAME_HEADER_BYTES);
    }

    /** Creates an empty journal at {@code file}, durable before it returns. */
    static Journal create(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        ByteBuffer header = ByteBuffer.allocate(FILE_HEADER_BYTES).putInt(MAGIC).putInt(VERSION).flip();
        while (header.hasRemaining()) channel.write(header);
        channel.force(true);
        Directories.force(file.getParent());
        return new Journal(channel, FILE_HEADER_BYTES);
    }

    /** Opens {@code file} for appending after {@code validBytes}, cutting off any torn tail first. */
    static Journal openAfter(Path file, long validBytes) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
        if (channel.size() > validBytes) {
            channel.truncate(validBytes);
            channel.force(true);
        }
        channel.position(validBytes);
        return new Journal(channel, validBytes);
    }

    /** Adds events to the current frame; ends the frame first when they might not fit. */
    void append(List<Event> events, int from, int to) throws IOException {
        if ((long) (to - from) * EventCodec.EVENT_BYTES_MAX > frame.remaining()) writeFrame();
        for (int i = from; i < to; i++) {
            EventCodec.encode(events.get(i), frame);
        }
    }

    /** Writes the current frame, if it has any event, to the file (not yet durable). */
    void writeFrame() throws IOException {
        int payloadLength = frame.position() - FRAME_HEADER_BYTES;
        if (payloadLength == 0) return;
        crc.reset();
        crc.update(frame.slice(FRAME_HEADER_BYTES, payloadLength));
        frame.putInt(0, payloadLength).putInt(4, (int) crc.getValue()).flip();
        while (frame.hasRemaining()) size += channel.write(frame);
        frame.clear().position(FRAME_HEADER_BYTES);
    }

    /** Bytes written so far, durable or not. */
    long size() {
        return size;
    }

    /** Makes every written frame durable (fdatasync). */
    void force() throws IOException {
        channel.force(false);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /**
     * Reads every intact frame of {@code file} in order and hands its events to {@code sink}. Stops at the first
     * frame that is torn (cut short by a crash) or corrupt (bad length or CRC): nothing after it is trusted.
     */
    static ReadResult read(Path file, Consumer<Event> sink) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long fileSize = channel.size();
            ByteBuffer header = ByteBuffer.allocate(FRAME_HEADER_BYTES);
            if (!readFully(channel, header) || header.getInt(0) != MAGIC || header.getInt(4) != VERSION) {
                throw new IOException("not a Kiungo ledger journal (version " + VERSION + "): " + file);
            }
            ByteBuffer payload = ByteBuffer.allocate(FRAME_BYTES_MAX);
            CRC32C check = new CRC32C();
            long valid = FILE_HEADER_BYTES;
            long frames = 0;
            while (readFully(channel, header.clear())) {
                int length = header.getInt(0);
                if (length <= 0 || length > FRAME_BYTES_MAX || valid + FRAME_HEADER_BYTES + length > fileSize) break;
                payload.clear().limit(length);
                if (!readFully(channel, payload)) break;
                check.reset();
                check.update(payload.flip());
                if ((int) check.getValue() != header.getInt(4)) break;
                EventCodec.decodeAll(payload.rewind(), sink);
                valid += FRAME_HEADER_BYTES + length;
                frames++;
            }
            return new ReadResult(valid, frames, valid < fileSize);
        }
    }

    private static boolean readFully(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) return false;
        }
        return true;
    }
}
