package org.kiungo.ledger;

/**
 * The limits an account enforces, as a bit set compatible in meaning with TigerBeetle's account flags. A peer's
 * liquidity account sets {@link #DEBITS_MUST_NOT_EXCEED_CREDITS}: the peer cannot spend more than it deposited.
 */
public record AccountFlags(int bits) {
    public static final AccountFlags NONE = new AccountFlags(0);
    public static final AccountFlags DEBITS_MUST_NOT_EXCEED_CREDITS = new AccountFlags(1 << 1);
    public static final AccountFlags CREDITS_MUST_NOT_EXCEED_DEBITS = new AccountFlags(1 << 2);

    /** Every bit that has a meaning; others are reserved. */
    public static final int KNOWN_BITS = (1 << 1) | (1 << 2);

    public boolean debitsMustNotExceedCredits() {
        return (bits & DEBITS_MUST_NOT_EXCEED_CREDITS.bits) != 0;
    }

    public boolean creditsMustNotExceedDebits() {
        return (bits & CREDITS_MUST_NOT_EXCEED_DEBITS.bits) != 0;
    }

    @Override
    public String toString() {
        return debitsMustNotExceedCredits() ? "DEBITS_MUST_NOT_EXCEED_CREDITS"
                : creditsMustNotExceedDebits() ? "CREDITS_MUST_NOT_EXCEED_DEBITS" : "NONE";
    }
}
