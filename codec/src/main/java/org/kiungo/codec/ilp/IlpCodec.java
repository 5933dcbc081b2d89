package org.kiungo.codec.ilp;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.kiungo.codec.DecodingException;
import org.kiungo.codec.oer.OerReader;
import org.kiungo.codec.oer.OerWriter;

/**
 * Encodes and decodes ILPv4 packets: a type byte, then a length-prefixed envelope. Decoding is strict: a byte left
 * over inside or after the envelope makes the packet invalid, so two nodes never read one packet differently.
 */
public final class IlpCodec {
    public static final int TYPE_PREPARE = 12;
    public static final int TYPE_FULFILL = 13;
    public static final int TYPE_REJECT = 14;

    /** Amount, expiry and condition. */
    private static final int PREPARE_FIXED_LENGTH = 8 + 17 + Prepare.CONDITION_LENGTH;

    private IlpCodec() {
    }

    public static InterledgerPacket decode(byte[] bytes) throws DecodingException {
        if (bytes.length == 0) {
            throw new DecodingException("ILP packet is empty");
        }
        return switch (bytes[0] & 0xff) {
            case TYPE_PREPARE -> decodePrepare(bytes);
            case TYPE_FULFILL, TYPE_REJECT -> decodeReply(bytes);
            default -> throw new DecodingException("unknown ILP packet type " + (bytes[0] & 0xff));
        };
    }

    public static Prepare decodePrepare(byte[] bytes) throws DecodingException {
        OerReader in = envelope(bytes, TYPE_PREPARE);
        long amount = in.readUInt64();
        Instant expiresAt = in.readTimestamp();
        byte[] condition = in.readOctets(Prepare.CONDITION_LENGTH, "execution condition");
        IlpAddress destination = address(in.readVarAscii("destination"), "destination");
        byte[] data = data(in);
        in.requireEnd("ILP Prepare");
        return new Prepare(amount, expiresAt, condition, destination, data);
    }

    public static Reply decodeReply(byte[] bytes) throws DecodingException {
        int type = bytes.length == 0 ? -1 : bytes[0] & 0xff;
        if (type == TYPE_FULFILL) {
            OerReader in = envelope(bytes, TYPE_FULFILL);
            byte[] fulfillment = in.readOctets(Fulfill.FULFILLMENT_LENGTH, "fulfillment");
            byte[] data = data(in);
            in.requireEnd("ILP Fulfill");
            return new Fulfill(fulfillment, data);
        }
        OerReader in = envelope(bytes, TYPE_REJECT);
        ErrorCode code = errorCode(in.readOctets(ErrorCode.LENGTH, "error code"));
        String triggeredBy = in.readVarAscii("triggeredBy");
        if (!triggeredBy.isEmpty()) {
            address(triggeredBy, "triggeredBy");
        }
        String message = in.readVarUtf8("message");
        byte[] data = data(in);
        in.requireEnd("ILP Reject");
        return new Reject(code, triggeredBy, message, data);
    }

    public static byte[] encode(InterledgerPacket packet) {
        return switch (packet) {
            case Prepare p -> encodePrepare(p);
            case Fulfill f -> envelope(TYPE_FULFILL, f.fulfillment().length + varOctetsSize(f.data()))
                    .writeOctets(f.fulfillment()).writeVarOctetString(f.data()).toByteArray();
            case Reject r -> encodeReject(r);
        };
    }

    private static byte[] encodePrepare(Prepare p) {
        byte[] destination = p.destination().value().getBytes(StandardCharsets.US_ASCII);
        int contentLength = PREPARE_FIXED_LENGTH + varOctetsSize(destination) + varOctetsSize(p.data());
        return envelope(TYPE_PREPARE, contentLength).writeUInt64(p.amount()).writeTimestamp(p.expiresAt())
                .writeOctets(p.executionCondition()).writeVarOctetString(destination)
                .writeVarOctetString(p.data()).toByteArray();
    }

    private static byte[] encodeReject(Reject r) {
        byte[] triggeredBy = r.triggeredBy().getBytes(StandardCharsets.US_ASCII);
        byte[] message = truncatedMessage(r.message());
        int contentLength = ErrorCode.LENGTH + varOctetsSize(triggeredBy) + varOctetsSize(message)
                + varOctetsSize(r.data());
        return envelope(TYPE_REJECT, contentLength).writeOctets(r.code().code().getBytes(StandardCharsets.US_ASCII))
                .writeVarOctetString(triggeredBy).writeVarOctetString(message).writeVarOctetString(r.data())
                .toByteArray();
    }

    /** A message over the limit is cut on a character boundary rather than making the Reject unsendable. */
    private static byte[] truncatedMessage(String message) {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= Reject.MESSAGE_LENGTH_MAX) {
            return bytes;
        }
        int end = Reject.MESSAGE_LENGTH_MAX;
        while ((bytes[end] & 0xc0) == 0x80) {
            end--;
        }
        return Arrays.copyOf(bytes, end);
    }

    /** A writer sized exactly for the packet, with the type and envelope length already written. */
    private static OerWriter envelope(int type, int contentLength) {
        return new OerWriter(1 + OerWriter.lengthPrefixSize(contentLength) + contentLength)
                .writeUInt8(type).writeLength(contentLength);
    }

    private static int varOctetsSize(byte[] bytes) {
        return OerWriter.lengthPrefixSize(bytes.length) + bytes.length;
    }

    private static OerReader envelope(byte[] bytes, int expectedType) throws DecodingException {
        OerReader outer = new OerReader(bytes);
        int type = outer.readUInt8();
        if (type != expectedType) {
            throw new DecodingException("expected ILP packet type " + expectedType + " but got " + type);
        }
        OerReader in = outer.readVarOctetStringAsReader("ILP packet envelope");
        outer.requireEnd("ILP packet");
        return in;
    }

    private static byte[] data(OerReader in) throws DecodingException {
        int length = in.readLengthWithin("data");
        if (length > InterledgerPacket.DATA_LENGTH_MAX) {
            throw new DecodingException("data is longer than " + InterledgerPacket.DATA_LENGTH_MAX + " bytes");
        }
        return in.readOctets(length, "data");
    }

    private static IlpAddress address(String value, String what) throws DecodingException {
        String problem = IlpAddress.problem(value);
        if (problem != null) {
            throw new DecodingException(what + ": " + problem);
        }
        return new IlpAddress(value);
    }

    private static ErrorCode errorCode(byte[] bytes) throws DecodingException {
        for (byte b : bytes) {
            if (b < 0) {
                throw new DecodingException("error code is not IA5 (7-bit ASCII)");
            }
        }
        return new ErrorCode(new String(bytes, StandardCharsets.US_ASCII));
    }
}
