package dev.faultline.engine.store;

import static dev.faultline.engine.store.FaultlineStore.instant;
import static dev.faultline.engine.store.FaultlineStore.time;

import dev.faultline.engine.spi.Undelivered;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Messages a notifier could not deliver, kept so that they can be listed and nothing is lost unseen. */
public final class UndeliveredStore implements Undelivered.Sink {
    private static final Logger log = LoggerFactory.getLogger(UndeliveredStore.class);

    private final FaultlineStore store;

    UndeliveredStore(FaultlineStore store) {
        this.store = store;
    }

    /** Keeps one; a database that fails is logged (with the message's text), never thrown at the notifier. */
    @Override
    public void keep(Undelivered u) {
        try {
            synchronized (store) {
                store.execute("keep an undelivered message", () -> {
                    try (PreparedStatement ps = store.connection()
                            .prepareStatement(
                                    "INSERT INTO undelivered_notification"
                                            + " (notifier, at, gameday_run_id, run_id, message, error) VALUES (?, ?, ?, ?, ?, ?)")) {
                        ps.setString(1, u.notifier());
                        ps.setObject(2, time(u.at()));
                        ps.setString(3, u.gameDayRunId());
                        ps.setString(4, u.runId());
                        ps.setString(5, u.message());
                        ps.setString(6, FaultlineStore.clip(u.error(), 4000));
                        ps.executeUpdate();
                    }
                });
            }
        } catch (StoreException e) {
            log.error(
                    "{} could not deliver, and the database could not keep it ({}): {}",
                    u.notifier(),
                    e.getMessage(),
                    u.message());
        }
    }

    public List<Undelivered> list(int limit) throws StoreException {
        synchronized (store) {
            return store.sql("read undelivered messages", () -> {
                List<Undelivered> out = new ArrayList<>();
                try (PreparedStatement ps = store.connection()
                                .prepareStatement("SELECT notifier, at, gameday_run_id,"
                                        + " run_id, message, error FROM undelivered_notification ORDER BY at DESC, id DESC LIMIT "
                                        + Math.max(1, limit));
                        ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Undelivered(
                                rs.getString(1),
                                instant(rs, 2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6)));
                    }
                }
                return out;
            });
        }
    }
}
