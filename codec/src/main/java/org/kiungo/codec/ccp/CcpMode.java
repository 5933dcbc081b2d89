package org.kiungo.codec.ccp;

import org.kiungo.codec.DecodingException;

/** Whether the sender of a route control request wants route updates ({@code SYNC}) or not ({@code IDLE}). */
public enum CcpMode {
    IDLE(0),
    SYNC(1);

    private final int code;

    CcpMode(int code) {
        this.code = code;
    }

    /** The UInt8 on the wire. */
    public int code() {
        return code;
    }

    public static CcpMode fromCode(int code) throws DecodingException {
        return switch (code) {
            case 0 -> IDLE;
            case 1 -> SYNC;
            default -> throw new DecodingException("unknown CCP mode " + code);
        };
    }
}
