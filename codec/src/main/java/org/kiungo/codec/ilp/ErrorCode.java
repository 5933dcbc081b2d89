package org.kiungo.codec.ilp;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A three-character ILP error code (RFC 27). The first character is the class: F final, T temporary, R relative.
 * Codes from other nodes are kept as they came, even when this list does not name them.
 */
public record ErrorCode(String code) {
    public static final ErrorCode F00_BAD_REQUEST = new ErrorCode("F00");
    public static final ErrorCode F01_INVALID_PACKET = new ErrorCode("F01");
    public static final ErrorCode F02_UNREACHABLE = new ErrorCode("F02");
    public static final ErrorCode F03_INVALID_AMOUNT = new ErrorCode("F03");
    public static final ErrorCode F04_INSUFFICIENT_DESTINATION_AMOUNT = new ErrorCode("F04");
    public static final ErrorCode F05_WRONG_CONDITION = new ErrorCode("F05");
    public static final ErrorCode F06_UNEXPECTED_PAYMENT = new ErrorCode("F06");
    public static final ErrorCode F07_CANNOT_RECEIVE = new ErrorCode("F07");
    public static final ErrorCode F08_AMOUNT_TOO_LARGE = new ErrorCode("F08");
    public static final ErrorCode F99_APPLICATION_ERROR = new ErrorCode("F99");
    public static final ErrorCode T00_INTERNAL_ERROR = new ErrorCode("T00");
    public static final ErrorCode T01_PEER_UNREACHABLE = new ErrorCode("T01");
    public static final ErrorCode T02_PEER_BUSY = new ErrorCode("T02");
    public static final ErrorCode T03_CONNECTOR_BUSY = new ErrorCode("T03");
    public static final ErrorCode T04_INSUFFICIENT_LIQUIDITY = new ErrorCode("T04");
    public static final ErrorCode T05_RATE_LIMITED = new ErrorCode("T05");
    public static final ErrorCode T99_APPLICATION_ERROR = new ErrorCode("T99");
    public static final ErrorCode R00_TRANSFER_TIMED_OUT = new ErrorCode("R00");
    public static final ErrorCode R01_INSUFFICIENT_SOURCE_AMOUNT = new ErrorCode("R01");
    public static final ErrorCode R02_INSUFFICIENT_TIMEOUT = new ErrorCode("R02");
    public static final ErrorCode R99_APPLICATION_ERROR = new ErrorCode("R99");

    public static final int LENGTH = 3;

    private static final Map<String, String> NAMES = Stream.of(
            "F00 Bad Request", "F01 Invalid Packet", "F02 Unreachable", "F03 Invalid Amount",
            "F04 Insufficient Destination Amount", "F05 Wrong Condition", "F06 Unexpected Payment",
            "F07 Cannot Receive", "F08 Amount Too Large", "F99 Application Error", "T00 Internal Error",
            "T01 Peer Unreachable", "T02 Peer Busy", "T03 Connector Busy", "T04 Insufficient Liquidity",
            "T05 Rate Limited", "T99 Application Error", "R00 Transfer Timed Out",
            "R01 Insufficient Source Amount", "R02 Insufficient Timeout", "R99 Application Error")
            .collect(Collectors.toUnmodifiableMap(s -> s.substring(0, LENGTH), Function.identity()));

    /** The class of an error: whether retrying can help, and at which level. */
    public enum ErrorClass { FINAL, TEMPORARY, RELATIVE, UNKNOWN }

    public ErrorCode {
        if (code == null || code.length() != LENGTH || !code.chars().allMatch(c -> c < 0x80)) {
            throw new IllegalArgumentException("ILP error code must be 3 ASCII characters");
        }
    }

    public ErrorClass errorClass() {
        return switch (code.charAt(0)) {
            case 'F' -> ErrorClass.FINAL;
            case 'T' -> ErrorClass.TEMPORARY;
            case 'R' -> ErrorClass.RELATIVE;
            default -> ErrorClass.UNKNOWN;
        };
    }

    /** The RFC's name, such as "F02 Unreachable", or the bare code when the RFC does not define it. */
    public String description() {
        return NAMES.getOrDefault(code, code);
    }

    @Override
    public String toString() {
        return code;
    }
}
