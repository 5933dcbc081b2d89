package org.kiungo.connector;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Assets held in memory, keyed by ledger id; the embedded node's store until the admin API persists them. */
public final class InMemoryAssetDirectory implements AssetDirectory {
    /** Most assets held. */
    public static final int ASSETS_MAX = 1_000;

    private final Map<Integer, AssetAccounts> assets = new ConcurrentHashMap<>();

    /** Adds an asset; fails when its ledger id is taken or the directory is full. */
    public synchronized void add(AssetAccounts accounts) {
        int ledger = accounts.asset().ledger();
        if (assets.containsKey(ledger)) {
            throw new IllegalArgumentException("an asset with ledger id " + ledger + " exists already");
        }
        if (assets.size() >= ASSETS_MAX) {
            throw new IllegalStateException("the directory holds " + ASSETS_MAX + " assets, its maximum");
        }
        assets.put(ledger, accounts);
    }

    @Override
    public Optional<AssetAccounts> asset(int ledger) {
        return Optional.ofNullable(assets.get(ledger));
    }

    @Override
    public Collection<AssetAccounts> assets() {
        return List.copyOf(assets.values());
    }
}
