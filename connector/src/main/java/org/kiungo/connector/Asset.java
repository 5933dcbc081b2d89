package org.kiungo.connector;

import java.util.Objects;

/**
 * An asset the node holds accounts in: its code (such as {@code USD}), its scale (a packet amount of 1 is
 * 10^-scale units of the asset) and the ledger id under which its accounts live.
 */
public record Asset(String code, int scale, int ledger) {
    /** The longest asset code; IL-DCP carries it in a packet, and nobody needs more. */
    public static final int CODE_LENGTH_MAX = 64;
    /** The largest scale IL-DCP can carry (one byte). */
    public static final int SCALE_MAX = 255;

    public Asset {
        Objects.requireNonNull(code, "code");
        if (code.isBlank() || code.length() > CODE_LENGTH_MAX || code.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("an asset code has 1 to " + CODE_LENGTH_MAX
                    + " characters and no control characters");
        }
        if (scale < 0 || scale > SCALE_MAX) {
            throw new IllegalArgumentException("an asset scale is 0 to " + SCALE_MAX + ": " + scale);
        }
        if (ledger <= 0) {
            throw new IllegalArgumentException("a ledger id is positive: " + ledger);
        }
    }
}
