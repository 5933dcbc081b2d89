package org.kiungo.peering;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.connector.HttpLink;

/** Rows to records and back, for {@link SqlPeeringStore}. Routes are kept space-separated: addresses have none. */
final class SqlRows {
    private SqlRows() {
    }

    /** Reads one row. */
    interface Mapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    static void bindAsset(PreparedStatement insert, AssetRecord asset) throws SQLException {
        insert.setString(1, asset.id().toString());
        insert.setString(2, asset.code());
        insert.setInt(3, asset.scale());
        insert.setInt(4, asset.ledger());
        insert.setString(5, asset.liquidityAccountId().toString());
        insert.setString(6, asset.settlementAccountId().toString());
        setOptional(insert, 7, asset.liquidityThreshold());
        setOptional(insert, 8, asset.withdrawalThreshold());
        insert.setLong(9, asset.createdAt().toEpochMilli());
        setOptional(insert, 10, asset.liquidityHighThreshold());
    }

    static AssetRecord asset(ResultSet row) throws SQLException {
        return new AssetRecord(UUID.fromString(row.getString(1)), row.getString(2), row.getInt(3), row.getInt(4),
                UUID.fromString(row.getString(5)), UUID.fromString(row.getString(6)), optional(row, 7),
                optional(row, 8), optional(row, 10), Instant.ofEpochMilli(row.getLong(9)));
    }

    static void bindPeer(PreparedStatement insert, PeerRecord peer) throws SQLException {
        insert.setString(1, peer.id());
        insert.setString(2, peer.name().orElse(null));
        insert.setString(3, peer.staticIlpAddress().value());
        insert.setString(4, peer.assetId().toString());
        setOptional(insert, 5, peer.maxPacketAmount());
        setOptional(insert, 6, peer.liquidityThreshold());
        insert.setString(7, peer.endpoint().toString());
        insert.setString(8, peer.outgoingToken());
        insert.setString(9, routes(peer.routes()));
        insert.setString(10, peer.liquidityAccountId().toString());
        insert.setLong(11, peer.createdAt().toEpochMilli());
        setOptional(insert, 12, peer.liquidityHighThreshold());
        insert.setString(13, peer.httpMode().name());
        insert.setBoolean(14, peer.http2());
    }

    static void bindPeerUpdate(PreparedStatement update, PeerRecord peer) throws SQLException {
        update.setString(1, peer.name().orElse(null));
        update.setString(2, peer.staticIlpAddress().value());
        setOptional(update, 3, peer.maxPacketAmount());
        setOptional(update, 4, peer.liquidityThreshold());
        update.setString(5, peer.endpoint().toString());
        update.setString(6, peer.outgoingToken());
        update.setString(7, routes(peer.routes()));
        setOptional(update, 8, peer.liquidityHighThreshold());
        update.setString(9, peer.httpMode().name());
        update.setBoolean(10, peer.http2());
        update.setString(11, peer.id());
    }

    static PeerRecord peer(ResultSet row) throws SQLException {
        String routes = row.getString(9);
        List<IlpAddress> routeList = routes.isEmpty() ? List.of()
                : Arrays.stream(routes.split(" ")).map(IlpAddress::of).toList();
        return new PeerRecord(row.getString(1), Optional.ofNullable(row.getString(2)),
                IlpAddress.of(row.getString(3)), UUID.fromString(row.getString(4)), optional(row, 5),
                optional(row, 6), URI.create(row.getString(7)), row.getString(8), routeList,
                UUID.fromString(row.getString(10)), Instant.ofEpochMilli(row.getLong(11)), optional(row, 12),
                HttpLink.Mode.valueOf(row.getString(13)), row.getBoolean(14));
    }

    static void bindWithdrawal(PreparedStatement insert, WithdrawalRecord withdrawal) throws SQLException {
        insert.setString(1, withdrawal.id().toString());
        insert.setString(2, withdrawal.owner().name());
        insert.setString(3, withdrawal.ownerId());
        insert.setLong(4, withdrawal.amount());
        setOptional(insert, 5, withdrawal.timeoutSeconds());
        insert.setLong(6, withdrawal.createdAt().toEpochMilli());
    }

    static WithdrawalRecord withdrawal(ResultSet row) throws SQLException {
        return new WithdrawalRecord(UUID.fromString(row.getString(1)),
                WithdrawalRecord.Owner.valueOf(row.getString(2)), row.getString(3), row.getLong(4),
                optional(row, 5), Instant.ofEpochMilli(row.getLong(6)));
    }

    static IdempotencyRecord idempotency(ResultSet row) throws SQLException {
        return new IdempotencyRecord(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                Instant.ofEpochMilli(row.getLong(5)));
    }

    static void bindWalletAddress(PreparedStatement insert, WalletAddressRecord wallet) throws SQLException {
        insert.setString(1, wallet.id().toString());
        insert.setString(2, wallet.url().toString());
        insert.setString(3, wallet.path());
        insert.setString(4, wallet.publicName().orElse(null));
        insert.setString(5, wallet.assetId().toString());
        insert.setString(6, wallet.accountId().toString());
        insert.setLong(7, wallet.createdAt().toEpochMilli());
    }

    static WalletAddressRecord walletAddress(ResultSet row) throws SQLException {
        return new WalletAddressRecord(UUID.fromString(row.getString(1)), URI.create(row.getString(2)),
                Optional.ofNullable(row.getString(4)), UUID.fromString(row.getString(5)),
                UUID.fromString(row.getString(6)), Instant.ofEpochMilli(row.getLong(7)));
    }

    static void setOptional(PreparedStatement statement, int index, OptionalLong value) throws SQLException {
        if (value.isPresent()) {
            statement.setLong(index, value.getAsLong());
        } else {
            statement.setNull(index, Types.BIGINT);
        }
    }

    private static OptionalLong optional(ResultSet row, int index) throws SQLException {
        long value = row.getLong(index);
        return row.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
    }

    private static String routes(List<IlpAddress> routes) {
        return String.join(" ", routes.stream().map(IlpAddress::value).toList());
    }

    /** Inserts the hashes of a peer's incoming tokens in one batch. */
    static void insertTokens(Connection connection, String peerId, List<byte[]> tokenHashes)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO peering_incoming_tokens (token_hash, peer_id) VALUES (?, ?)")) {
            for (byte[] hash : tokenHashes) {
                insert.setString(1, HexFormat.of().formatHex(hash));
                insert.setString(2, peerId);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Whether {@code e} or a cause is a unique key violated: SQLSTATE 23505 in PostgreSQL and H2. */
    static boolean isUniqueViolation(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
