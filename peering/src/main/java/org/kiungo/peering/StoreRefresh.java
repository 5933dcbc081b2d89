package org.kiungo.peering;

import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kiungo.connector.InMemoryAssetDirectory;
import org.kiungo.connector.InMemoryPeerDirectory;
import org.kiungo.connector.Peer;

/**
 * Brings the connector's directories in line with the store: what other node replicas on the same database
 * created, changed or deleted reaches this replica's packet path. Only differences are applied, so a peer that
 * did not change keeps its tokens and routes without a gap.
 */
final class StoreRefresh {
    private final PeeringStore store;
    private final InMemoryAssetDirectory assets;
    private final InMemoryPeerDirectory peers;
    /** The token hashes (hex) last applied per peer: the directory cannot list them. */
    private final Map<String, Set<String>> appliedHashes = new HashMap<>();

    StoreRefresh(PeeringStore store, InMemoryAssetDirectory assets, InMemoryPeerDirectory peers) {
        this.store = store;
        this.assets = assets;
        this.peers = peers;
    }

    /** Applies the store's assets, peers and token hashes; the caller holds the services' mutation lock. */
    void apply() {
        Map<String, List<byte[]>> hashes = store.tokenHashes();
        Map<String, AssetRecord> assetsById = new HashMap<>();
        for (AssetRecord asset : store.assets()) {
            assetsById.put(asset.id().toString(), asset);
            if (assets.asset(asset.ledger()).isEmpty()) {
                assets.add(asset.accounts());
            }
        }
        Set<String> stored = new HashSet<>();
        for (PeerRecord record : store.peers()) {
            stored.add(record.id());
            AssetRecord asset = assetsById.get(record.assetId().toString());
            if (asset == null) {
                throw new IllegalStateException("the peering store holds peer " + record.id() + " of a missing asset "
                        + record.assetId());
            }
            apply(record.toPeer(asset), hashes.getOrDefault(record.id(), List.of()));
        }
        for (Peer peer : peers.peers()) {
            // Wallet addresses are connector peers too, kept by their own table (Wallets.refresh).
            if (!stored.contains(peer.id()) && !peer.id().startsWith(WalletAddressRecord.PEER_ID_PREFIX)) {
                peers.remove(peer.id());
                appliedHashes.remove(peer.id());
            }
        }
    }

    private void apply(Peer peer, List<byte[]> tokenHashes) {
        Set<String> hex = new HashSet<>();
        tokenHashes.forEach(hash -> hex.add(HexFormat.of().formatHex(hash)));
        var current = peers.peer(peer.id());
        if (current.isEmpty()) {
            peers.addHashed(peer, tokenHashes);
        } else {
            if (!current.get().equals(peer)) {
                peers.update(peer);
            }
            if (!hex.equals(appliedHashes.get(peer.id()))) {
                peers.replaceTokenHashes(peer.id(), tokenHashes);
            }
        }
        appliedHashes.put(peer.id(), hex);
    }
}
