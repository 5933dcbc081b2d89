package org.kiungo.ledger.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.kiungo.ledger.Account;
import org.kiungo.ledger.Transfer;

/**
 * Writes what a batch changed in one statement and commits in the same round trip: every insert, delete and update
 * rides in data-modifying CTEs over arrays, so the round trip and the statement are the same for one transfer or
 * thousands.
 */
final class BatchWrites {
    private static final String WRITE = "WITH new_accounts AS (INSERT INTO ledger_accounts"
            + " (id, ledger, code, flags, debits_pending, debits_posted, credits_pending, credits_posted,"
            + " \"timestamp\", last_timestamp)"
            + " SELECT id, ledger, code, flags, ledger_u64(dp), ledger_u64(dpo), ledger_u64(cp), ledger_u64(cpo),"
            + " ts, ?::bigint FROM unnest(?::uuid[], ?::int[], ?::int[], ?::int[], ?::bigint[], ?::bigint[],"
            + " ?::bigint[], ?::bigint[], ?::bigint[]) AS v(id, ledger, code, flags, dp, dpo, cp, cpo, ts)),"
            + " new_transfers AS (INSERT INTO ledger_transfers (id, debit_account_id, credit_account_id, amount,"
            + " pending_id, ledger, code, flags, timeout_seconds, \"timestamp\")"
            + " SELECT id, debit, credit, ledger_u64(amount), pending, ledger, code, flags, timeout, ts"
            + " FROM unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::bigint[], ?::uuid[], ?::int[], ?::int[], ?::int[],"
            + " ?::bigint[], ?::bigint[]) AS v(id, debit, credit, amount, pending, ledger, code, flags, timeout, ts)),"
            + " opened AS (INSERT INTO ledger_pending (id, expires_at)"
            + " SELECT * FROM unnest(?::uuid[], ?::bigint[])),"
            + " closed AS (DELETE FROM ledger_pending WHERE id = ANY (?::uuid[]))"
            + " UPDATE ledger_accounts a SET debits_pending = ledger_u64(v.dp), debits_posted = ledger_u64(v.dpo),"
            + " credits_pending = ledger_u64(v.cp), credits_posted = ledger_u64(v.cpo), last_timestamp = ?::bigint"
            + " FROM unnest(?::uuid[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[]) AS v(id, dp, dpo, cp, cpo)"
            + " WHERE a.id = v.id;\n"
            // Sent with the write rather than after it: one round trip fewer per batch. Should the write fail, the
            // server skips the COMMIT and the transaction is left to roll back.
            + "COMMIT";

    /**
     * Writes {@code changes} and commits the transaction; {@code lastTimestamp} is the newest timestamp the batch
     * gave out.
     */
    void writeAndCommit(Connection connection, BatchState.Changes changes, long lastTimestamp) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(WRITE)) {
            int next = 1;
            statement.setLong(next++, lastTimestamp);
            next = setAccounts(connection, statement, next, changes.insertedAccounts(), true);
            next = setTransfers(connection, statement, next, changes.transfers());
            statement.setArray(next++, Rows.uuids(connection, changes.openedReservations().keySet()));
            statement.setArray(next++, Rows.longs(connection, changes.openedReservations().values().stream()
                    .mapToLong(Long::longValue).toArray()));
            statement.setArray(next++, Rows.uuids(connection, changes.closedReservations()));
            statement.setLong(next++, lastTimestamp);
            setAccounts(connection, statement, next, changes.updatedAccounts(), false);
            statement.execute();
        }
    }

    /** Sets the array parameters of {@code accounts} from {@code first}; returns the next parameter's index. */
    private static int setAccounts(Connection connection, PreparedStatement statement, int first,
                                   List<Account> accounts, boolean withFields) throws SQLException {
        int size = accounts.size();
        List<UUID> ids = new ArrayList<>(size);
        int[] ledgers = new int[size];
        int[] codes = new int[size];
        int[] flags = new int[size];
        long[][] balances = new long[4][size];
        long[] timestamps = new long[size];
        for (int i = 0; i < size; i++) {
            Account account = accounts.get(i);
            ids.add(account.id());
            ledgers[i] = account.ledger();
            codes[i] = account.code();
            flags[i] = account.flags().bits();
            balances[0][i] = account.debitsPending();
            balances[1][i] = account.debitsPosted();
            balances[2][i] = account.creditsPending();
            balances[3][i] = account.creditsPosted();
            timestamps[i] = account.timestamp();
        }
        int next = first;
        statement.setArray(next++, Rows.uuids(connection, ids));
        if (withFields) {
            statement.setArray(next++, Rows.ints(connection, ledgers));
            statement.setArray(next++, Rows.ints(connection, codes));
            statement.setArray(next++, Rows.ints(connection, flags));
        }
        for (long[] balance : balances) {
            statement.setArray(next++, Rows.longs(connection, balance));
        }
        if (withFields) statement.setArray(next++, Rows.longs(connection, timestamps));
        return next;
    }

    private static int setTransfers(Connection connection, PreparedStatement statement, int first,
                                    List<Transfer> transfers) throws SQLException {
        int size = transfers.size();
        List<UUID> ids = new ArrayList<>(size);
        List<UUID> debits = new ArrayList<>(size);
        List<UUID> credits = new ArrayList<>(size);
        List<UUID> pendingIds = new ArrayList<>(size);
        long[] amounts = new long[size];
        int[][] fields = new int[3][size];
        long[] timeouts = new long[size];
        long[] timestamps = new long[size];
        for (int i = 0; i < size; i++) {
            Transfer transfer = transfers.get(i);
            ids.add(transfer.id());
            debits.add(transfer.debitAccountId());
            credits.add(transfer.creditAccountId());
            pendingIds.add(transfer.pendingId());
            amounts[i] = transfer.amount();
            fields[0][i] = transfer.ledger();
            fields[1][i] = transfer.code();
            fields[2][i] = transfer.flags().bits();
            timeouts[i] = transfer.timeoutSeconds();
            timestamps[i] = transfer.timestamp();
        }
        int next = first;
        statement.setArray(next++, Rows.uuids(connection, ids));
        statement.setArray(next++, Rows.uuids(connection, debits));
        statement.setArray(next++, Rows.uuids(connection, credits));
        statement.setArray(next++, Rows.longs(connection, amounts));
        statement.setArray(next++, Rows.uuids(connection, pendingIds));
        for (int[] field : fields) {
            statement.setArray(next++, Rows.ints(connection, field));
        }
        statement.setArray(next++, Rows.longs(connection, timeouts));
        statement.setArray(next++, Rows.longs(connection, timestamps));
        return next;
    }
}
