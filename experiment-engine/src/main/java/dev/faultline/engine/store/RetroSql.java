package dev.faultline.engine.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The retrospective tables' JDBC plumbing: statements bound with typed NULLs, run under the
 * store's lock, failures turned into a {@link StoreException} that says what was being done.
 */
final class RetroSql {
    private final FaultlineStore store;

    RetroSql(FaultlineStore store) {
        this.store = store;
    }

    /** A typed SQL NULL, for {@link #bind}. */
    record Null(int type) {}

    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    static Object nullable(@Nullable Object v, int type) {
        if (v instanceof LocalDate d) {
            return java.sql.Date.valueOf(d);
        }
        return v == null ? new Null(type) : v;
    }

    /** "?, ?, ?" for an IN list of {@code values}. */
    static String marks(Collection<?> values) {
        return String.join(",", values.stream().map(s -> "?").toList());
    }

    static String text(ResultSet rs, int col) throws SQLException {
        String s = rs.getString(col);
        return s == null ? "" : s;
    }

    static @Nullable Long nullableLong(ResultSet rs, int col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }

    static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Null n) {
                ps.setNull(i + 1, n.type());
            } else {
                ps.setObject(i + 1, args[i]);
            }
        }
    }

    <T> List<T> query(String what, String sql, Row<T> row, Object... args) throws StoreException {
        synchronized (store) {
            return store.sql(what, () -> {
                List<T> out = new ArrayList<>();
                try (PreparedStatement ps = store.connection().prepareStatement(sql)) {
                    bind(ps, args);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(row.read(rs));
                        }
                    }
                }
                return out;
            });
        }
    }

    /** One row changed or deleted: true when it was there. */
    boolean update(String what, String sql, Object... args) throws StoreException {
        synchronized (store) {
            return store.sql(what, () -> {
                try (PreparedStatement ps = store.connection().prepareStatement(sql)) {
                    bind(ps, args);
                    return ps.executeUpdate() == 1;
                }
            });
        }
    }

    long insert(String what, String sql, Object... args) throws StoreException {
        synchronized (store) {
            return store.sql(what, () -> {
                Connection c = store.connection();
                try (PreparedStatement ps = c.prepareStatement(sql, PreparedStatement.RETURN_GENERATED_KEYS)) {
                    bind(ps, args);
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        return keys.getLong(1);
                    }
                }
            });
        }
    }
}
