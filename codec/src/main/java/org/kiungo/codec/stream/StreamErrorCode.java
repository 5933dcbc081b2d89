package org.kiungo.codec.stream;

/**
 * A STREAM error code (RFC 29 §5.4), carried in ConnectionClose and StreamClose frames. A record rather than an enum
 * so that codes from newer peers survive a decode and re-encode unchanged instead of failing the whole packet.
 *
 * @param code the one-byte wire value, 0 to 255
 */
public record StreamErrorCode(int code) {
    /** The largest value the one-byte wire field can carry. */
    public static final int CODE_MAX = 0xff;

    public static final StreamErrorCode NO_ERROR = new StreamErrorCode(0x01);
    public static final StreamErrorCode INTERNAL_ERROR = new StreamErrorCode(0x02);
    public static final StreamErrorCode ENDPOINT_BUSY = new StreamErrorCode(0x03);
    public static final StreamErrorCode FLOW_CONTROL_ERROR = new StreamErrorCode(0x04);
    public static final StreamErrorCode STREAM_ID_ERROR = new StreamErrorCode(0x05);
    public static final StreamErrorCode STREAM_STATE_ERROR = new StreamErrorCode(0x06);
    public static final StreamErrorCode FRAME_FORMAT_ERROR = new StreamErrorCode(0x07);
    public static final StreamErrorCode PROTOCOL_VIOLATION = new StreamErrorCode(0x08);
    public static final StreamErrorCode APPLICATION_ERROR = new StreamErrorCode(0x09);

    private static final String[] NAMES = {
        null, "NoError", "InternalError", "EndpointBusy", "FlowControlError", "StreamIdError", "StreamStateError",
        "FrameFormatError", "ProtocolViolation", "ApplicationError",
    };

    public StreamErrorCode {
        if (code < 0 || code > CODE_MAX) {
            throw new IllegalArgumentException("STREAM error code out of range: " + code);
        }
    }

    /** Whether RFC 29 defines this code; unknown codes are kept but have no meaning to us. */
    public boolean isKnown() {
        return code < NAMES.length && NAMES[code] != null;
    }

    /** The RFC 29 name, such as {@code NoError}, or {@code Unknown(89)}. */
    public String name() {
        return isKnown() ? NAMES[code] : "Unknown(" + code + ")";
    }

    @Override
    public String toString() {
        return name();
    }
}
