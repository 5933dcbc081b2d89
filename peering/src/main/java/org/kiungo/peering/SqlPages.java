package org.kiungo.peering;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** Keyset pagination over a store table whose rows have an {@code id} and a {@code created_at_ms}. */
final class SqlPages {
    private SqlPages() {
    }

    /**
     * A keyset page in list order (creation time, then id) of the rows whose {@code column} is one of
     * {@code values} (every row when {@code values} is empty): the cursor's row is looked up, then at most
     * {@code size + 1} rows beyond it are read, whatever the table holds.
     */
    static <T> Page<T> page(Connection connection, String table, String columns, String column,
                            Collection<String> values, Page.Request request, SqlRows.Mapper<T> mapper)
            throws SQLException {
        String beyond = request.backwards() ? "<" : ">";
        String order = request.backwards() ? " DESC" : "";
        List<String> conditions = new ArrayList<>();
        if (!values.isEmpty()) {
            conditions.add(column + " IN (" + String.join(", ", Collections.nCopies(values.size(), "?")) + ")");
        }
        if (request.cursor().isPresent()) {
            conditions.add("(created_at_ms " + beyond + " ? OR (created_at_ms = ? AND id " + beyond + " ?))");
        }
        String sql = "SELECT " + columns + " FROM " + table
                + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions))
                + " ORDER BY created_at_ms" + order + ", id" + order + " LIMIT ?";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            int parameter = 1;
            for (String value : values) {
                select.setString(parameter++, value);
            }
            if (request.cursor().isPresent()) {
                long cursorCreatedAtMs = cursorCreatedAtMs(connection, table, request);
                select.setLong(parameter++, cursorCreatedAtMs);
                select.setLong(parameter++, cursorCreatedAtMs);
                select.setString(parameter++, request.cursor().get());
            }
            select.setInt(parameter, request.size() + 1);
            List<T> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(mapper.map(result));
                }
            }
            return request.page(rows);
        }
    }

    private static long cursorCreatedAtMs(Connection connection, String table, Page.Request request)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT created_at_ms FROM " + table
                + " WHERE id = ?")) {
            select.setString(1, request.cursor().get());
            try (ResultSet result = select.executeQuery()) {
                if (!result.next()) {
                    throw request.unknownCursor();
                }
                return result.getLong(1);
            }
        }
    }
}
