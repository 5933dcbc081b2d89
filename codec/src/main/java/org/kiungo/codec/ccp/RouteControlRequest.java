package org.kiungo.codec.ccp;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.kiungo.codec.DecodingException;
import org.kiungo.codec.ilp.IlpCodec;
import org.kiungo.codec.ilp.PeerProtocol;
import org.kiungo.codec.ilp.Prepare;
import org.kiungo.codec.oer.OerReader;
import org.kiungo.codec.oer.OerWriter;

/**
 * Asks a peer to start ({@link CcpMode#SYNC}) or stop ({@link CcpMode#IDLE}) sending route updates, telling it the
 * last routing table and epoch this node has seen so the peer can send only what is missing. Data layout:
 * {@code mode} (UInt8) | {@code lastKnownRoutingTableId} (16 bytes) | {@code lastKnownEpoch} (UInt32) |
 * {@code features} (VarUInt count, then var-length UTF-8 strings).
 */
public record RouteControlRequest(CcpMode mode, UUID lastKnownRoutingTableId, long lastKnownEpoch,
                                  List<String> features) {
    /** The most feature strings one request may carry. */
    public static final int FEATURES_MAX = 64;

    /** Fixed part: mode, table id, epoch and the shortest feature count. */
    private static final int FIXED_BYTES = 1 + CcpFields.UUID_LENGTH + 4 + 2;
    /** A feature takes at least its length byte. */
    private static final int FEATURE_BYTES_MIN = 1;

    public RouteControlRequest {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(lastKnownRoutingTableId, "lastKnownRoutingTableId");
        CcpFields.requireUInt32(lastKnownEpoch, "lastKnownEpoch");
        features = List.copyOf(features);
        CcpFields.requireAtMost(features.size(), FEATURES_MAX, "features");
    }

    /** A Prepare to {@link Ccp#CONTROL_DESTINATION} carrying this request. */
    public Prepare toPrepare(Instant expiresAt) {
        return PeerProtocol.request(Ccp.CONTROL_DESTINATION, expiresAt, encodeData());
    }

    /** Checks destination, condition and expiry against {@code clock}, then decodes the data. */
    public static RouteControlRequest fromPrepare(Prepare prepare, Clock clock) throws DecodingException {
        PeerProtocol.requireRequest(prepare, Ccp.CONTROL_DESTINATION, clock, "CCP route control");
        return decodeData(prepare.data());
    }

    /** Decodes a whole ILP packet as a route control request; see {@link #fromPrepare}. */
    public static RouteControlRequest decode(byte[] packet, Clock clock) throws DecodingException {
        return fromPrepare(IlpCodec.decodePrepare(packet), clock);
    }

    public byte[] encodeData() {
        OerWriter out = new OerWriter(FIXED_BYTES + 16 * features.size());
        out.writeUInt8(mode.code());
        CcpFields.writeUuid(out, lastKnownRoutingTableId);
        out.writeUInt32(lastKnownEpoch).writeVarUInt(features.size());
        features.forEach(out::writeVarUtf8);
        return out.toByteArray();
    }

    /** Decodes the data of a route control Prepare; trailing bytes make it invalid. */
    public static RouteControlRequest decodeData(byte[] data) throws DecodingException {
        OerReader in = new OerReader(data);
        CcpMode mode = CcpMode.fromCode(in.readUInt8());
        UUID tableId = CcpFields.readUuid(in, "last known routing table id");
        long epoch = in.readUInt32();
        int count = CcpFields.readCount(in, FEATURES_MAX, FEATURE_BYTES_MIN, "features");
        List<String> features = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            features.add(in.readVarUtf8("feature"));
        }
        in.requireEnd("CCP route control request");
        return new RouteControlRequest(mode, tableId, epoch, features);
    }
}
