package org.kiungo.peering;

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

    /** Inserts a peer with the SHA-256 hashes of its incoming tokens. */
    void insertPeer(PeerRecord peer, List<byte[]> tokenHashes);

    /** Replaces a peer's settings, and its token hashes when {@code tokenHashes} is present. */
    void updatePeer(PeerRecord peer, Optional<List<byte[]>> tokenHashes);

    /** Deletes a peer and its token hashes; returns whether there was one. */
    boolean deletePeer(String id);

    Optional<PeerRecord> peer(String id);

    /** Every peer, oldest first (by creation time, then id). */
    List<PeerRecord> peers();

    /** The token hashes of every peer, by peer id. */
    Map<String, List<byte[]>> tokenHashes();

    void insertWithdrawal(WithdrawalRecord withdrawal);

    Optional<WithdrawalRecord> withdrawal(UUID id);

    /** Stores the first result for a key; fails with {@code DUPLICATE} when the key has one. */
    void insertIdempotency(IdempotencyRecord record);

    Optional<IdempotencyRecord> idempotency(String key);

    /** Inserts a wallet address; DUPLICATE when another has the same URL path. */
    void insertWalletAddress(WalletAddressRecord wallet);

    /** Every wallet address, oldest first (by creation time, then id). */
    List<WalletAddressRecord> walletAddresses();

    @Override
    void close();
}
