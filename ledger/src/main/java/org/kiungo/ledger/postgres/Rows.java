package org.kiungo.ledger.postgres;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.UUID;
import org.kiungo.ledger.Account;
import org.kiungo.ledger.AccountFlags;
import org.kiungo.ledger.Transfer;
import org.kiungo.ledger.TransferFlags;
import org.postgresql.PGConnection;

/**
 * Rows to model records and Java values to SQL arrays. Amounts travel as the 64 bits of a Java long; the SQL
 * functions {@code ledger_u64} and {@code ledger_bits} of the schema turn them into exact numerics and back.
 */
final class Rows {
    /** The columns {@link #account} reads, in its order. */
    static final String ACCOUNT_COLUMNS = "a.id, a.ledger, a.code, a.flags, ledger_bits(a.debits_pending), "
            + "ledger_bits(a.debits_posted), ledger_bits(a.credits_pending), ledger_bits(a.credits_posted), "
            + "a.\"timestamp\", a.last_timestamp";
    /** The columns {@link #transfer} reads, in its order. */
    static final String TRANSFER_COLUMNS = "t.id, t.debit_account_id, t.credit_account_id, ledger_bits(t.amount), "
            + "t.pending_id, t.ledger, t.code, t.flags, t.timeout_seconds, t.\"timestamp\"";

    private Rows() {
    }

    static Account account(ResultSet row) throws SQLException {
        return new Account(row.getObject(1, UUID.class), row.getInt(2), row.getInt(3), new AccountFlags(row.getInt(4)),
                row.getLong(5), row.getLong(6), row.getLong(7), row.getLong(8), row.getLong(9));
    }

    static Transfer transfer(ResultSet row) throws SQLException {
        return new Transfer(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getObject(3, UUID.class),
                row.getLong(4), row.getObject(5, UUID.class), row.getInt(6), row.getInt(7),
                new TransferFlags(row.getInt(8)), row.getLong(9), row.getLong(10));
    }

    static Array uuids(Connection connection, Collection<UUID> ids) throws SQLException {
        return connection.createArrayOf("uuid", ids.toArray(new UUID[0]));
    }

    static Array longs(Connection connection, long[] values) throws SQLException {
        return connection.unwrap(PGConnection.class).createArrayOf("int8", values);
    }

    static Array ints(Connection connection, int[] values) throws SQLException {
        return connection.unwrap(PGConnection.class).createArrayOf("int4", values);
    }
}
