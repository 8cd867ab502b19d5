package dev.faultline.engine.store;

import static dev.faultline.engine.store.FaultlineStore.instant;
import static dev.faultline.engine.store.FaultlineStore.time;
import static dev.faultline.engine.store.RetroSql.nullable;

import dev.faultline.engine.report.ActionItem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;

/** The {@code action_item} table: what the team will do, by whom and when, and how far it got. */
final class ActionItemTable {
    private static final String COLUMNS = "SELECT id, gameday_run_id, finding_id, title, owner, due, status,"
            + " ticket_url, created_at FROM action_item ";

    private final RetroSql sql;

    ActionItemTable(RetroSql sql) {
        this.sql = sql;
    }

    ActionItem add(ActionItem a) throws StoreException {
        long id = sql.insert(
                "add an action item",
                "INSERT INTO action_item (gameday_run_id, finding_id, title, owner, due,"
                        + " status, ticket_url, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                a.gameDayRunId(),
                nullable(a.findingId(), Types.BIGINT),
                a.title(),
                a.owner(),
                nullable(a.due(), Types.DATE),
                a.status().name(),
                a.ticketUrl(),
                time(a.createdAt()));
        return new ActionItem(
                id,
                a.gameDayRunId(),
                a.findingId(),
                a.title(),
                a.owner(),
                a.due(),
                a.status(),
                a.ticketUrl(),
                a.createdAt());
    }

    boolean update(ActionItem a) throws StoreException {
        return sql.update(
                "change action item " + a.id(),
                "UPDATE action_item SET finding_id = ?, title = ?, owner = ?, due = ?, status = ?, ticket_url = ?"
                        + " WHERE id = ?",
                nullable(a.findingId(), Types.BIGINT),
                a.title(),
                a.owner(),
                nullable(a.due(), Types.DATE),
                a.status().name(),
                a.ticketUrl(),
                a.id());
    }

    boolean setStatus(long id, ActionItem.Status status) throws StoreException {
        return sql.update(
                "update action item " + id, "UPDATE action_item SET status = ? WHERE id = ?", status.name(), id);
    }

    boolean delete(long id) throws StoreException {
        return sql.update("delete action item " + id, "DELETE FROM action_item WHERE id = ?", id);
    }

    List<ActionItem> of(String gameDayRunId) throws StoreException {
        return sql.query(
                "read action items",
                COLUMNS + "WHERE gameday_run_id = ? ORDER BY id",
                ActionItemTable::actionItem,
                gameDayRunId);
    }

    List<ActionItem> openExcept(String exceptGameDayRunId) throws StoreException {
        return sql.query(
                "read open action items",
                COLUMNS + "WHERE status IN ('OPEN', 'IN_PROGRESS')"
                        + " AND gameday_run_id <> ? ORDER BY due NULLS LAST, id",
                ActionItemTable::actionItem,
                exceptGameDayRunId);
    }

    Optional<ActionItem> one(long id) throws StoreException {
        return sql.query("read action item " + id, COLUMNS + "WHERE id = ?", ActionItemTable::actionItem, id).stream()
                .findFirst();
    }

    private static ActionItem actionItem(ResultSet rs) throws SQLException {
        java.sql.Date due = rs.getDate(6);
        return new ActionItem(
                rs.getLong(1),
                rs.getString(2),
                RetroSql.nullableLong(rs, 3),
                rs.getString(4),
                rs.getString(5),
                due == null ? null : due.toLocalDate(),
                ActionItem.Status.valueOf(rs.getString(7)),
                rs.getString(8),
                instant(rs, 9));
    }
}
