package org.kiungo.ledger.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.kiungo.ledger.Account;
import org.kiungo.ledger.PendingState;
import org.kiungo.ledger.Transfer;
import org.kiungo.ledger.TransferPage;

/** The reads of the {@code Ledger} interface, each one statement. */
final class LedgerQueries {
    private static final String ACCOUNTS = "SELECT " + Rows.ACCOUNT_COLUMNS
            + " FROM ledger_accounts a WHERE a.id = ANY (?::uuid[])";
    private static final String TRANSFERS = "SELECT " + Rows.TRANSFER_COLUMNS
            + " FROM ledger_transfers t WHERE t.id = ANY (?::uuid[])";
    private static final String PENDING_STATE = "SELECT " + Rows.TRANSFER_COLUMNS + ", p.id IS NOT NULL, s.flags"
            + " FROM ledger_transfers t LEFT JOIN ledger_pending p ON p.id = t.id"
            + " LEFT JOIN ledger_transfers s ON s.pending_id = t.id AND s.flags & 12 <> 0 WHERE t.id = ?";
    /** An account's transfers as debit and as credit, merged by timestamp: each side reads its own index. */
    private static final String ACCOUNT_TRANSFERS = "SELECT * FROM ("
            + "(SELECT " + Rows.TRANSFER_COLUMNS + " FROM ledger_transfers t"
            + " WHERE t.debit_account_id = ? AND t.\"timestamp\" > ? ORDER BY t.\"timestamp\" LIMIT ?)"
            + " UNION ALL (SELECT " + Rows.TRANSFER_COLUMNS + " FROM ledger_transfers t"
            + " WHERE t.credit_account_id = ? AND t.\"timestamp\" > ? ORDER BY t.\"timestamp\" LIMIT ?)) AS page"
            + " ORDER BY 10 LIMIT ?";
    private static final String HAS_POSTED = "SELECT debits_posted <> 0 OR credits_posted <> 0"
            + " FROM ledger_accounts WHERE id = ?";

    private LedgerQueries() {
    }

    static List<Account> accounts(Connection connection, List<UUID> ids) throws SQLException {
        return inOrder(ids, byId(connection, ACCOUNTS, ids, Rows::account), Account::id);
    }

    static List<Transfer> transfers(Connection connection, List<UUID> ids) throws SQLException {
        return inOrder(ids, byId(connection, TRANSFERS, ids, Rows::transfer), Transfer::id);
    }

    static Optional<PendingState> pendingState(Connection connection, UUID pendingId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(PENDING_STATE)) {
            statement.setObject(1, pendingId);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next() || !Rows.transfer(rows).flags().pending()) return Optional.empty();
                return Optional.of(BatchWriter.pendingState(rows));
            }
        }
    }

    static TransferPage accountTransfers(Connection connection, UUID accountId, long cursor, int limit)
            throws SQLException {
        List<Transfer> found = new ArrayList<>(limit + 1);
        try (PreparedStatement statement = connection.prepareStatement(ACCOUNT_TRANSFERS)) {
            // One more than asked tells whether another page exists.
            statement.setObject(1, accountId);
            statement.setLong(2, cursor);
            statement.setInt(3, limit + 1);
            statement.setObject(4, accountId);
            statement.setLong(5, cursor);
            statement.setInt(6, limit + 1);
            statement.setInt(7, limit + 1);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) found.add(Rows.transfer(rows));
            }
        }
        boolean hasMore = found.size() > limit;
        List<Transfer> page = hasMore ? found.subList(0, limit) : found;
        return new TransferPage(page, page.isEmpty() ? cursor : page.get(page.size() - 1).timestamp(), hasMore);
    }

    static boolean hasPostedTransfers(Connection connection, UUID accountId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(HAS_POSTED)) {
            statement.setObject(1, accountId);
            try (ResultSet rows = statement.executeQuery()) {
                // Posted balances never go down and every posted transfer moves a nonzero amount.
                return rows.next() && rows.getBoolean(1);
            }
        }
    }

    /** A row mapper that may fail as JDBC does. */
    @FunctionalInterface
    private interface Mapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private static <T> List<T> byId(Connection connection, String sql, List<UUID> ids, Mapper<T> mapper)
            throws SQLException {
        List<T> found = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, Rows.uuids(connection, ids));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) found.add(mapper.map(rows));
            }
        }
        return found;
    }

    private static <T> List<T> inOrder(List<UUID> ids, List<T> found, Function<T, UUID> idOf) {
        Map<UUID, T> byId = new HashMap<>();
        found.forEach(item -> byId.put(idOf.apply(item), item));
        return ids.stream().map(byId::get).filter(item -> item != null).toList();
    }
}
