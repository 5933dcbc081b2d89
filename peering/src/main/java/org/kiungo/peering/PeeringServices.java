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
    private final Wallets wallets;

    private PeeringServices(PeeringStore store, Assets assets, Peers peers, LiquidityOperations liquidity,
                            Wallets wallets) {
        this.store = store;
        this.assets = assets;
        this.peers = peers;
        this.liquidity = liquidity;
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
        load(store, assetDirectory, peerDirectory);
        Wallets wallets = new Wallets(store, assets, accounts, liquidity, peerDirectory, clock, mutations);
        return new PeeringServices(store, assets, peers, liquidity, wallets);
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

    /** Wallet addresses; the node calls {@link Wallets#serve} to receive and send packets for them. */
    public Wallets wallets() {
        return wallets;
    }

    public LiquidityOperations liquidity() {
        return liquidity;
    }

    public PeeringStore store() {
        return store;
    }
}
