package org.kiungo.peering;

import java.time.Clock;
import java.util.Objects;
import org.kiungo.connector.InMemoryAssetDirectory;
import org.kiungo.connector.InMemoryIncomingTokens;
import org.kiungo.connector.InMemoryPeerDirectory;
import org.kiungo.ledger.Ledger;

/**
 * Assets, peers and liquidity over one store and one ledger, keeping the connector's directories in step. Opening
 * loads every stored asset, peer and token hash into the directories, so a restarted node serves its peers at
 * once; {@link #refresh()} does it again, for what other replicas on the same database changed. Changes are
 * serialised on one lock: they are rare, and checking then writing must not interleave.
 */
public final class PeeringServices {
    private final PeeringStore store;
    private final Assets assets;
    private final Peers peers;
    private final LiquidityOperations liquidity;
    private final StoreRefresh refresh;
    private final Object mutations;
    private final LiquidityAlarms alarms;
    private final Wallets wallets;

    private PeeringServices(PeeringStore store, Assets assets, Peers peers, LiquidityOperations liquidity,
                            StoreRefresh refresh, Object mutations, LiquidityAlarms alarms, Wallets wallets) {
        this.store = store;
        this.assets = assets;
        this.peers = peers;
        this.liquidity = liquidity;
        this.refresh = refresh;
        this.mutations = mutations;
        this.alarms = alarms;
        this.wallets = wallets;
    }

    /** Services over {@code store} and {@code ledger}, after loading the store into the directories. */
    public static PeeringServices open(PeeringStore store, Ledger ledger, InMemoryAssetDirectory assetDirectory,
                                       InMemoryPeerDirectory peerDirectory, InMemoryIncomingTokens tokens,
                                       Clock clock) {
        Objects.requireNonNull(store, "store");
        Object mutations = new Object();
        LedgerAccounts accounts = new LedgerAccounts(ledger);
        Assets assets = new Assets(store, accounts, assetDirectory, clock, mutations);
        LiquidityOperations liquidity = new LiquidityOperations(ledger, store, clock);
        Peers peers = new Peers(store, assets, accounts, liquidity, peerDirectory, tokens, clock, mutations);
        StoreRefresh refresh = new StoreRefresh(store, assetDirectory, peerDirectory);
        refresh.apply();
        Wallets wallets = new Wallets(store, assets, accounts, liquidity, peerDirectory, clock, mutations);
        return new PeeringServices(store, assets, peers, liquidity, refresh, mutations,
                new LiquidityAlarms(store, ledger, clock), wallets);
    }

    /**
     * Re-reads the store into the connector's directories: assets and peers that another node replica on the same
     * database created, changed or deleted since this one opened take effect on this replica's packets.
     */
    public void refresh() {
        synchronized (mutations) {
            refresh.apply();
        }
        wallets.refresh();
    }

    public Assets assets() {
        return assets;
    }

    public Peers peers() {
        return peers;
    }

    /** Wallet addresses; the node calls {@link Wallets#serve} to receive and send packets for them. */
    public Wallets wallets() {
        return wallets;
    }

    public LiquidityOperations liquidity() {
        return liquidity;
    }

    /** Liquidity thresholds: their alarms and the webhook events they raise. */
    public LiquidityAlarms alarms() {
        return alarms;
    }

    public PeeringStore store() {
        return store;
    }
}
