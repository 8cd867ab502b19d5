package dev.faultline.engine.store;

import static dev.faultline.engine.store.FaultlineStore.time;
import static dev.faultline.engine.store.RetroSql.nullable;

import dev.faultline.engine.report.ExperimentOutcome;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The {@code experiment_outcome} table: the team's verdict on each run, with its times to detect and mitigate. */
final class OutcomeTable {
    private final RetroSql sql;

    OutcomeTable(RetroSql sql) {
        this.sql = sql;
    }

    /**
     * Records or replaces a run's outcome: the standard {@code MERGE ... USING ... ON}, which H2 and
     * PostgreSQL 15 both run (H2's own {@code MERGE ... KEY} is not PostgreSQL's).
     */
    void set(ExperimentOutcome o, Instant at) throws StoreException {
        Object[] values = {
            o.verdict().name(),
            o.detected(),
            nullable(millis(o.timeToDetect()), Types.BIGINT),
            o.mitigated(),
            nullable(millis(o.timeToMitigate()), Types.BIGINT),
            o.notes(),
            time(at)
        };
        Object[] args = new Object[1 + 2 * values.length];
        args[0] = o.runId();
        System.arraycopy(values, 0, args, 1, values.length);
        System.arraycopy(values, 0, args, 1 + values.length, values.length);
        sql.update(
                "record the outcome of " + o.runId(),
                "MERGE INTO experiment_outcome t USING (SELECT CAST(? AS VARCHAR(96)) AS run_id) s"
                        + " ON (t.run_id = s.run_id)"
                        + " WHEN MATCHED THEN UPDATE SET verdict = ?, detected = ?, time_to_detect_ms = ?,"
                        + " mitigated = ?, time_to_mitigate_ms = ?, notes = ?, recorded_at = ?"
                        + " WHEN NOT MATCHED THEN INSERT (run_id, verdict, detected, time_to_detect_ms, mitigated,"
                        + " time_to_mitigate_ms, notes, recorded_at) VALUES (s.run_id, ?, ?, ?, ?, ?, ?, ?)",
                args);
    }

    List<ExperimentOutcome> of(Collection<String> runIds) throws StoreException {
        if (runIds.isEmpty()) {
            return List.of();
        }
        return sql.query(
                "read outcomes",
                "SELECT run_id, verdict, detected, time_to_detect_ms, mitigated,"
                        + " time_to_mitigate_ms, notes FROM experiment_outcome WHERE run_id IN ("
                        + RetroSql.marks(runIds) + ")",
                rs -> {
                    Long detect = RetroSql.nullableLong(rs, 4);
                    Long mitigate = RetroSql.nullableLong(rs, 6);
                    return new ExperimentOutcome(
                            rs.getString(1),
                            ExperimentOutcome.Verdict.valueOf(rs.getString(2)),
                            rs.getBoolean(3),
                            detect == null ? null : Duration.ofMillis(detect),
                            rs.getBoolean(5),
                            mitigate == null ? null : Duration.ofMillis(mitigate),
                            rs.getString(7));
                },
                runIds.toArray());
    }

    private static @Nullable Long millis(@Nullable Duration d) {
        return d == null ? null : d.toMillis();
    }
}
