package dev.faultline.engine.store;

import static dev.faultline.engine.store.FaultlineStore.instant;
import static dev.faultline.engine.store.FaultlineStore.time;
import static dev.faultline.engine.store.RetroSql.nullable;

import dev.faultline.engine.report.Finding;
import dev.faultline.engine.report.Severity;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The {@code finding} table: what the team learned, linked to an experiment's run and an observation. */
final class FindingTable {
    private static final String COLUMNS = "SELECT id, gameday_run_id, run_id, probe, observation_id, title, happened,"
            + " expected, severity, created_at, closed_at FROM finding ";

    private final RetroSql sql;

    FindingTable(RetroSql sql) {
        this.sql = sql;
    }

    Finding add(Finding f) throws StoreException {
        long id = sql.insert(
                "add a finding",
                "INSERT INTO finding (gameday_run_id, run_id, probe, observation_id, title,"
                        + " happened, expected, severity, created_at, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                f.gameDayRunId(),
                f.runId(),
                f.probe(),
                nullable(f.observationId(), Types.BIGINT),
                f.title(),
                f.happened(),
                f.expected(),
                f.severity().name(),
                time(f.createdAt()),
                f.closedAt() == null ? new RetroSql.Null(Types.TIMESTAMP_WITH_TIMEZONE) : time(f.closedAt()));
        return new Finding(
                id,
                f.gameDayRunId(),
                f.runId(),
                f.probe(),
                f.observationId(),
                f.title(),
                f.happened(),
                f.expected(),
                f.severity(),
                f.createdAt(),
                f.closedAt());
    }

    boolean update(Finding f) throws StoreException {
        return sql.update(
                "change finding " + f.id(),
                "UPDATE finding SET run_id = ?, probe = ?, observation_id = ?, title = ?, happened = ?, expected = ?,"
                        + " severity = ? WHERE id = ?",
                f.runId(),
                f.probe(),
                nullable(f.observationId(), Types.BIGINT),
                f.title(),
                f.happened(),
                f.expected(),
                f.severity().name(),
                f.id());
    }

    boolean close(long id, @Nullable Instant at) throws StoreException {
        return sql.update(
                (at == null ? "reopen" : "close") + " finding " + id,
                "UPDATE finding SET closed_at = ? WHERE id = ?",
                at == null ? new RetroSql.Null(Types.TIMESTAMP_WITH_TIMEZONE) : time(at),
                id);
    }

    boolean delete(long id) throws StoreException {
        return sql.update("delete finding " + id, "DELETE FROM finding WHERE id = ?", id);
    }

    List<Finding> of(String gameDayRunId, Collection<String> runIds) throws StoreException {
        List<Object> args = new ArrayList<>();
        args.add(gameDayRunId);
        args.addAll(runIds);
        String in = runIds.isEmpty() ? "" : " OR run_id IN (" + RetroSql.marks(runIds) + ")";
        return sql.query(
                "read findings",
                COLUMNS + "WHERE gameday_run_id = ?" + in + " ORDER BY id",
                FindingTable::finding,
                args.toArray());
    }

    java.util.Optional<Finding> one(long id) throws StoreException {
        return sql.query("read finding " + id, COLUMNS + "WHERE id = ?", FindingTable::finding, id).stream()
                .findFirst();
    }

    private static Finding finding(ResultSet rs) throws SQLException {
        return new Finding(
                rs.getLong(1),
                RetroSql.text(rs, 2),
                RetroSql.text(rs, 3),
                RetroSql.text(rs, 4),
                RetroSql.nullableLong(rs, 5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                Severity.valueOf(rs.getString(9)),
                instant(rs, 10),
                rs.getObject(11) == null ? null : instant(rs, 11));
    }
}
