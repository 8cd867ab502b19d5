package dev.faultline.engine.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The runs under way on a team's store that another process runs (another desktop, or another
 * Faultline on this one), for following them: each with the machine that runs it, and its GameDay
 * run when it is part of one. Also what a follower needs to show them: the experiment's runbook
 * text, the GameDay's, and the next experiment of a GameDay run.
 */
public final class TeamRuns {
    private final FaultlineStore store;

    public TeamRuns(FaultlineStore store) {
        this.store = store;
    }

    /**
     * A run under way elsewhere; in a GameDay the day's newest experiment run (between two
     * experiments, or paused after a halt, the one that ended last). Also a run ABANDONED (its runner
     * lost, {@link RunnerLoss}) while its journal still holds a fault: someone has to revert it.
     *
     * @param pid      the runner's process id on {@code host} (0 when not recorded)
     * @param position the run's place in its GameDay run, from 0; -1 outside a GameDay
     */
    public record UnderWay(
            String runId,
            String experiment,
            String status,
            String host,
            long pid,
            Instant startedAt,
            @Nullable String gameDayRunId,
            @Nullable String gameDayTitle,
            int position) {
        /** "payment-pause on ops-laptop-3 (pid 4242)"; in a GameDay: "GameDay Payments: payment-pause on ...". */
        public String describe() {
            return (gameDayTitle == null ? "" : "GameDay " + gameDayTitle + ": ") + experiment + " on " + runner();
        }

        /** Its runner was lost: the run is ABANDONED ({@link RunnerLoss}). */
        public boolean abandoned() {
            return status.equals(RunnerLoss.ABANDONED);
        }

        /** The runner: its machine, and its process id when it told one. */
        public String runner() {
            return host + (pid > 0 ? " (pid " + pid + ")" : "");
        }
    }

    /** A GameDay run's experiment run at {@code position}. */
    public record Member(String runId, int position) {}

    /** The runs under way on the store, newest first, but those of this process. */
    public List<UnderWay> underWay() throws StoreException {
        synchronized (store) {
            return store.sql("read the runs under way", () -> {
                Map<String, UnderWay> out = new LinkedHashMap<>();
                try (PreparedStatement ps = store.connection()
                                .prepareStatement("SELECT r.id, e.name, r.status, r.owner_host, r.owner_pid,"
                                        + " r.started_at, m.gameday_run_id, m.position, g.title FROM run r"
                                        + " JOIN experiment e ON e.id = r.experiment_id"
                                        + " LEFT JOIN gameday_run_member m ON m.run_id = r.id"
                                        + " LEFT JOIN gameday_run gr ON gr.id = m.gameday_run_id"
                                        + " LEFT JOIN gameday g ON g.id = gr.gameday_id"
                                        + " WHERE r.status = 'RUNNING' OR gr.status = 'RUNNING'"
                                        // a lost runner's run, while its journal still holds a fault
                                        + " OR r.status = 'ABANDONED' AND EXISTS (SELECT 1 FROM run_journal j"
                                        + " WHERE j.run_id = r.id AND j.state <> 'REVERTED')"
                                        + " ORDER BY r.started_at DESC");
                        ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String host = rs.getString(4);
                        long pid = rs.getLong(5);
                        if (ThisMachine.name().equals(host)
                                && pid == ProcessHandle.current().pid()) {
                            continue; // this process's own run is in its own live view
                        }
                        String gameDayRun = rs.getString(7);
                        String key = gameDayRun == null ? rs.getString(1) : gameDayRun;
                        // newest first: a GameDay keeps its newest experiment run
                        out.putIfAbsent(
                                key,
                                new UnderWay(
                                        rs.getString(1),
                                        rs.getString(2),
                                        rs.getString(3),
                                        host == null ? "this machine" : host,
                                        pid,
                                        FaultlineStore.instant(rs, 6),
                                        gameDayRun,
                                        rs.getString(9),
                                        gameDayRun == null ? -1 : rs.getInt(8)));
                    }
                }
                return List.copyOf(out.values());
            });
        }
    }

    /** The runbook text the run was started from. */
    public Optional<String> experimentRunbook(String runId) throws StoreException {
        return text(
                "read the runbook of " + runId,
                "SELECT e.runbook FROM run r JOIN experiment e ON e.id = r.experiment_id WHERE r.id = ?",
                runId);
    }

    /** The GameDay run's status (RUNNING until it ends). */
    public Optional<String> gameDayStatus(String gameDayRunId) throws StoreException {
        return text("read the status of " + gameDayRunId, "SELECT status FROM gameday_run WHERE id = ?", gameDayRunId);
    }

    /** The GameDay run's experiment runs after {@code position}, in order. */
    public List<Member> membersAfter(String gameDayRunId, int position) throws StoreException {
        synchronized (store) {
            return store.sql("read the experiments of " + gameDayRunId, () -> {
                List<Member> out = new ArrayList<>();
                try (PreparedStatement ps = store.connection()
                        .prepareStatement("SELECT run_id, position FROM gameday_run_member"
                                + " WHERE gameday_run_id = ? AND position > ? ORDER BY position")) {
                    ps.setString(1, gameDayRunId);
                    ps.setInt(2, position);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new Member(rs.getString(1), rs.getInt(2)));
                        }
                    }
                }
                return out;
            });
        }
    }

    /**
     * Whether the run's recorder has written it (a GameDay links its next run a moment before the
     * run's own row and its step may be there).
     */
    public boolean started(String runId) throws StoreException {
        return text(
                        "read run " + runId,
                        "SELECT r.id FROM run r JOIN gameday_run_step s ON s.run_id = r.id WHERE r.id = ?",
                        runId)
                .isPresent();
    }

    private Optional<String> text(String what, String query, String id) throws StoreException {
        synchronized (store) {
            return store.sql(what, () -> {
                try (PreparedStatement ps = store.connection().prepareStatement(query)) {
                    ps.setString(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.<String>empty();
                    }
                }
            });
        }
    }
}
