package org.kiungo.peering;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The store over JDBC, one SQL for PostgreSQL and the embedded H2 database (see the package documentation). Every
 * method is one transaction; a unique key violated becomes {@link PeeringError#DUPLICATE}.
 */
public final class SqlPeeringStore implements PeeringStore {
    private static final String ASSET_COLUMNS = "id, code, scale, ledger, liquidity_account_id, "
            + "settlement_account_id, liquidity_threshold, withdrawal_threshold, created_at_ms, "
            + "liquidity_high_threshold";
    private static final String PEER_COLUMNS = "id, name, static_ilp_address, asset_id, max_packet_amount, "
            + "liquidity_threshold, endpoint, outgoing_token, routes, liquidity_account_id, created_at_ms, "
            + "liquidity_high_threshold, http_mode, http2";
    private static final String WALLET_COLUMNS = "id, url, url_path, public_name, asset_id, account_id, "
            + "created_at_ms";

    private final DataSource dataSource;
    private final AutoCloseable owned;
    private final WebhookEventStore webhookEvents = new SqlWebhookEventStore(this);

    SqlPeeringStore(DataSource dataSource, AutoCloseable owned) {
        this.dataSource = dataSource;
        this.owned = owned;
    }

    @Override
    public void insertAsset(AssetRecord asset) {
        transaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO peering_assets ("
                    + ASSET_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                SqlRows.bindAsset(insert, asset);
                insert.executeUpdate();
            }
            return null;
        }, "an asset with code " + asset.code() + " and scale " + asset.scale() + " exists already");
    }

    @Override
    public void updateAsset(AssetRecord asset) {
        transaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE peering_assets SET "
                    + "liquidity_threshold = ?, withdrawal_threshold = ?, liquidity_high_threshold = ? WHERE id = ?")) {
                SqlRows.setOptional(update, 1, asset.liquidityThreshold());
                SqlRows.setOptional(update, 2, asset.withdrawalThreshold());
                SqlRows.setOptional(update, 3, asset.liquidityHighThreshold());
                update.setString(4, asset.id().toString());
                update.executeUpdate();
            }
            return null;
        }, "");
    }

    @Override
    public Optional<AssetRecord> asset(UUID id) {
        return query("SELECT " + ASSET_COLUMNS + " FROM peering_assets WHERE id = ?", id.toString(),
                SqlRows::asset).stream().findFirst();
    }

    @Override
    public List<AssetRecord> assets() {
        return query("SELECT " + ASSET_COLUMNS + " FROM peering_assets ORDER BY created_at_ms, id", null,
                SqlRows::asset);
    }

    @Override
    public Page<AssetRecord> assetPage(Page.Request request) {
        return transaction(connection -> SqlPages.page(connection, "peering_assets", ASSET_COLUMNS, "id", List.of(),
                request, SqlRows::asset), "");
    }

    @Override
    public void insertPeer(PeerRecord peer, List<byte[]> tokenHashes) {
        transaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO peering_peers ("
                    + PEER_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                SqlRows.bindPeer(insert, peer);
                insert.executeUpdate();
            }
            SqlRows.insertTokens(connection, peer.id(), tokenHashes);
            return null;
        }, "a peer with static ILP address " + peer.staticIlpAddress() + " in this asset, or one of its incoming "
                + "tokens, exists already");
    }

    @Override
    public void updatePeer(PeerRecord peer, Optional<List<byte[]>> tokenHashes) {
        transaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE peering_peers SET name = ?, "
                    + "static_ilp_address = ?, max_packet_amount = ?, liquidity_threshold = ?, endpoint = ?, "
                    + "outgoing_token = ?, routes = ?, liquidity_high_threshold = ?, http_mode = ?, http2 = ? "
                    + "WHERE id = ?")) {
                SqlRows.bindPeerUpdate(update, peer);
                update.executeUpdate();
            }
            if (tokenHashes.isPresent()) {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM peering_incoming_tokens WHERE peer_id = ?")) {
                    delete.setString(1, peer.id());
                    delete.executeUpdate();
                }
                SqlRows.insertTokens(connection, peer.id(), tokenHashes.get());
            }
            return null;
        }, "a peer with static ILP address " + peer.staticIlpAddress() + " in this asset, or one of its incoming "
                + "tokens, exists already");
    }

    @Override
    public boolean deletePeer(String id) {
        return transaction(connection -> {
            try (PreparedStatement tokens = connection.prepareStatement(
                    "DELETE FROM peering_incoming_tokens WHERE peer_id = ?");
                 PreparedStatement peer = connection.prepareStatement("DELETE FROM peering_peers WHERE id = ?")) {
                tokens.setString(1, id);
                tokens.executeUpdate();
                peer.setString(1, id);
                return peer.executeUpdate() == 1;
            }
        }, "");
    }

    @Override
    public Optional<PeerRecord> peer(String id) {
        return query("SELECT " + PEER_COLUMNS + " FROM peering_peers WHERE id = ?", id, SqlRows::peer).stream()
                .findFirst();
    }

    @Override
    public List<PeerRecord> peers() {
        return query("SELECT " + PEER_COLUMNS + " FROM peering_peers ORDER BY created_at_ms, id", null,
                SqlRows::peer);
    }

    @Override
    public Page<PeerRecord> peerPage(Page.Request request) {
        return transaction(connection -> SqlPages.page(connection, "peering_peers", PEER_COLUMNS, "id", List.of(),
                request, SqlRows::peer), "");
    }

    @Override
    public Map<String, List<byte[]>> tokenHashes() {
        Map<String, List<byte[]>> hashes = new LinkedHashMap<>();
        query("SELECT peer_id, token_hash FROM peering_incoming_tokens ORDER BY peer_id", null,
                row -> Map.entry(row.getString(1), HexFormat.of().parseHex(row.getString(2))))
                .forEach(e -> hashes.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return hashes;
    }

    @Override
    public void insertWithdrawal(WithdrawalRecord withdrawal) {
        transaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO peering_withdrawals (id, "
                    + "account_owner, owner_id, amount, timeout_seconds, created_at_ms) VALUES (?, ?, ?, ?, ?, ?)")) {
                SqlRows.bindWithdrawal(insert, withdrawal);
                insert.executeUpdate();
            }
            return null;
        }, "a withdrawal with id " + withdrawal.id() + " exists already");
    }

    @Override
    public Optional<WithdrawalRecord> withdrawal(UUID id) {
        return query("SELECT id, account_owner, owner_id, amount, timeout_seconds, created_at_ms FROM "
                + "peering_withdrawals WHERE id = ?", id.toString(), SqlRows::withdrawal).stream().findFirst();
    }

    @Override
    public void insertIdempotency(IdempotencyRecord record) {
        transaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO peering_idempotency "
                    + "(idempotency_key, operation, fingerprint, response, created_at_ms) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, record.key());
                insert.setString(2, record.operation());
                insert.setString(3, record.fingerprint());
                insert.setString(4, record.response());
                insert.setLong(5, record.createdAt().toEpochMilli());
                insert.executeUpdate();
            }
            return null;
        }, "the idempotency key has been used already");
    }

    @Override
    public Optional<IdempotencyRecord> idempotency(String key) {
        return query("SELECT idempotency_key, operation, fingerprint, response, created_at_ms FROM "
                + "peering_idempotency WHERE idempotency_key = ?", key, SqlRows::idempotency).stream().findFirst();
    }

    @Override
    public Optional<byte[]> nodeKey(String name) {
        return query("SELECT key_hex FROM peering_node_keys WHERE name = ?", name,
                row -> HexFormat.of().parseHex(row.getString(1))).stream().findFirst();
    }

    @Override
    public byte[] insertNodeKeyIfAbsent(String name, byte[] key, Instant createdAt) {
        try {
            transaction(connection -> {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO peering_node_keys (name, key_hex, created_at_ms) VALUES (?, ?, ?)")) {
                    insert.setString(1, name);
                    insert.setString(2, HexFormat.of().formatHex(key));
                    insert.setLong(3, createdAt.toEpochMilli());
                    insert.executeUpdate();
                }
                return null;
            }, "the node key " + name + " exists already");
            return key.clone();
        } catch (PeeringException e) {
            return nodeKey(name).orElseThrow(() -> e);
        }
    }

    @Override
    public void insertWalletAddress(WalletAddressRecord wallet) {
        transaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO peering_wallet_addresses ("
                    + WALLET_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                SqlRows.bindWalletAddress(insert, wallet);
                insert.executeUpdate();
            }
            return null;
        }, "a wallet address with path " + wallet.path() + " exists already");
    }

    @Override
    public List<WalletAddressRecord> walletAddresses() {
        return query("SELECT " + WALLET_COLUMNS + " FROM peering_wallet_addresses ORDER BY created_at_ms, id", null,
                SqlRows::walletAddress);
    }

    @Override
    public Page<WalletAddressRecord> walletAddressPage(Page.Request request) {
        return transaction(connection -> SqlPages.page(connection, "peering_wallet_addresses", WALLET_COLUMNS, "id",
                List.of(), request, SqlRows::walletAddress), "");
    }

    @Override
    public void close() {
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing the peering store failed", e);
            }
        }
    }

    /** Webhook events and liquidity alarms, in this store's database. */
    @Override
    public WebhookEventStore webhookEvents() {
        return webhookEvents;
    }

    /** Runs {@code work} in one transaction; a unique key violated becomes DUPLICATE with the message. */
    <T> T transaction(SqlWork<T> work, String duplicateMessage) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            if (SqlRows.isUniqueViolation(e)) {
                throw new PeeringException(PeeringError.DUPLICATE, duplicateMessage);
            }
            throw new IllegalStateException("the peering store failed: " + e.getMessage(), e);
        }
    }

    private <T> List<T> query(String sql, String parameter, SqlRows.Mapper<T> mapper) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            if (parameter != null) {
                select.setString(1, parameter);
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(mapper.map(result));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("the peering store failed: " + e.getMessage(), e);
        }
    }

    /** A unit of work inside one transaction. */
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
