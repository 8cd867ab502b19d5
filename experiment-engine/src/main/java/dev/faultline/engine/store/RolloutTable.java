package dev.faultline.engine.store;

import static dev.faultline.engine.store.FaultlineStore.clip;
import static dev.faultline.engine.store.FaultlineStore.instant;
import static dev.faultline.engine.store.FaultlineStore.time;

import dev.faultline.engine.spi.run.RolloutResult;
import dev.faultline.engine.spi.run.RolloutResult.ProbeFigures;
import dev.faultline.engine.spi.run.RolloutResult.Stage;
import dev.faultline.engine.spi.run.RolloutResult.Verdict;
import dev.faultline.engine.spi.run.SampleStats;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code rollout}, {@code rollout_stage} and {@code rollout_stage_probe} tables: a run's
 * progressive rollouts, each stage reached with its checked probes' figures, and the largest share
 * that held. A run's rollouts are written once, in one transaction, when it ends.
 */
final class RolloutTable {
    private final FaultlineStore store;

    RolloutTable(FaultlineStore store) {
        this.store = store;
    }

    void save(String runId, List<RolloutResult> rollouts) throws StoreException {
        if (rollouts.isEmpty()) {
            return;
        }
        synchronized (store) {
            store.execute("store the rollout stages of " + runId, () -> {
                Connection c = store.connection();
                boolean auto = c.getAutoCommit();
                c.setAutoCommit(false);
                try {
                    delete(c, runId);
                    insert(c, runId, rollouts);
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(auto);
                }
            });
        }
    }

    /**
     * A run's rollouts are written whole: what an earlier, interrupted attempt wrote (the stages went
     * in, the run's end did not) is replaced, not doubled.
     */
    private static void delete(Connection c, String runId) throws SQLException {
        for (String table : List.of("rollout_stage_probe", "rollout_stage", "rollout")) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE run_id = ?")) {
                ps.setString(1, runId);
                ps.executeUpdate();
            }
        }
    }

    private static void insert(Connection c, String runId, List<RolloutResult> rollouts) throws SQLException {
        try (PreparedStatement ro = c.prepareStatement("INSERT INTO rollout (run_id, position, step, target, fault,"
                        + " stages_planned, completed, safe_up_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement st = c.prepareStatement("INSERT INTO rollout_stage (run_id, position, stage, share,"
                        + " started_at, ended_at, applied, apply_ns, verdict, held, detail, targets)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement pr = c.prepareStatement("INSERT INTO rollout_stage_probe (run_id, position, stage,"
                        + " seq, probe, expect, samples, failed_reads, outside, mean_val, min_val, max_val)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < rollouts.size(); i++) {
                RolloutResult o = rollouts.get(i);
                ro.setString(1, runId);
                ro.setInt(2, i + 1);
                ro.setString(3, clip(o.step(), 128));
                ro.setString(4, clip(o.target(), 512));
                ro.setString(5, clip(o.fault(), 1000));
                ro.setInt(6, o.stagesPlanned());
                ro.setBoolean(7, o.completed());
                number(ro, 8, o.safeUpTo().orElse(Double.NaN));
                ro.addBatch();
                for (Stage s : o.stages()) {
                    st.setString(1, runId);
                    st.setInt(2, i + 1);
                    st.setInt(3, s.number());
                    st.setDouble(4, s.share());
                    st.setObject(5, time(s.startedAt()));
                    st.setObject(6, time(s.endedAt()));
                    st.setString(7, clip(s.applied(), 32));
                    st.setLong(8, s.applyTime().toNanos());
                    st.setString(9, s.verdict().name());
                    st.setBoolean(10, s.held());
                    st.setString(11, clip(s.detail(), 4000));
                    if (s.countsTargets()) {
                        st.setInt(12, s.targets());
                    } else {
                        st.setNull(12, Types.INTEGER);
                    }
                    st.addBatch();
                    for (int p = 0; p < s.probes().size(); p++) {
                        ProbeFigures f = s.probes().get(p);
                        SampleStats stats = f.stats();
                        pr.setString(1, runId);
                        pr.setInt(2, i + 1);
                        pr.setInt(3, s.number());
                        pr.setInt(4, p + 1);
                        pr.setString(5, clip(f.probe(), 128));
                        pr.setString(6, clip(f.expect(), 512));
                        pr.setInt(7, stats.count());
                        pr.setInt(8, stats.failedReads());
                        pr.setInt(9, stats.outside());
                        number(pr, 10, stats.mean());
                        number(pr, 11, stats.min());
                        number(pr, 12, stats.max());
                        pr.addBatch();
                    }
                }
            }
            // parents before children, for the foreign keys
            ro.executeBatch();
            st.executeBatch();
            pr.executeBatch();
        }
    }

    /** The run's rollouts in the order they ran, each with its stages and figures as they were stored. */
    List<RolloutResult> of(String runId) throws StoreException {
        synchronized (store) {
            return store.sql("read the rollout stages of " + runId, () -> read(store.connection(), runId));
        }
    }

    private record Head(String step, String target, String fault, int planned) {}

    private static List<RolloutResult> read(Connection c, String runId) throws SQLException {
        Map<Integer, Head> heads = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT position, step, target, fault, stages_planned"
                + " FROM rollout WHERE run_id = ? ORDER BY position")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    heads.put(rs.getInt(1), new Head(rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)));
                }
            }
        }
        if (heads.isEmpty()) {
            return List.of();
        }
        Map<String, List<ProbeFigures>> figures = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT position, stage, probe, expect, samples, failed_reads,"
                + " outside, mean_val, min_val, max_val FROM rollout_stage_probe WHERE run_id = ?"
                + " ORDER BY position, stage, seq")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    figures.computeIfAbsent(rs.getInt(1) + "/" + rs.getInt(2), k -> new ArrayList<>())
                            .add(new ProbeFigures(
                                    rs.getString(3),
                                    rs.getString(4),
                                    new SampleStats(
                                            rs.getInt(5),
                                            rs.getInt(6),
                                            rs.getInt(7),
                                            number(rs, 8),
                                            number(rs, 9),
                                            number(rs, 10))));
                }
            }
        }
        Map<Integer, List<Stage>> stages = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT position, stage, share, started_at, ended_at, applied,"
                + " apply_ns, verdict, detail, targets FROM rollout_stage WHERE run_id = ? ORDER BY position, stage")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int position = rs.getInt(1);
                    int number = rs.getInt(2);
                    stages.computeIfAbsent(position, k -> new ArrayList<>())
                            .add(new Stage(
                                    number,
                                    rs.getDouble(3),
                                    instant(rs, 4),
                                    instant(rs, 5),
                                    rs.getString(6),
                                    Duration.ofNanos(rs.getLong(7)),
                                    Verdict.valueOf(rs.getString(8)),
                                    figures.getOrDefault(position + "/" + number, List.of()),
                                    rs.getString(9),
                                    rs.getInt(10)));
                }
            }
        }
        List<RolloutResult> out = new ArrayList<>(heads.size());
        heads.forEach((position, h) -> out.add(new RolloutResult(
                h.step(), h.target(), h.fault(), h.planned(), stages.getOrDefault(position, List.of()))));
        return out;
    }

    private static void number(PreparedStatement ps, int col, double v) throws SQLException {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            ps.setNull(col, Types.DOUBLE);
        } else {
            ps.setDouble(col, v);
        }
    }

    private static double number(ResultSet rs, int col) throws SQLException {
        double v = rs.getDouble(col);
        return rs.wasNull() ? Double.NaN : v;
    }
}
