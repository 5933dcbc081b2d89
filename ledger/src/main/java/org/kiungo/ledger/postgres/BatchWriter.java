package org.kiungo.ledger.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.kiungo.ledger.Account;
import org.kiungo.ledger.Ids;
import org.kiungo.ledger.PendingState;
import org.kiungo.ledger.Transfer;
import org.kiungo.ledger.TransferFlags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one batch of write calls in one transaction of two round trips: lock and read what the batch touches,
 * then write what it changed and commit. The rules run in Java between the two (see the package documentation for
 * why), so a batch of thousands of transfers costs the same two round trips as one.
 */
final class BatchWriter {
    /** Most attempts at a batch that meets a deadlock or a concurrent insert of the same id by another engine. */
    static final int ATTEMPTS_MAX = 5;

    private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);

    /**
     * Chooses how the transaction commits (see {@link #write}) and plans (below), then locks every account the batch
     * names or that the pending transfers it settles name, in id order so that engines sharing the database never
     * deadlock on them; the last statement runs after the locks are held, so it reads the transfers and reservation
     * states as they stand once nobody else can change them. Every statement finds its rows by key, through the
     * ids in its arrays and subqueries on one row each, so that no plan can scan a table whose size it misjudged:
     * a join to the settling transfers, planned while the table was small, had turned into a scan of every post,
     * the batch's largest cost (1.3 to 1.8 ms with 30,000 transfers, growing with the table). As the plans are
     * then right whatever the arrays hold, one generic plan serves every batch; planning afresh for each cost the
     * server more than running the statements (0.35 ms against 0.06 for the locking one, measured).
     */
    private static final String LOCK_AND_READ = "SELECT set_config('synchronous_commit',"
            + " CASE WHEN ? THEN current_setting('synchronous_commit') ELSE 'off' END, true),"
            + " set_config('plan_cache_mode', 'force_generic_plan', true);\n"
            + "SELECT " + Rows.ACCOUNT_COLUMNS + " FROM ledger_accounts a WHERE a.id = ANY (ARRAY("
            + "SELECT unnest(?::uuid[]) UNION SELECT unnest(ARRAY[debit_account_id, credit_account_id])"
            + " FROM ledger_transfers WHERE id = ANY (?::uuid[]))) ORDER BY a.id FOR UPDATE;\n"
            + "SELECT " + Rows.TRANSFER_COLUMNS + ", EXISTS (SELECT FROM ledger_pending p WHERE p.id = t.id),"
            + " (SELECT s.flags FROM ledger_transfers s WHERE s.pending_id = t.id AND s.flags & 12 <> 0)"
            + " FROM ledger_transfers t WHERE t.id = ANY (?::uuid[])";

    private final DataSource dataSource;
    private final BatchWrites writes = new BatchWrites();
    private long lastTimestamp;

    BatchWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Applies {@code calls} (account and transfer creations) in order at time {@code nowNanos} and commits; returns
     * one result list per call. A batch of nothing but reservations and voids commits asynchronously (see the
     * package documentation); every other batch waits for the disk as the server's {@code synchronous_commit} says.
     */
    List<List<?>> write(List<Call> calls, long nowNanos) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    BatchState state = lockAndRead(connection, calls, nowNanos);
                    List<List<?>> results = apply(state, calls);
                    BatchState.Changes changes = state.changes();
                    // The write carries the COMMIT in its round trip; commit() then only ends an empty batch.
                    if (!changes.isEmpty()) writes.writeAndCommit(connection, changes, state.lastTimestamp());
                    connection.commit();
                    lastTimestamp = Math.max(lastTimestamp, state.lastTimestamp());
                    return results;
                } catch (SQLException e) {
                    connection.rollback();
                    if (attempt >= ATTEMPTS_MAX || !retryable(e)) throw e;
                    LOG.debug("ledger batch retried after {}", e.getSQLState());
                }
            }
        }
    }

    /** A deadlock, a serialization failure or an id inserted meanwhile by another engine: the retry sees it. */
    private static boolean retryable(SQLException e) {
        String state = e.getSQLState();
        return "40P01".equals(state) || "40001".equals(state) || "23505".equals(state);
    }

    private static List<List<?>> apply(BatchState state, List<Call> calls) {
        List<List<?>> results = new ArrayList<>(calls.size());
        for (Call call : calls) {
            switch (call) {
                case Call.CreateAccounts c -> results.add(state.createAccounts(c.accounts()));
                case Call.CreateTransfers c -> results.add(state.createTransfers(c.transfers()));
                default -> throw new IllegalArgumentException("not a write: " + call);
            }
        }
        return results;
    }

    private BatchState lockAndRead(Connection connection, List<Call> calls, long nowNanos) throws SQLException {
        Set<UUID> accountIds = new LinkedHashSet<>();
        Set<UUID> transferIds = new LinkedHashSet<>();
        Set<UUID> pendingIds = new LinkedHashSet<>();
        for (Call call : calls) {
            if (call instanceof Call.CreateAccounts c) c.accounts().forEach(a -> accountIds.add(a.id()));
            if (call instanceof Call.CreateTransfers c) collect(c.transfers(), accountIds, transferIds, pendingIds);
        }
        transferIds.addAll(pendingIds);
        Map<UUID, Account> accounts = new HashMap<>();
        Map<UUID, Transfer> transfers = new HashMap<>();
        Map<UUID, PendingState> pendingStates = new HashMap<>();
        long floor = lastTimestamp;
        try (PreparedStatement statement = connection.prepareStatement(LOCK_AND_READ)) {
            statement.setBoolean(1, calls.stream().anyMatch(BatchWriter::durable));
            statement.setArray(2, Rows.uuids(connection, accountIds));
            statement.setArray(3, Rows.uuids(connection, pendingIds));
            statement.setArray(4, Rows.uuids(connection, transferIds));
            statement.execute();
            statement.getMoreResults();
            try (ResultSet rows = statement.getResultSet()) {
                while (rows.next()) {
                    Account account = Rows.account(rows);
                    accounts.put(account.id(), account);
                    floor = Math.max(floor, rows.getLong(10));
                }
            }
            statement.getMoreResults();
            try (ResultSet rows = statement.getResultSet()) {
                while (rows.next()) {
                    Transfer transfer = Rows.transfer(rows);
                    transfers.put(transfer.id(), transfer);
                    if (transfer.flags().pending()) pendingStates.put(transfer.id(), pendingState(rows));
                }
            }
        }
        return new BatchState(accounts, transfers, pendingStates, nowNanos, floor);
    }

    /** Whether the call must be on disk before its future completes: all but reservations and voids. */
    private static boolean durable(Call call) {
        return !(call instanceof Call.CreateTransfers c) || c.durable();
    }

    private static void collect(List<Transfer> transfers, Set<UUID> accountIds, Set<UUID> transferIds,
                                Set<UUID> pendingIds) {
        for (Transfer transfer : transfers) {
            transferIds.add(transfer.id());
            if (!Ids.reserved(transfer.debitAccountId())) accountIds.add(transfer.debitAccountId());
            if (!Ids.reserved(transfer.creditAccountId())) accountIds.add(transfer.creditAccountId());
            if (!Ids.reserved(transfer.pendingId())) pendingIds.add(transfer.pendingId());
        }
    }

    /** Reserved while its row is in {@code ledger_pending}; otherwise settled by a post, a void, or expired. */
    static PendingState pendingState(ResultSet row) throws SQLException {
        if (row.getBoolean(11)) return PendingState.PENDING;
        int settledBy = row.getInt(12);
        if (row.wasNull()) return PendingState.EXPIRED;
        return new TransferFlags(settledBy).postPending() ? PendingState.POSTED : PendingState.VOIDED;
    }
}
