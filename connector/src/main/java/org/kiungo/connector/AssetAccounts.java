package org.kiungo.connector;

import java.util.Objects;
import java.util.UUID;

/**
 * The node's own accounts in one asset: its liquidity, spent on the outgoing leg of cross-asset packets, and the
 * settlement account on the other side of deposits and withdrawals.
 */
public record AssetAccounts(Asset asset, UUID liquidityAccountId, UUID settlementAccountId) {
    public AssetAccounts {
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(liquidityAccountId, "liquidityAccountId");
        Objects.requireNonNull(settlementAccountId, "settlementAccountId");
    }
}
