package org.kiungo.ledger;

import java.math.BigInteger;
import java.util.Objects;
import java.util.UUID;

/**
 * An account and its four balances, all unsigned 64-bit: amounts reserved by pending transfers
 * ({@code debitsPending}, {@code creditsPending}) are kept apart from amounts moved for good ({@code debitsPosted},
 * {@code creditsPosted}). {@code ledger} is the asset (accounts on different ledgers never exchange a transfer),
 * {@code code} the kind of account, {@code timestamp} the ledger's time of creation in nanoseconds since the epoch
 * (zero when creating).
 */
public record Account(UUID id, int ledger, int code, AccountFlags flags, long debitsPending, long debitsPosted,
                      long creditsPending, long creditsPosted, long timestamp) {
    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(flags, "flags");
    }

    /** A new account to create: zero balances, timestamp assigned by the ledger. */
    public static Account create(UUID id, int ledger, int code, AccountFlags flags) {
        return new Account(id, ledger, code, flags, 0, 0, 0, 0, 0);
    }

    /** What the account may still spend under {@code DEBITS_MUST_NOT_EXCEED_CREDITS}, signed when overdrawn. */
    public BigInteger available() {
        return Unsigned64.toBigInteger(creditsPosted).subtract(Unsigned64.toBigInteger(debitsPosted))
                .subtract(Unsigned64.toBigInteger(debitsPending));
    }

    /** This account with other balances, as the ledger reports it. */
    public Account withBalances(long newDebitsPending, long newDebitsPosted, long newCreditsPending,
                                long newCreditsPosted) {
        return new Account(id, ledger, code, flags, newDebitsPending, newDebitsPosted, newCreditsPending,
                newCreditsPosted, timestamp);
    }

    @Override
    public String toString() {
        return "Account[" + id + " ledger=" + ledger + " code=" + code + " " + flags + " debits="
                + Unsigned64.toString(debitsPending) + "/" + Unsigned64.toString(debitsPosted) + " credits="
                + Unsigned64.toString(creditsPending) + "/" + Unsigned64.toString(creditsPosted) + "]";
    }
}
