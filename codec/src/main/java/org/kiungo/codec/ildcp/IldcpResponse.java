package org.kiungo.codec.ildcp;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.kiungo.codec.DecodingException;
import org.kiungo.codec.ilp.Fulfill;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.codec.ilp.IlpCodec;
import org.kiungo.codec.ilp.PeerProtocol;
import org.kiungo.codec.ilp.Reply;
import org.kiungo.codec.oer.OerReader;
import org.kiungo.codec.oer.OerWriter;

/**
 * An IL-DCP response (RFC 31): the child's ILP address and the asset of the link, carried in a Fulfill with the
 * zero fulfillment. Data layout: {@code clientAddress} (var-length ASCII) | {@code assetScale} (UInt8) |
 * {@code assetCode} (var-length UTF-8). The asset code is bounded only by the packet's data limit.
 */
public record IldcpResponse(IlpAddress clientAddress, int assetScale, String assetCode) {
    public static final int ASSET_SCALE_MAX = 255;

    public IldcpResponse {
        Objects.requireNonNull(clientAddress, "clientAddress");
        Objects.requireNonNull(assetCode, "assetCode");
        if (assetScale < 0 || assetScale > ASSET_SCALE_MAX) {
            throw new IllegalArgumentException("asset scale must be 0.." + ASSET_SCALE_MAX + ": " + assetScale);
        }
    }

    public Fulfill toFulfill() {
        return PeerProtocol.response(encodeData());
    }

    /** Reads a response, checking the zero fulfillment; a byte left after the asset code makes it invalid. */
    public static IldcpResponse fromFulfill(Fulfill fulfill) throws DecodingException {
        PeerProtocol.requireResponse(fulfill, Ildcp.PROTOCOL);
        return decodeData(fulfill.data());
    }

    /** Decodes a whole ILP packet that must be a Fulfill carrying an IL-DCP response. */
    public static IldcpResponse decode(byte[] packet) throws DecodingException {
        Reply reply = IlpCodec.decodeReply(packet);
        if (!(reply instanceof Fulfill fulfill)) {
            throw new DecodingException("IL-DCP answer is a Reject, not a response");
        }
        return fromFulfill(fulfill);
    }

    public byte[] encode() {
        return IlpCodec.encode(toFulfill());
    }

    public byte[] encodeData() {
        byte[] code = assetCode.getBytes(StandardCharsets.UTF_8);
        return new OerWriter(clientAddress.value().length() + code.length + 8)
                .writeVarAscii(clientAddress.value()).writeUInt8(assetScale).writeVarOctetString(code)
                .toByteArray();
    }

    /** Decodes the data of an IL-DCP Fulfill. */
    public static IldcpResponse decodeData(byte[] data) throws DecodingException {
        OerReader in = new OerReader(data);
        String address = in.readVarAscii("client address");
        String problem = IlpAddress.problem(address);
        if (problem != null) {
            throw new DecodingException("client address: " + problem);
        }
        int assetScale = in.readUInt8();
        String assetCode = in.readVarUtf8("asset code");
        in.requireEnd("IL-DCP response");
        return new IldcpResponse(IlpAddress.of(address), assetScale, assetCode);
    }
}
