package org.kiungo.peering;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** The webhook events and liquidity alarms of {@link SqlPeeringStore}, in its database and transactions. */
final class SqlWebhookEventStore implements WebhookEventStore {
    private static final String COLUMNS = "id, type, data, created_at_ms, attempts, next_attempt_at_ms, "
            + "delivered_at_ms, last_status, last_error";

    private final SqlPeeringStore store;

    SqlWebhookEventStore(SqlPeeringStore store) {
        this.store = store;
    }

    @Override
    public void recordAlarm(UUID accountId, LiquidityAlarm alarm, List<WebhookEvent> raised) {
        store.transaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE liquidity_alarms SET low_raised = ?, high_raised = ? WHERE account_id = ?")) {
                update.setBoolean(1, alarm.lowRaised());
                update.setBoolean(2, alarm.highRaised());
                update.setString(3, accountId.toString());
                if (update.executeUpdate() == 0) {
                    insertAlarm(connection, accountId, alarm);
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO webhook_events (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (WebhookEvent event : raised) {
                    insert.setString(1, event.id().toString());
                    insert.setString(2, event.type());
                    insert.setString(3, event.data());
                    insert.setLong(4, event.createdAt().toEpochMilli());
                    bindDelivery(insert, 5, event);
                    insert.executeUpdate();
                }
            }
            return null;
        }, "the liquidity alarm of account " + accountId + " was recorded twice at once");
    }

    @Override
    public Map<UUID, LiquidityAlarm> alarms() {
        return store.transaction(connection -> {
            Map<UUID, LiquidityAlarm> alarms = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT account_id, low_raised, high_raised FROM liquidity_alarms");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    alarms.put(UUID.fromString(rows.getString(1)),
                            new LiquidityAlarm(rows.getBoolean(2), rows.getBoolean(3)));
                }
            }
            return alarms;
        }, "");
    }

    @Override
    public List<WebhookEvent> due(Instant now, int limit) {
        return select("SELECT " + COLUMNS + " FROM webhook_events WHERE next_attempt_at_ms <= ? "
                + "ORDER BY next_attempt_at_ms, id", statement -> {
                    statement.setLong(1, now.toEpochMilli());
                    statement.setMaxRows(limit);
                });
    }

    @Override
    public void updateDelivery(WebhookEvent event) {
        store.transaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE webhook_events SET attempts = ?, "
                    + "next_attempt_at_ms = ?, delivered_at_ms = ?, last_status = ?, last_error = ? WHERE id = ?")) {
                bindDelivery(update, 1, event);
                update.setString(6, event.id().toString());
                update.executeUpdate();
            }
            return null;
        }, "");
    }

    @Override
    public Optional<WebhookEvent> event(UUID id) {
        return select("SELECT " + COLUMNS + " FROM webhook_events WHERE id = ?",
                statement -> statement.setString(1, id.toString())).stream().findFirst();
    }

    @Override
    public Page<WebhookEvent> events(Set<String> types, Page.Request request) {
        return store.transaction(connection -> SqlPages.page(connection, "webhook_events", COLUMNS, "type",
                new TreeSet<>(types), request, SqlWebhookEventStore::event), "");
    }

    private List<WebhookEvent> select(String sql, Binder binder) {
        return store.transaction(connection -> {
            List<WebhookEvent> events = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                binder.bind(select);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        events.add(event(rows));
                    }
                }
            }
            return events;
        }, "");
    }

    private static void insertAlarm(Connection connection, UUID accountId, LiquidityAlarm alarm)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO liquidity_alarms (account_id, low_raised, high_raised) VALUES (?, ?, ?)")) {
            insert.setString(1, accountId.toString());
            insert.setBoolean(2, alarm.lowRaised());
            insert.setBoolean(3, alarm.highRaised());
            insert.executeUpdate();
        }
    }

    /** Binds attempts, next attempt, delivery time, last status and last error from {@code first} on. */
    private static void bindDelivery(PreparedStatement statement, int first, WebhookEvent event)
            throws SQLException {
        statement.setInt(first, event.attempts());
        setInstant(statement, first + 1, event.nextAttemptAt());
        setInstant(statement, first + 2, event.deliveredAt());
        if (event.lastStatus().isPresent()) {
            statement.setInt(first + 3, event.lastStatus().getAsInt());
        } else {
            statement.setNull(first + 3, Types.INTEGER);
        }
        statement.setString(first + 4, event.lastError().orElse(null));
    }

    private static void setInstant(PreparedStatement statement, int index, Optional<Instant> value)
            throws SQLException {
        if (value.isPresent()) {
            statement.setLong(index, value.get().toEpochMilli());
        } else {
            statement.setNull(index, Types.BIGINT);
        }
    }

    private static WebhookEvent event(ResultSet row) throws SQLException {
        int status = row.getInt(8);
        OptionalInt lastStatus = row.wasNull() ? OptionalInt.empty() : OptionalInt.of(status);
        return new WebhookEvent(UUID.fromString(row.getString(1)), row.getString(2), row.getString(3),
                Instant.ofEpochMilli(row.getLong(4)), row.getInt(5), instant(row, 6), instant(row, 7), lastStatus,
                Optional.ofNullable(row.getString(9)));
    }

    private static Optional<Instant> instant(ResultSet row, int index) throws SQLException {
        long value = row.getLong(index);
        return row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(value));
    }

    /** Sets a statement's parameters. */
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }
}
