package org.kiungo.peering;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.kiungo.connector.InMemoryAssetDirectory;
import org.kiungo.connector.InMemoryIncomingTokens;
import org.kiungo.connector.InMemoryPeerDirectory;
import org.kiungo.ledger.Ledger;

/**
 * Assets, peers and liquidity over one store and one ledger, keeping the connector's directories in step. Opening
 * loads every stored asset, peer and token hash into the directories, so a restarted node serves its peers at
 * once. Changes are serialised on one lock: they are rare, and checking then writing must not interleave.
 */
public final class PeeringServices {
    private final PeeringStore store;
    private final Assets assets;
    private final Peers peers;
    private final LiquidityOperations liquidity;
    private final LiquidityAlarms alarms;

    private PeeringServices(PeeringStore store, Assets assets, Peers peers, LiquidityOperations liquidity,
                            LiquidityAlarms alarms) {
        this.store = store;
        this.assets = assets;
        this.peers = peers;
        this.liquidity = liquidity;
        this.alarms = alarms;
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
        load(store, assetDirectory, peerDirectory);
        return new PeeringServices(store, assets, peers, liquidity, new LiquidityAlarms(store, ledger, clock));
    }

    private static void load(PeeringStore store, InMemoryAssetDirectory assetDirectory,
                             InMemoryPeerDirectory peerDirectory) {
        Map<String, List<byte[]>> hashes = store.tokenHashes();
        for (AssetRecord asset : store.assets()) {
            assetDirectory.add(asset.accounts());
        }
        for (PeerRecord peer : store.peers()) {
            AssetRecord asset = store.asset(peer.assetId()).orElseThrow(() -> new IllegalStateException(
                    "the peering store holds peer " + peer.id() + " of a missing asset " + peer.assetId()));
            peerDirectory.addHashed(peer.toPeer(asset), hashes.getOrDefault(peer.id(), List.of()));
        }
    }

    public Assets assets() {
        return assets;
    }

    public Peers peers() {
        return peers;
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
