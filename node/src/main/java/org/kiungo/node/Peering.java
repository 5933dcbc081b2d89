package org.kiungo.node;

import java.util.OptionalLong;
import java.util.UUID;
import org.kiungo.connector.LocalReceivers;
import org.kiungo.connector.PacketHandler;
import org.kiungo.ledger.Account;
import org.kiungo.ledger.Ledger;
import org.kiungo.peering.AssetRecord;
import org.kiungo.peering.CreatePeer;
import org.kiungo.peering.PeerRecord;
import org.kiungo.peering.PeeringServices;

/**
 * The node's peering for in-process callers (tests, and later the STREAM receiver): assets, peers and liquidity go
 * through the same {@link PeeringServices} as the admin API, so there is one way to create them. What only the
 * node has is here too: in-process receivers standing in for a peer's link, and reads of the ledger accounts.
 */
public final class Peering {
    private final PeeringServices services;
    private final Ledger ledger;
    private final LocalReceivers localReceivers;

    Peering(PeeringServices services, Ledger ledger, LocalReceivers localReceivers) {
        this.services = services;
        this.ledger = ledger;
        this.localReceivers = localReceivers;
    }

    /** Assets, peers and liquidity operations, exactly as the admin API calls them. */
    public PeeringServices services() {
        return services;
    }

    /** Creates an asset with no thresholds, as {@code createAsset} does. */
    public AssetRecord createAsset(String code, int scale) {
        return services.assets().create(code, scale, OptionalLong.empty(), OptionalLong.empty());
    }

    /** Creates a peer, as {@code createPeer} does. */
    public PeerRecord createPeer(CreatePeer input) {
        return services.peers().create(input);
    }

    /** Adds {@code amount} to a peer's credit line; {@code transferId} may be used once. */
    public void depositPeerLiquidity(String peerId, UUID transferId, long amount) {
        PeerRecord peer = services.peers().get(peerId);
        services.liquidity().depositToPeer(peer, services.assets().get(peer.assetId().toString()), transferId,
                amount);
    }

    /** Adds {@code amount} to the node's own liquidity in an asset, spent on cross-asset packets. */
    public void depositAssetLiquidity(String assetId, UUID transferId, long amount) {
        services.liquidity().depositToAsset(services.assets().get(assetId), transferId, amount);
    }

    /** A peer's liquidity account with its balances as the ledger holds them now. */
    public Account peerAccount(String peerId) {
        return ledger.lookupAccount(services.peers().get(peerId).liquidityAccountId()).orElseThrow();
    }

    /** The node's liquidity account in an asset, with its balances. */
    public Account assetLiquidityAccount(String assetId) {
        return ledger.lookupAccount(services.assets().get(assetId).liquidityAccountId()).orElseThrow();
    }

    /** Hands packets routed to peer {@code peerId} to {@code receiver} in-process instead of over HTTP. */
    public void attachLocalReceiver(String peerId, PacketHandler receiver) {
        services.peers().get(peerId);
        localReceivers.register(peerId, receiver);
    }
}
