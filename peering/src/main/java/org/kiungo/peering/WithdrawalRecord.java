package org.kiungo.peering;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * A liquidity withdrawal as created: whose liquidity ({@code PEER} or {@code ASSET} and its id), how much, and
 * the timeout asked for. Its state (pending, posted, voided, expired) lives in the ledger, the one truth.
 */
public record WithdrawalRecord(UUID id, Owner owner, String ownerId, long amount, OptionalLong timeoutSeconds,
                               Instant createdAt) {
    /** Whose liquidity a withdrawal takes. */
    public enum Owner { PEER, ASSET }

    public WithdrawalRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(timeoutSeconds, "timeoutSeconds");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
