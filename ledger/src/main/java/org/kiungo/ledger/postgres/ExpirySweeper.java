package org.kiungo.ledger.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Releases reservations whose deadline has passed, at most {@link #EXPIRE_MAX} per sweep. Deadlines are compared
 * with the engine's clock, passed in, never the database's {@code now()}. Safe with several engines sweeping at
 * once: a reservation only changes under the locks of its two accounts, and the sweeper takes them with
 * {@code SKIP LOCKED}, leaving a reservation whose accounts are busy to the next sweep rather than waiting.
 */
final class ExpirySweeper {
    /** Most reservations released by one sweep, so that a burst of expiries never holds accounts for long. */
    static final int EXPIRE_MAX = 4096;

    private static final String DUE = "SELECT p.id, t.debit_account_id, t.credit_account_id FROM ledger_pending p"
            + " JOIN ledger_transfers t ON t.id = p.id WHERE p.expires_at <= ? ORDER BY p.expires_at LIMIT ?";
    private static final String LOCK = "SELECT id FROM ledger_accounts WHERE id = ANY (?::uuid[])"
            + " ORDER BY id FOR UPDATE SKIP LOCKED";
    /** Runs after the locks are held, so it sees every post or void committed before: those rows are gone. */
    private static final String EXPIRE = "WITH expired AS (DELETE FROM ledger_pending p USING ledger_transfers t"
            + " WHERE p.id = ANY (?::uuid[]) AND p.expires_at <= ? AND t.id = p.id"
            + " RETURNING t.debit_account_id, t.credit_account_id, t.amount),"
            + " released AS (SELECT id, sum(dp) AS dp, sum(cp) AS cp FROM ("
            + " SELECT debit_account_id, amount, 0 FROM expired"
            + " UNION ALL SELECT credit_account_id, 0, amount FROM expired) AS r(id, dp, cp) GROUP BY id)"
            + " UPDATE ledger_accounts a SET debits_pending = a.debits_pending - r.dp,"
            + " credits_pending = a.credits_pending - r.cp FROM released r WHERE a.id = r.id";

    /** A due reservation and the two accounts it holds amounts of. */
    private record Due(UUID id, UUID debit, UUID credit) {
    }

    private final DataSource dataSource;

    ExpirySweeper(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Expires what is due at {@code nowNanos}; returns how many reservations were due, at most the maximum. */
    int sweep(long nowNanos) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            List<Due> due = due(connection, nowNanos);
            if (due.isEmpty()) return 0;
            connection.setAutoCommit(false);
            try {
                expire(connection, due, nowNanos);
                connection.commit();
                return due.size();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static List<Due> due(Connection connection, long nowNanos) throws SQLException {
        List<Due> due = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(DUE)) {
            statement.setLong(1, nowNanos);
            statement.setInt(2, EXPIRE_MAX);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    due.add(new Due(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class),
                            rows.getObject(3, UUID.class)));
                }
            }
        }
        return due;
    }

    private static void expire(Connection connection, List<Due> due, long nowNanos) throws SQLException {
        Set<UUID> accounts = new HashSet<>();
        due.forEach(d -> {
            accounts.add(d.debit());
            accounts.add(d.credit());
        });
        Set<UUID> locked = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(LOCK)) {
            statement.setArray(1, Rows.uuids(connection, accounts));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) locked.add(rows.getObject(1, UUID.class));
            }
        }
        List<UUID> expirable = due.stream()
                .filter(d -> locked.contains(d.debit()) && locked.contains(d.credit())).map(Due::id).toList();
        if (expirable.isEmpty()) return;
        try (PreparedStatement statement = connection.prepareStatement(EXPIRE)) {
            statement.setArray(1, Rows.uuids(connection, expirable));
            statement.setLong(2, nowNanos);
            statement.executeUpdate();
        }
    }
}
