package org.kiungo.peering;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;
import org.kiungo.connector.Asset;
import org.kiungo.connector.AssetAccounts;

/**
 * An asset as the store keeps it: the admin API's id, code and scale, the ledger id its accounts live under, the
 * node's liquidity and settlement accounts in it, and the optional thresholds (unsigned 64-bit): at or below
 * {@code liquidityThreshold} and at or above {@code liquidityHighThreshold} the node raises liquidity events.
 */
public record AssetRecord(UUID id, String code, int scale, int ledger, UUID liquidityAccountId,
                          UUID settlementAccountId, OptionalLong liquidityThreshold,
                          OptionalLong withdrawalThreshold, OptionalLong liquidityHighThreshold, Instant createdAt) {
    public AssetRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(liquidityAccountId, "liquidityAccountId");
        Objects.requireNonNull(settlementAccountId, "settlementAccountId");
        Objects.requireNonNull(liquidityThreshold, "liquidityThreshold");
        Objects.requireNonNull(withdrawalThreshold, "withdrawalThreshold");
        Objects.requireNonNull(liquidityHighThreshold, "liquidityHighThreshold");
        Objects.requireNonNull(createdAt, "createdAt");
        new Asset(code, scale, ledger);
    }

    /** The connector's view: the asset and the node's accounts in it. */
    public AssetAccounts accounts() {
        return new AssetAccounts(new Asset(code, scale, ledger), liquidityAccountId, settlementAccountId);
    }

    public AssetRecord withThresholds(OptionalLong newLiquidityThreshold, OptionalLong newWithdrawalThreshold,
                                      OptionalLong newLiquidityHighThreshold) {
        return new AssetRecord(id, code, scale, ledger, liquidityAccountId, settlementAccountId,
                newLiquidityThreshold, newWithdrawalThreshold, newLiquidityHighThreshold, createdAt);
    }
}
