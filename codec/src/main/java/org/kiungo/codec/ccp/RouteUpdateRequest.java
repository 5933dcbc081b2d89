package org.kiungo.codec.ccp;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.kiungo.codec.DecodingException;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.codec.ilp.IlpCodec;
import org.kiungo.codec.ilp.PeerProtocol;
import org.kiungo.codec.ilp.Prepare;
import org.kiungo.codec.oer.OerReader;
import org.kiungo.codec.oer.OerWriter;

/**
 * The routes a speaker added and withdrew between two epochs of its routing table. Data layout:
 * {@code routingTableId} (16 bytes) | {@code currentEpochIndex}, {@code fromEpochIndex}, {@code toEpochIndex},
 * {@code holdDownTimeMs} (UInt32 each) | {@code speaker} (var-length ASCII) | {@code newRoutes} (VarUInt count,
 * then routes) | {@code withdrawnRoutes} (VarUInt count, then address prefixes).
 */
public record RouteUpdateRequest(UUID routingTableId, long currentEpochIndex, long fromEpochIndex,
                                 long toEpochIndex, long holdDownTimeMs, IlpAddress speaker, List<Route> newRoutes,
                                 List<IlpAddress> withdrawnRoutes) {
    /** The most routes one update may add; more than a full-size packet could hold, so a limit on intent. */
    public static final int NEW_ROUTES_MAX = 1024;
    /** The most prefixes one update may withdraw. */
    public static final int WITHDRAWN_ROUTES_MAX = 8192;

    public RouteUpdateRequest {
        Objects.requireNonNull(routingTableId, "routingTableId");
        Objects.requireNonNull(speaker, "speaker");
        CcpFields.requireUInt32(currentEpochIndex, "currentEpochIndex");
        CcpFields.requireUInt32(fromEpochIndex, "fromEpochIndex");
        CcpFields.requireUInt32(toEpochIndex, "toEpochIndex");
        CcpFields.requireUInt32(holdDownTimeMs, "holdDownTimeMs");
        newRoutes = List.copyOf(newRoutes);
        withdrawnRoutes = List.copyOf(withdrawnRoutes);
        CcpFields.requireAtMost(newRoutes.size(), NEW_ROUTES_MAX, "new routes");
        CcpFields.requireAtMost(withdrawnRoutes.size(), WITHDRAWN_ROUTES_MAX, "withdrawn routes");
    }

    /** A Prepare to {@link Ccp#UPDATE_DESTINATION} carrying this update. */
    public Prepare toPrepare(Instant expiresAt) {
        return PeerProtocol.request(Ccp.UPDATE_DESTINATION, expiresAt, encodeData());
    }

    /** Checks destination, condition and expiry against {@code clock}, then decodes the data. */
    public static RouteUpdateRequest fromPrepare(Prepare prepare, Clock clock) throws DecodingException {
        PeerProtocol.requireRequest(prepare, Ccp.UPDATE_DESTINATION, clock, "CCP route update");
        return decodeData(prepare.data());
    }

    /** Decodes a whole ILP packet as a route update request; see {@link #fromPrepare}. */
    public static RouteUpdateRequest decode(byte[] packet, Clock clock) throws DecodingException {
        return fromPrepare(IlpCodec.decodePrepare(packet), clock);
    }

    public byte[] encodeData() {
        OerWriter out = new OerWriter(64 + Route.BYTES_MIN * newRoutes.size());
        CcpFields.writeUuid(out, routingTableId);
        out.writeUInt32(currentEpochIndex).writeUInt32(fromEpochIndex).writeUInt32(toEpochIndex)
                .writeUInt32(holdDownTimeMs);
        CcpFields.writeAddress(out, speaker);
        out.writeVarUInt(newRoutes.size());
        newRoutes.forEach(route -> route.writeTo(out));
        out.writeVarUInt(withdrawnRoutes.size());
        withdrawnRoutes.forEach(prefix -> CcpFields.writeAddress(out, prefix));
        return out.toByteArray();
    }

    /** Decodes the data of a route update Prepare; trailing bytes make it invalid. */
    public static RouteUpdateRequest decodeData(byte[] data) throws DecodingException {
        OerReader in = new OerReader(data);
        UUID tableId = CcpFields.readUuid(in, "routing table id");
        long current = in.readUInt32();
        long from = in.readUInt32();
        long to = in.readUInt32();
        long holdDownTimeMs = in.readUInt32();
        IlpAddress speaker = CcpFields.readAddress(in, "speaker");
        int count = CcpFields.readCount(in, NEW_ROUTES_MAX, Route.BYTES_MIN, "new routes");
        List<Route> newRoutes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            newRoutes.add(Route.readFrom(in));
        }
        int withdrawnCount = CcpFields.readCount(in, WITHDRAWN_ROUTES_MAX, CcpFields.ADDRESS_BYTES_MIN,
                "withdrawn routes");
        List<IlpAddress> withdrawn = new ArrayList<>(withdrawnCount);
        for (int i = 0; i < withdrawnCount; i++) {
            withdrawn.add(CcpFields.readAddress(in, "withdrawn route"));
        }
        in.requireEnd("CCP route update request");
        return new RouteUpdateRequest(tableId, current, from, to, holdDownTimeMs, speaker, newRoutes, withdrawn);
    }
}
