package dev.faultline.engine.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kill switch a team shares through its store ({@code store_halt}, migration V8): a HALT pressed
 * on any desktop, with who pressed it and why, latched for everyone until someone releases it with
 * a reason. A press is announced ({@code NOTIFY faultline_halt}) when it commits; every runner
 * {@link #watch}es and halts its own runs through its own kill switch, which goes on working
 * alone when the store is down.
 */
public final class SharedKillSwitch {
    private static final Logger log = LoggerFactory.getLogger(SharedKillSwitch.class);
    static final String CHANNEL = "faultline_halt";
    /** The audit trail's subject for presses and releases of this switch. */
    public static final String AUDIT_SUBJECT = "team kill switch";
    /** How often a watcher reads the table whatever it heard (the fallback for a lost notification). */
    static final Duration POLL = Duration.ofMillis(500);

    /** A press that is not released yet. */
    public record Press(long id, Instant at, String by, String reason) {}

    /** What a watcher is told. */
    public interface Watcher {
        void pressed(Press press);

        void released(String by, String reason);
    }

    private final FaultlineStore store;

    public SharedKillSwitch(FaultlineStore store) {
        this.store = store;
    }

    /** Presses the shared switch (a second press while engaged is kept too: who else pressed, and why). */
    public Press press(String by, String reason, Instant at) throws StoreException {
        if (reason.isBlank() || by.isBlank()) {
            throw new IllegalArgumentException("say who halts and why");
        }
        Press press;
        synchronized (store) {
            press = store.sql("press the shared kill switch", () -> {
                Connection c = store.connection();
                long id;
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO store_halt (pressed_at, pressed_by, reason) VALUES (?, ?, ?)",
                        PreparedStatement.RETURN_GENERATED_KEYS)) {
                    ps.setObject(1, FaultlineStore.time(at));
                    ps.setString(2, FaultlineStore.clip(by, 200));
                    ps.setString(3, FaultlineStore.clip(reason, 4000));
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                }
                if (store.shared()) {
                    Notify.send(c, CHANNEL, "pressed " + id);
                }
                return new Press(id, at, by, reason);
            });
        }
        try {
            store.audit().record("halt pressed", AUDIT_SUBJECT, "by " + by + ": " + reason);
        } catch (StoreException e) {
            // the press is in: every runner halts; only its audit entry is missing
            log.error("the team's kill switch is pressed, but not in the audit trail: {}", e.getMessage());
        }
        return press;
    }

    /** Releases every press; false when none was engaged. */
    public boolean release(String by, String reason, Instant at) throws StoreException {
        return release(by, reason, at, null);
    }

    /**
     * A release made on a desktop while the store was away, now that it is back: releases the presses
     * made before {@code releasedAt} (a press made after it stays engaged), at the store's time now,
     * with who released and why; false when none was engaged from before.
     */
    public boolean releaseFrom(String by, String reason, Instant releasedAt) throws StoreException {
        return release(by, reason, Instant.now(), releasedAt);
    }

    private boolean release(String by, String reason, Instant at, @org.jspecify.annotations.Nullable Instant before)
            throws StoreException {
        if (reason.isBlank() || by.isBlank()) {
            throw new IllegalArgumentException("say who releases the kill switch and why");
        }
        boolean released;
        synchronized (store) {
            released = store.sql("release the shared kill switch", () -> {
                Connection c = store.connection();
                int n;
                try (PreparedStatement ps = c.prepareStatement("UPDATE store_halt SET released_at = ?, released_by = ?,"
                        + " release_note = ? WHERE released_at IS NULL"
                        + (before == null ? "" : " AND pressed_at <= ?"))) {
                    ps.setObject(1, FaultlineStore.time(at));
                    ps.setString(2, FaultlineStore.clip(by, 200));
                    ps.setString(3, FaultlineStore.clip(reason, 4000));
                    if (before != null) {
                        ps.setObject(4, FaultlineStore.time(before));
                    }
                    n = ps.executeUpdate();
                }
                if (n > 0 && store.shared()) {
                    Notify.send(c, CHANNEL, "released");
                }
                return n > 0;
            });
        }
        if (released) {
            store.audit().record("halt released", AUDIT_SUBJECT, "by " + by + ": " + reason);
        }
        return released;
    }

    /** The newest press not released yet. */
    public Optional<Press> engaged() throws StoreException {
        synchronized (store) {
            return store.sql("read the shared kill switch", () -> engagedOn(store.connection()));
        }
    }

    static Optional<Press> engagedOn(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT id, pressed_at, pressed_by, reason FROM store_halt"
                        + " WHERE released_at IS NULL ORDER BY id DESC LIMIT 1")) {
            return rs.next()
                    ? Optional.of(
                            new Press(rs.getLong(1), FaultlineStore.instant(rs, 2), rs.getString(3), rs.getString(4)))
                    : Optional.empty();
        }
    }

    private static Optional<String[]> lastRelease(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT released_by, release_note FROM store_halt"
                        + " WHERE released_at IS NOT NULL ORDER BY released_at DESC, id DESC LIMIT 1")) {
            return rs.next() ? Optional.of(new String[] {rs.getString(1), rs.getString(2)}) : Optional.empty();
        }
    }

    /**
     * Watches the switch on a connection and thread of its own: {@code watcher} hears of a press at
     * once (and of one already engaged when the watch starts), and of the release. Close to stop.
     */
    public AutoCloseable watch(Watcher watcher) throws StoreException {
        Connection c = store.newConnection();
        if (store.shared()) {
            try (Statement st = c.createStatement()) {
                st.execute("LISTEN " + CHANNEL);
            } catch (SQLException e) {
                close(c);
                throw new StoreException(
                        "cannot watch the shared kill switch on " + store.describe() + ": " + Database.rootMessage(e),
                        e);
            }
        }
        Watch w = new Watch(c, watcher);
        w.thread.start();
        return w;
    }

    private final class Watch implements AutoCloseable {
        private Connection c;
        private final Watcher watcher;
        private final Thread thread;
        private @Nullable Long acted;
        private volatile boolean closed;

        Watch(Connection c, Watcher watcher) {
            this.c = c;
            this.watcher = watcher;
            this.thread = new Thread(this::run, "faultline-shared-kill-switch");
            thread.setDaemon(true);
            thread.setPriority(Thread.MAX_PRIORITY);
        }

        private void run() {
            while (!closed) {
                try {
                    check();
                    await();
                } catch (SQLException e) {
                    if (closed) {
                        return;
                    }
                    log.warn(
                            "the shared kill switch cannot be read ({}); this desktop's own switch works as before,"
                                    + " retrying",
                            Database.rootMessage(e));
                    sleep();
                    reconnect();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        private void check() throws SQLException {
            Optional<Press> now = engagedOn(c);
            if (now.isPresent() && !Long.valueOf(now.get().id()).equals(acted)) {
                acted = now.get().id();
                watcher.pressed(now.get());
            } else if (now.isEmpty() && acted != null) {
                acted = null;
                String[] r = lastRelease(c).orElse(new String[] {"someone", "released"});
                watcher.released(r[0], r[1]);
            }
        }

        private void await() throws SQLException, InterruptedException {
            if (!store.shared()) {
                Thread.sleep(POLL.toMillis());
                return;
            }
            c.unwrap(PGConnection.class).getNotifications((int) POLL.toMillis());
        }

        /** A new connection (and LISTEN) after the store went away; the old one is closed. */
        private void reconnect() {
            try {
                Connection fresh = store.newConnection();
                if (store.shared()) {
                    try (Statement st = fresh.createStatement()) {
                        st.execute("LISTEN " + CHANNEL);
                    }
                }
                SharedKillSwitch.close(c);
                c = fresh;
            } catch (StoreException | SQLException e) {
                // still away: the next round tries again
            }
        }

        private void sleep() {
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closed = true;
            }
        }

        @Override
        public void close() {
            closed = true;
            try {
                thread.join(TimeUnit.MILLISECONDS.toMillis(POLL.toMillis() * 4));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            SharedKillSwitch.close(c);
        }
    }

    private static void close(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // gone already
        }
    }
}
