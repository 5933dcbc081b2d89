package org.kiungo.codec.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.kiungo.codec.DecodingException;
import org.kiungo.codec.oer.OerReader;
import org.kiungo.codec.oer.OerWriter;

/**
 * An unencrypted STREAM packet (RFC 29 §5.2): what travels, encrypted, in the data of an ILP Prepare, Fulfill or
 * Reject. {@code sequence} and {@code prepareAmount} are unsigned 64-bit values in a {@code long}.
 *
 * <p>Decoding is lenient where RFC 29 asks for it and strict elsewhere: frames of unknown type are skipped (§5.3),
 * bytes after the declared frames are ignored (§5.2), but a malformed known frame fails the whole packet.
 *
 * @param ilpPacketType the ILP packet type this packet must travel in: {@link #PREPARE}, {@link #FULFILL} or
 *     {@link #REJECT}; a receiver discards packets that arrive in another type
 * @param sequence the sender's packet number, echoed in the response
 * @param prepareAmount on a Prepare, the least the receiver should accept; on a reply, what it got
 * @param frames the known frames, in wire order
 */
public record StreamPacket(int ilpPacketType, long sequence, long prepareAmount, List<StreamFrame> frames) {
    /** The only STREAM version there is. */
    public static final int VERSION = 1;
    /** ILP packet type numbers (RFC 27); the ILP packet classes live with the ILP codec. */
    public static final int PREPARE = 12;
    public static final int FULFILL = 13;
    public static final int REJECT = 14;
    /**
     * The largest STREAM packet: ILP data holds at most 32767 bytes, less the 28 bytes of encryption overhead
     * (RFC 29 §5.1.1). It also bounds the frame loop on decode.
     */
    public static final int ENCODED_BYTES_MAX = 32_739;
    /** A frame is at least a type byte and an empty length prefix. */
    private static final int FRAME_BYTES_MIN = 2;

    public StreamPacket {
        if (ilpPacketType != PREPARE && ilpPacketType != FULFILL && ilpPacketType != REJECT) {
            throw new IllegalArgumentException("ILP packet type must be 12, 13 or 14: " + ilpPacketType);
        }
        frames = List.copyOf(Objects.requireNonNull(frames, "frames"));
    }

    /** Encodes the packet, without junk data; encrypt the result with {@link StreamKeys#encrypt}. */
    public byte[] encode() {
        OerWriter writer = new OerWriter();
        writer.writeUInt8(VERSION).writeUInt8(ilpPacketType).writeVarUInt(sequence).writeVarUInt(prepareAmount);
        writer.writeVarUInt(frames.size());
        for (StreamFrame frame : frames) {
            writer.writeUInt8(frame.type());
            writer.writeEnveloped(contents -> StreamFrameCodec.writeContents(frame, contents));
        }
        return writer.toByteArray();
    }

    /** Decodes a decrypted STREAM packet; anything malformed is a {@link DecodingException}. */
    public static StreamPacket decode(byte[] bytes) throws DecodingException {
        if (bytes.length > ENCODED_BYTES_MAX) {
            throw new DecodingException("STREAM packet of " + bytes.length + " bytes exceeds " + ENCODED_BYTES_MAX);
        }
        OerReader reader = new OerReader(bytes);
        int version = reader.readUInt8();
        if (version != VERSION) {
            throw new DecodingException("unsupported STREAM version " + version);
        }
        int ilpPacketType = reader.readUInt8();
        if (ilpPacketType != PREPARE && ilpPacketType != FULFILL && ilpPacketType != REJECT) {
            throw new DecodingException("STREAM packet names ILP packet type " + ilpPacketType);
        }
        long sequence = reader.readVarUInt();
        long prepareAmount = reader.readVarUInt();
        long frameCount = reader.readVarUInt();
        // Checked before the loop, so a hostile count costs nothing; the loop itself reads at least 2 bytes a turn.
        if (Long.compareUnsigned(frameCount, reader.remaining() / FRAME_BYTES_MIN) > 0) {
            throw new DecodingException("STREAM packet declares " + Long.toUnsignedString(frameCount)
                    + " frames but has " + reader.remaining() + " bytes left");
        }
        List<StreamFrame> frames = new ArrayList<>((int) frameCount);
        for (long i = 0; i < frameCount; i++) {
            int type = reader.readUInt8();
            OerReader contents = reader.readVarOctetStringAsReader("STREAM frame");
            StreamFrame frame = StreamFrameCodec.readContents(type, contents);
            if (frame != null) {
                frames.add(frame);
            }
        }
        // Whatever follows the frames is junk data that RFC 29 §5.2 says to ignore.
        return new StreamPacket(ilpPacketType, sequence, prepareAmount, frames);
    }

    @Override
    public String toString() {
        return "StreamPacket[ilpPacketType=" + ilpPacketType + ", sequence=" + Long.toUnsignedString(sequence)
                + ", prepareAmount=" + Long.toUnsignedString(prepareAmount) + ", frames=" + frames + "]";
    }
}
