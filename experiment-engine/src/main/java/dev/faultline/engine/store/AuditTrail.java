package dev.faultline.engine.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Who started, halted, released and edited what ({@code audit_entry}, migration V9): the store's
 * login, this machine, the time, what was done to which run, GameDay run or role. Entries are only
 * added; on an enforced shared store the database takes an entry only under the connected login
 * and lets nobody change or delete one (db/team/roles.sql).
 */
public final class AuditTrail {
    /** One thing done: when, by which login on which machine, what, to what, and its details. */
    public record Entry(Instant at, String login, String host, String action, String subject, String detail) {}

    private final FaultlineStore store;

    AuditTrail(FaultlineStore store) {
        this.store = store;
    }

    /** Keeps that this desktop's login did {@code action} to {@code subject}. */
    public void record(String action, String subject, String detail) throws StoreException {
        synchronized (store) {
            store.execute("keep in the audit trail that " + store.login() + " " + action, () -> {
                try (PreparedStatement ps = store.connection()
                        .prepareStatement("INSERT INTO audit_entry (at, login, host, action, subject, detail)"
                                + " VALUES (?, ?, ?, ?, ?, ?)")) {
                    ps.setObject(1, FaultlineStore.time(Instant.now()));
                    ps.setString(2, FaultlineStore.clip(store.login(), 128));
                    ps.setString(3, ThisMachine.name());
                    ps.setString(4, FaultlineStore.clip(action, 32));
                    ps.setString(5, FaultlineStore.clip(subject, 200));
                    ps.setString(6, FaultlineStore.clip(detail, 4000));
                    ps.executeUpdate();
                }
            });
        }
    }

    /** The entries about {@code subjects} (runs, a GameDay run), oldest first. */
    public List<Entry> about(List<String> subjects) throws StoreException {
        if (subjects.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(subjects.size(), "?"));
        return read(
                "SELECT at, login, host, action, subject, detail FROM audit_entry WHERE subject IN (" + marks
                        + ") ORDER BY id",
                subjects,
                null);
    }

    /** The newest {@code limit} entries, oldest first. */
    public List<Entry> recent(int limit) throws StoreException {
        List<Entry> newestFirst = read(
                "SELECT at, login, host, action, subject, detail FROM audit_entry ORDER BY id DESC LIMIT ?",
                List.of(),
                Math.max(1, limit));
        List<Entry> out = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(out);
        return out;
    }

    private List<Entry> read(String query, List<String> args, @Nullable Integer limit) throws StoreException {
        synchronized (store) {
            return store.sql("read the audit trail", () -> {
                List<Entry> out = new ArrayList<>();
                try (PreparedStatement ps = store.connection().prepareStatement(query)) {
                    int i = 1;
                    for (String a : args) {
                        ps.setString(i++, a);
                    }
                    if (limit != null) {
                        ps.setInt(i, limit);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new Entry(
                                    FaultlineStore.instant(rs, 1),
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getString(6)));
                        }
                    }
                }
                return out;
            });
        }
    }
}
