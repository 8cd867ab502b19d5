package dev.faultline.engine.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** PostgreSQL's {@code NOTIFY} with a payload, bound as a parameter ({@code pg_notify}). */
final class Notify {
    private Notify() {}

    static void send(Connection c, String channel, String payload) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            ps.setString(1, channel);
            ps.setString(2, payload);
            ps.execute();
        }
    }
}
