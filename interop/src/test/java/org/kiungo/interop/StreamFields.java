package org.kiungo.interop;

import static org.kiungo.interop.CrossCheck.hex;
import static org.kiungo.interop.JavaScriptCodec.JSON;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.kiungo.codec.stream.StreamErrorCode;
import org.kiungo.codec.stream.StreamFrame;
import org.kiungo.codec.stream.StreamFrame.ConnectionAssetDetails;
import org.kiungo.codec.stream.StreamFrame.ConnectionClose;
import org.kiungo.codec.stream.StreamFrame.ConnectionDataBlocked;
import org.kiungo.codec.stream.StreamFrame.ConnectionMaxData;
import org.kiungo.codec.stream.StreamFrame.ConnectionMaxStreamId;
import org.kiungo.codec.stream.StreamFrame.ConnectionNewAddress;
import org.kiungo.codec.stream.StreamFrame.ConnectionStreamIdBlocked;
import org.kiungo.codec.stream.StreamFrame.StreamClose;
import org.kiungo.codec.stream.StreamFrame.StreamData;
import org.kiungo.codec.stream.StreamFrame.StreamDataBlocked;
import org.kiungo.codec.stream.StreamFrame.StreamMaxData;
import org.kiungo.codec.stream.StreamFrame.StreamMaxMoney;
import org.kiungo.codec.stream.StreamFrame.StreamMoney;
import org.kiungo.codec.stream.StreamFrame.StreamMoneyBlocked;
import org.kiungo.codec.stream.StreamFrame.StreamReceipt;
import org.kiungo.codec.stream.StreamPacket;

/**
 * STREAM packets and frames as ilp-protocol-stream's Packet and frame classes hold them: every frame has its
 * {@code type} number and class {@code name}, unsigned 64-bit values are decimal strings, bytes are hex.
 */
final class StreamFields {
    private static final int FRAME_TYPES = 15;
    /** Large enough for a multi-byte length prefix, small enough that eight frames stay within a packet. */
    private static final int FRAME_BYTES_MAX = 3_000;

    private StreamFields() {
    }

    static ObjectNode of(StreamPacket packet) {
        ObjectNode fields = JSON.createObjectNode().put("sequence", Long.toUnsignedString(packet.sequence()))
                .put("ilpPacketType", packet.ilpPacketType())
                .put("prepareAmount", Long.toUnsignedString(packet.prepareAmount()));
        ArrayNode frames = fields.putArray("frames");
        packet.frames().forEach(frame -> frames.add(of(frame)));
        return fields;
    }

    static ObjectNode of(StreamFrame frame) {
        String name = frame.getClass().getSimpleName();
        ObjectNode f = JSON.createObjectNode().put("type", frame.type()).put("name", name);
        switch (frame) {
            case ConnectionClose c -> f.put("errorCode", c.errorCode().code()).put("errorMessage", c.errorMessage());
            case ConnectionNewAddress c -> f.put("sourceAccount", c.sourceAccount());
            case ConnectionMaxData c -> f.put("maxOffset", unsigned(c.maxOffset()));
            case ConnectionDataBlocked c -> f.put("maxOffset", unsigned(c.maxOffset()));
            case ConnectionMaxStreamId c -> f.put("maxStreamId", unsigned(c.maxStreamId()));
            case ConnectionStreamIdBlocked c -> f.put("maxStreamId", unsigned(c.maxStreamId()));
            case ConnectionAssetDetails c -> f.put("sourceAssetCode", c.sourceAssetCode())
                    .put("sourceAssetScale", c.sourceAssetScale());
            case StreamClose s -> f.put("streamId", unsigned(s.streamId())).put("errorCode", s.errorCode().code())
                    .put("errorMessage", s.errorMessage());
            case StreamMoney s -> f.put("streamId", unsigned(s.streamId())).put("shares", unsigned(s.shares()));
            case StreamMaxMoney s -> f.put("streamId", unsigned(s.streamId()))
                    .put("receiveMax", unsigned(s.receiveMax())).put("totalReceived", unsigned(s.totalReceived()));
            case StreamMoneyBlocked s -> f.put("streamId", unsigned(s.streamId()))
                    .put("sendMax", unsigned(s.sendMax())).put("totalSent", unsigned(s.totalSent()));
            case StreamData s -> f.put("streamId", unsigned(s.streamId())).put("offset", unsigned(s.offset()))
                    .put("data", hex(s.data()));
            case StreamMaxData s -> f.put("streamId", unsigned(s.streamId())).put("maxOffset", unsigned(s.maxOffset()));
            case StreamDataBlocked s -> f.put("streamId", unsigned(s.streamId()))
                    .put("maxOffset", unsigned(s.maxOffset()));
            case StreamReceipt s -> f.put("streamId", unsigned(s.streamId())).put("receipt", hex(s.receipt()));
        }
        return f;
    }

    /** A frame of any of the fifteen types, with edge values as often as {@link RandomValues} gives them. */
    static StreamFrame randomFrame(RandomValues random) {
        return switch (random.between(1, FRAME_TYPES)) {
            case 1 -> new ConnectionClose(errorCode(random), random.text(30));
            case 2 -> new ConnectionNewAddress(random.chance(10) ? "" : random.address().value());
            case 3 -> new ConnectionMaxData(random.uint64());
            case 4 -> new ConnectionDataBlocked(random.uint64());
            case 5 -> new ConnectionMaxStreamId(random.uint64());
            case 6 -> new ConnectionStreamIdBlocked(random.uint64());
            case 7 -> new ConnectionAssetDetails(random.text(8), random.between(0, StreamFrame.ASSET_SCALE_MAX));
            case 8 -> new StreamClose(random.uint64(), errorCode(random), random.text(30));
            case 9 -> new StreamMoney(random.uint64(), random.uint64());
            case 10 -> new StreamMaxMoney(random.uint64(), random.uint64(), random.uint64());
            case 11 -> new StreamMoneyBlocked(random.uint64(), random.uint64(), random.uint64());
            case 12 -> new StreamData(random.uint64(), random.uint64(), random.bytesUpTo(FRAME_BYTES_MAX));
            case 13 -> new StreamMaxData(random.uint64(), random.uint64());
            case 14 -> new StreamDataBlocked(random.uint64(), random.uint64());
            default -> new StreamReceipt(random.uint64(), random.bytesUpTo(random.chance(50) ? 58 : 300));
        };
    }

    private static StreamErrorCode errorCode(RandomValues random) {
        return new StreamErrorCode(random.between(0, StreamErrorCode.CODE_MAX));
    }

    private static String unsigned(long value) {
        return Long.toUnsignedString(value);
    }
}
