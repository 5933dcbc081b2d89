package org.kiungo.ledger;

import java.util.Objects;
import java.util.UUID;

/** One leg of a packet: {@code amount} from one account to another on one ledger, reserved as {@code pendingId}. */
public record PacketLeg(UUID pendingId, UUID debitAccountId, UUID creditAccountId, int ledger, long amount) {
    public PacketLeg {
        Objects.requireNonNull(pendingId, "pendingId");
        Objects.requireNonNull(debitAccountId, "debitAccountId");
        Objects.requireNonNull(creditAccountId, "creditAccountId");
    }
}
