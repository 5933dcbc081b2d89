package org.kiungo.codec.ildcp;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.kiungo.codec.DecodingException;
import org.kiungo.codec.ilp.IlpCodec;
import org.kiungo.codec.ilp.PeerProtocol;
import org.kiungo.codec.ilp.Prepare;

/**
 * An IL-DCP request (RFC 31): a Prepare to {@code peer.config} for amount 0 with the peer-protocol condition and
 * empty data. Its only content is when it expires.
 */
public record IldcpRequest(Instant expiresAt) {
    public IldcpRequest {
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** A request that expires {@link PeerProtocol#EXPIRY_DURATION} after {@code clock}'s now. */
    public static IldcpRequest expiringAfterDefault(Clock clock) {
        return new IldcpRequest(clock.instant().plus(PeerProtocol.EXPIRY_DURATION));
    }

    public Prepare toPrepare() {
        return PeerProtocol.request(Ildcp.DESTINATION, expiresAt, new byte[0]);
    }

    /**
     * Reads an IL-DCP request from a Prepare, checking the destination, the condition and that it has not expired
     * by {@code clock}. Data is ignored: RFC 31 keeps it for future parameters.
     */
    public static IldcpRequest fromPrepare(Prepare prepare, Clock clock) throws DecodingException {
        PeerProtocol.requireRequest(prepare, Ildcp.DESTINATION, clock, Ildcp.PROTOCOL);
        return new IldcpRequest(prepare.expiresAt());
    }

    /** Decodes a whole ILP packet as an IL-DCP request; see {@link #fromPrepare}. */
    public static IldcpRequest decode(byte[] packet, Clock clock) throws DecodingException {
        return fromPrepare(IlpCodec.decodePrepare(packet), clock);
    }

    public byte[] encode() {
        return IlpCodec.encode(toPrepare());
    }
}
