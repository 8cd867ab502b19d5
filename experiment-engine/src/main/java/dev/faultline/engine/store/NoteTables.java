package dev.faultline.engine.store;

import static dev.faultline.engine.store.FaultlineStore.instant;
import static dev.faultline.engine.store.FaultlineStore.time;

import dev.faultline.engine.report.Lesson;
import dev.faultline.engine.report.Observation;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** The free-text tables: {@code observation} (notes made during a run) and {@code lesson} (the retrospective's). */
final class NoteTables {
    private final RetroSql sql;

    NoteTables(RetroSql sql) {
        this.sql = sql;
    }

    Observation addObservation(String subject, Instant at, String author, String text) throws StoreException {
        Observation probe = new Observation(0, subject, at, author, text); // checks before writing
        long id = sql.insert(
                "add an observation to " + subject,
                "INSERT INTO observation (subject, at, author, text) VALUES (?, ?, ?, ?)",
                subject,
                time(at),
                author,
                text);
        return new Observation(id, probe.subject(), probe.at(), probe.author(), probe.text());
    }

    List<Observation> observations(Collection<String> subjects) throws StoreException {
        if (subjects.isEmpty()) {
            return List.of();
        }
        return sql.query(
                "read observations",
                "SELECT id, subject, at, author, text FROM observation WHERE subject IN (" + RetroSql.marks(subjects)
                        + ") ORDER BY at, id",
                rs -> new Observation(rs.getLong(1), rs.getString(2), instant(rs, 3), rs.getString(4), rs.getString(5)),
                subjects.toArray());
    }

    Lesson addLesson(String gameDayRunId, Lesson.Kind kind, String text, Instant at) throws StoreException {
        Lesson l = new Lesson(0, gameDayRunId, kind, text, at);
        long id = sql.insert(
                "add a lesson",
                "INSERT INTO lesson (gameday_run_id, kind, text, created_at) VALUES (?, ?, ?, ?)",
                gameDayRunId,
                kind.name(),
                text,
                time(at));
        return new Lesson(id, l.gameDayRunId(), l.kind(), l.text(), l.createdAt());
    }

    List<Lesson> lessons(String gameDayRunId) throws StoreException {
        return sql.query(
                "read lessons",
                "SELECT id, gameday_run_id, kind, text, created_at FROM lesson WHERE gameday_run_id = ? ORDER BY id",
                rs -> new Lesson(
                        rs.getLong(1),
                        rs.getString(2),
                        Lesson.Kind.valueOf(rs.getString(3)),
                        rs.getString(4),
                        instant(rs, 5)),
                gameDayRunId);
    }

    boolean updateLesson(long id, Lesson.Kind kind, String text) throws StoreException {
        return sql.update(
                "change lesson " + id, "UPDATE lesson SET kind = ?, text = ? WHERE id = ?", kind.name(), text, id);
    }

    boolean deleteLesson(long id) throws StoreException {
        return sql.update("delete lesson " + id, "DELETE FROM lesson WHERE id = ?", id);
    }
}
