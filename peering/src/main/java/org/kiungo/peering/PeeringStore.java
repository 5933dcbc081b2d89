package org.kiungo.peering;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Where assets, peers, incoming token hashes, withdrawals and idempotency records survive a restart. The services
 * check the rules before they write; the store still refuses (with {@link PeeringException} {@code DUPLICATE})
 * what its unique keys forbid, so two replicas cannot both win. Each method is one transaction.
 */
public interface PeeringStore extends AutoCloseable {
    void insertAsset(AssetRecord asset);

    void updateAsset(AssetRecord asset);

    Optional<AssetRecord> asset(UUID id);

    /** Every asset, oldest first (by creation time, then id). */
    List<AssetRecord> assets();

    /** One page of assets in the same order, read without reading the others. */
    Page<AssetRecord> assetPage(Page.Request request);

    /** Inserts a peer with the SHA-256 hashes of its incoming tokens. */
    void insertPeer(PeerRecord peer, List<byte[]> tokenHashes);

    /** Replaces a peer's settings, and its token hashes when {@code tokenHashes} is present. */
    void updatePeer(PeerRecord peer, Optional<List<byte[]>> tokenHashes);

    /** Deletes a peer and its token hashes; returns whether there was one. */
    boolean deletePeer(String id);

    Optional<PeerRecord> peer(String id);

    /** Every peer, oldest first (by creation time, then id). */
    List<PeerRecord> peers();

    /** One page of peers in the same order, read without reading the others. */
    Page<PeerRecord> peerPage(Page.Request request);

    /** The token hashes of every peer, by peer id. */
    Map<String, List<byte[]>> tokenHashes();

    void insertWithdrawal(WithdrawalRecord withdrawal);

    Optional<WithdrawalRecord> withdrawal(UUID id);

    /** Stores the first result for a key; fails with {@code DUPLICATE} when the key has one. */
    void insertIdempotency(IdempotencyRecord record);

    Optional<IdempotencyRecord> idempotency(String key);

    /** Webhook events and liquidity alarms, kept in the same database. */
    WebhookEventStore webhookEvents();

    /** The node's key named {@code name}, if one has been stored. */
    Optional<byte[]> nodeKey(String name);

    /**
     * Stores the node's key {@code name} unless one exists; returns the stored key, which is another replica's
     * when it stored one first, so every replica ends up using the same key.
     */
    byte[] insertNodeKeyIfAbsent(String name, byte[] key, Instant createdAt);

    /** Inserts a wallet address; DUPLICATE when another has the same URL path. */
    void insertWalletAddress(WalletAddressRecord wallet);

    /** Every wallet address, oldest first (by creation time, then id). */
    List<WalletAddressRecord> walletAddresses();

    /** A page of wallet addresses in the same order, read with a keyset query. */
    Page<WalletAddressRecord> walletAddressPage(Page.Request request);

    @Override
    void close();
}
