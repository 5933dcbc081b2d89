package org.kiungo.ledger;

/**
 * How a transfer behaves, as a bit set with TigerBeetle's meanings: {@link #PENDING} reserves the amount,
 * {@link #POST_PENDING} and {@link #VOID_PENDING} settle a pending transfer named by {@code pendingId}, and
 * {@link #LINKED} chains a transfer to the next one in the same batch so that all succeed or all fail.
 */
public record TransferFlags(int bits) {
    public static final TransferFlags NONE = new TransferFlags(0);
    public static final TransferFlags LINKED = new TransferFlags(1);
    public static final TransferFlags PENDING = new TransferFlags(1 << 1);
    public static final TransferFlags POST_PENDING = new TransferFlags(1 << 2);
    public static final TransferFlags VOID_PENDING = new TransferFlags(1 << 3);

    /** Every bit that has a meaning; others are reserved. */
    public static final int KNOWN_BITS = 0b1111;

    public boolean linked() {
        return (bits & LINKED.bits) != 0;
    }

    public boolean pending() {
        return (bits & PENDING.bits) != 0;
    }

    public boolean postPending() {
        return (bits & POST_PENDING.bits) != 0;
    }

    public boolean voidPending() {
        return (bits & VOID_PENDING.bits) != 0;
    }

    /** Whether this transfer settles an earlier pending one. */
    public boolean postOrVoid() {
        return (bits & (POST_PENDING.bits | VOID_PENDING.bits)) != 0;
    }

    /** These flags and {@code other}'s. */
    public TransferFlags with(TransferFlags other) {
        return new TransferFlags(bits | other.bits);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if (linked()) text.append("LINKED|");
        if (pending()) text.append("PENDING|");
        if (postPending()) text.append("POST_PENDING|");
        if (voidPending()) text.append("VOID_PENDING|");
        if ((bits & ~KNOWN_BITS) != 0) text.append("0x").append(Integer.toHexString(bits & ~KNOWN_BITS)).append('|');
        return text.isEmpty() ? "NONE" : text.substring(0, text.length() - 1);
    }
}
