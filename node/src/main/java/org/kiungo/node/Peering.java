package org.kiungo.node;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.kiungo.connector.Asset;
import org.kiungo.connector.AssetAccounts;
import org.kiungo.connector.InMemoryAssetDirectory;
import org.kiungo.connector.InMemoryPeerDirectory;
import org.kiungo.connector.LocalReceivers;
import org.kiungo.connector.PacketHandler;
import org.kiungo.connector.Peer;
import org.kiungo.ledger.Account;
import org.kiungo.ledger.AccountFlags;
import org.kiungo.ledger.AccountKind;
import org.kiungo.ledger.CreateAccountResult;
import org.kiungo.ledger.CreateTransferResult;
import org.kiungo.ledger.Ids;
import org.kiungo.ledger.Ledger;
import org.kiungo.ledger.Liquidity;

/**
 * Assets, peers and their liquidity: the operations of the peering guide (create asset, create peer, deposit
 * liquidity), each creating the ledger accounts it needs before the connector can see it. In-process tests call
 * them today; the admin API will call the same methods.
 */
public final class Peering {
    private final Ledger ledger;
    private final InMemoryAssetDirectory assets;
    private final InMemoryPeerDirectory peers;
    private final LocalReceivers localReceivers;

    Peering(Ledger ledger, InMemoryAssetDirectory assets, InMemoryPeerDirectory peers,
            LocalReceivers localReceivers) {
        this.ledger = ledger;
        this.assets = assets;
        this.peers = peers;
        this.localReceivers = localReceivers;
    }

    /** Creates {@code asset} with its liquidity and settlement accounts; fails when its ledger id is taken. */
    public synchronized AssetAccounts createAsset(Asset asset) {
        if (assets.asset(asset.ledger()).isPresent()) {
            throw new IllegalArgumentException("an asset with ledger id " + asset.ledger() + " exists already");
        }
        AssetAccounts accounts = new AssetAccounts(asset, Ids.random(), Ids.random());
        createAccount(accounts.liquidityAccountId(), asset.ledger(), AccountKind.ASSET_LIQUIDITY);
        createAccount(accounts.settlementAccountId(), asset.ledger(), AccountKind.SETTLEMENT);
        assets.add(accounts);
        return accounts;
    }

    /**
     * Creates {@code peer}, its liquidity account (id {@link Peer#liquidityAccountId()}, which may not overdraw)
     * and its incoming tokens. The peer's asset must exist with the same code and scale.
     */
    public synchronized Peer createPeer(Peer peer, Collection<String> incomingTokens) {
        AssetAccounts asset = assets.asset(peer.asset().ledger()).orElseThrow(() ->
                new IllegalArgumentException("unknown asset: ledger id " + peer.asset().ledger()));
        if (!asset.asset().equals(peer.asset())) {
            throw new IllegalArgumentException("the peer's asset differs from the asset with ledger id "
                    + peer.asset().ledger());
        }
        if (peers.peer(peer.id()).isPresent()) {
            throw new IllegalArgumentException("a peer with id " + peer.id() + " exists already");
        }
        createAccount(peer.liquidityAccountId(), peer.asset().ledger(), AccountKind.PEER_LIQUIDITY);
        peers.add(peer, incomingTokens);
        return peer;
    }

    /** Replaces a peer's settings (routes, limits, link); its account and tokens stay. */
    public void updatePeer(Peer peer) {
        Peer before = peers.peer(peer.id()).orElseThrow(() ->
                new IllegalArgumentException("there is no peer with id " + peer.id()));
        if (!before.liquidityAccountId().equals(peer.liquidityAccountId()) || !before.asset().equals(peer.asset())) {
            throw new IllegalArgumentException("a peer's asset and liquidity account never change");
        }
        peers.update(peer);
    }

    /** Removes a peer, its tokens and its local receiver; its ledger account stays, as ledgers delete nothing. */
    public boolean removePeer(String peerId) {
        localReceivers.unregister(peerId);
        return peers.remove(peerId);
    }

    /** Adds {@code amount} to a peer's credit line; {@code transferId} makes a repeated call harmless. */
    public CreateTransferResult depositPeerLiquidity(String peerId, UUID transferId, long amount) {
        Peer peer = peer(peerId);
        AssetAccounts asset = assets.asset(peer.asset().ledger()).orElseThrow();
        return new Liquidity(ledger).deposit(transferId, asset.settlementAccountId(), peer.liquidityAccountId(),
                asset.asset().ledger(), amount).join();
    }

    /** Adds {@code amount} to the node's own liquidity in an asset, spent on cross-asset packets. */
    public CreateTransferResult depositAssetLiquidity(int ledgerId, UUID transferId, long amount) {
        AssetAccounts asset = assets.asset(ledgerId).orElseThrow(() ->
                new IllegalArgumentException("unknown asset: ledger id " + ledgerId));
        return new Liquidity(ledger).deposit(transferId, asset.settlementAccountId(), asset.liquidityAccountId(),
                ledgerId, amount).join();
    }

    /** A peer's liquidity account with its balances as the ledger holds them now. */
    public Account peerAccount(String peerId) {
        return ledger.lookupAccount(peer(peerId).liquidityAccountId()).orElseThrow();
    }

    /** The node's liquidity account in an asset, with its balances. */
    public Account assetLiquidityAccount(int ledgerId) {
        AssetAccounts asset = assets.asset(ledgerId).orElseThrow(() ->
                new IllegalArgumentException("unknown asset: ledger id " + ledgerId));
        return ledger.lookupAccount(asset.liquidityAccountId()).orElseThrow();
    }

    /** Hands packets routed to peer {@code peerId} to {@code receiver} in-process instead of over HTTP. */
    public void attachLocalReceiver(String peerId, PacketHandler receiver) {
        peer(peerId);
        localReceivers.register(peerId, receiver);
    }

    public Optional<Peer> findPeer(String peerId) {
        return peers.peer(peerId);
    }

    private Peer peer(String peerId) {
        return peers.peer(peerId).orElseThrow(() -> new IllegalArgumentException("there is no peer with id "
                + peerId));
    }

    private void createAccount(UUID id, int ledgerId, AccountKind kind) {
        AccountFlags flags = kind == AccountKind.SETTLEMENT ? AccountFlags.NONE
                : AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS;
        CreateAccountResult result = ledger.createAccounts(List.of(Account.create(id, ledgerId, kind.code(), flags)))
                .join().get(0);
        if (result != CreateAccountResult.OK) {
            throw new IllegalStateException("the ledger refused the " + kind + " account: " + result);
        }
    }
}
