package org.kiungo.peering;

import java.math.BigInteger;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.kiungo.connector.Asset;
import org.kiungo.connector.InMemoryAssetDirectory;
import org.kiungo.ledger.AccountKind;
import org.kiungo.ledger.Ids;

/**
 * The assets the node holds: created with their ledger accounts, kept in the store, and added to the connector's
 * directory at once, so a peer in the asset can be created and used straight away.
 */
public final class Assets {
    private final PeeringStore store;
    private final LedgerAccounts accounts;
    private final InMemoryAssetDirectory directory;
    private final Clock clock;
    private final Object mutations;

    Assets(PeeringStore store, LedgerAccounts accounts, InMemoryAssetDirectory directory, Clock clock,
           Object mutations) {
        this.store = store;
        this.accounts = accounts;
        this.directory = directory;
        this.clock = clock;
        this.mutations = mutations;
    }

    /**
     * Creates an asset with {@code code} and {@code scale} (0 to 255). Refused when the code is invalid or the
     * scale out of range (BAD_USER_INPUT) and when the code and scale exist already (DUPLICATE).
     */
    public AssetRecord create(String code, int scale, OptionalLong liquidityThreshold,
                              OptionalLong withdrawalThreshold) {
        return create(code, scale, liquidityThreshold, withdrawalThreshold, OptionalLong.empty());
    }

    /** Creates an asset with an upper liquidity threshold too (see {@link #create(String, int, OptionalLong,
     * OptionalLong)}). */
    public AssetRecord create(String code, int scale, OptionalLong liquidityThreshold,
                              OptionalLong withdrawalThreshold, OptionalLong liquidityHighThreshold) {
        if (scale < 0 || scale > Asset.SCALE_MAX) {
            throw Inputs.bad("scale must be 0 to " + Asset.SCALE_MAX + ", not " + scale);
        }
        if (code == null || code.isBlank() || code.length() > Asset.CODE_LENGTH_MAX
                || code.chars().anyMatch(Character::isISOControl)) {
            throw Inputs.bad("code must have 1 to " + Asset.CODE_LENGTH_MAX + " characters and no control "
                    + "characters");
        }
        synchronized (mutations) {
            List<AssetRecord> all = store.assets();
            if (all.stream().anyMatch(a -> a.code().equals(code) && a.scale() == scale)) {
                throw new PeeringException(PeeringError.DUPLICATE, "an asset with code " + code + " and scale "
                        + scale + " exists already");
            }
            if (all.size() >= InMemoryAssetDirectory.ASSETS_MAX) {
                throw new PeeringException(PeeringError.FORBIDDEN, "the node holds " + all.size()
                        + " assets, its maximum");
            }
            int ledger = all.stream().mapToInt(AssetRecord::ledger).max().orElse(0) + 1;
            AssetRecord asset = new AssetRecord(UUID.randomUUID(), code, scale, ledger, Ids.random(),
                    Ids.random(), liquidityThreshold, withdrawalThreshold, liquidityHighThreshold, clock.instant());
            accounts.create(asset.liquidityAccountId(), ledger, AccountKind.ASSET_LIQUIDITY);
            accounts.create(asset.settlementAccountId(), ledger, AccountKind.SETTLEMENT);
            store.insertAsset(asset);
            directory.add(asset.accounts());
            return asset;
        }
    }

    /** Replaces an asset's thresholds, an absent one clearing it (code and scale never change). */
    public AssetRecord update(String id, OptionalLong liquidityThreshold, OptionalLong withdrawalThreshold,
                              OptionalLong liquidityHighThreshold) {
        synchronized (mutations) {
            AssetRecord updated = get(id).withThresholds(liquidityThreshold, withdrawalThreshold,
                    liquidityHighThreshold);
            store.updateAsset(updated);
            return updated;
        }
    }

    /** The asset with {@code id}; NOT_FOUND when there is none, BAD_USER_INPUT when the id is no UUID. */
    public AssetRecord get(String id) {
        UUID uuid = Inputs.uuid("id", id);
        return store.asset(uuid).orElseThrow(() -> new PeeringException(PeeringError.NOT_FOUND,
                "there is no asset with id " + uuid));
    }

    /** A page of assets, oldest first. */
    public Page<AssetRecord> page(Integer first, String after, Integer last, String before) {
        return store.assetPage(Page.Request.of(first, after, last, before));
    }

    /** The node's own liquidity in the asset, live from the ledger. */
    public BigInteger liquidity(AssetRecord asset) {
        return accounts.liquidity(asset.liquidityAccountId());
    }
}
