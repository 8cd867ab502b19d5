package dev.faultline.engine.store;

import dev.faultline.engine.report.ActionItem;
import dev.faultline.engine.report.ExperimentOutcome;
import dev.faultline.engine.report.Finding;
import dev.faultline.engine.report.Lesson;
import dev.faultline.engine.report.Observation;
import dev.faultline.engine.report.SearchHit;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The retrospective's records: observations, findings, per-run outcomes, lessons and action items,
 * and a search across all of them. One entry point for callers; each table's SQL lives in its own
 * class ({@link NoteTables}, {@link FindingTable}, {@link OutcomeTable}, {@link ActionItemTable},
 * {@link RetroSearch}), the JDBC plumbing in {@link RetroSql}.
 */
public final class RetroStore {
    private final NoteTables notes;
    private final FindingTable findings;
    private final OutcomeTable outcomes;
    private final ActionItemTable actions;
    private final RetroSearch search;
    private final FaultlineStore store;

    RetroStore(FaultlineStore store) {
        this.store = store;
        RetroSql sql = new RetroSql(store);
        this.notes = new NoteTables(sql);
        this.findings = new FindingTable(sql);
        this.outcomes = new OutcomeTable(sql);
        this.actions = new ActionItemTable(sql);
        this.search = new RetroSearch(sql);
    }

    public Observation addObservation(String subject, Instant at, String author, String text) throws StoreException {
        Observation o = notes.addObservation(subject, at, author, text);
        synchronized (store) {
            store.execute("announce the note on " + subject, () -> {
                store.announce(subject);
            });
        }
        return o;
    }

    /** The observations about any of {@code subjects} (runs and GameDay runs), in time order. */
    public List<Observation> observations(Collection<String> subjects) throws StoreException {
        return notes.observations(subjects);
    }

    /** Stores a finding (a closed one stays closed, so a deleted finding can be put back); returns it with its id. */
    public Finding addFinding(Finding f) throws StoreException {
        Finding added = findings.add(f);
        edited("finding added", subjectOf(added.gameDayRunId(), added.runId()), added.title());
        return added;
    }

    /** Changes a finding's texts, severity and links (by its id); false when there is no such finding. */
    public boolean updateFinding(Finding f) throws StoreException {
        return edited(findings.update(f), "finding changed", "finding", f.id());
    }

    /** Closes a finding at {@code at}, or opens it again (null); false when there is no such finding. */
    public boolean closeFinding(long id, @Nullable Instant at) throws StoreException {
        return edited(findings.close(id, at), at == null ? "finding reopened" : "finding closed", "finding", id);
    }

    /** Deletes a finding; action items that named it keep their text and lose the link. */
    public boolean deleteFinding(long id) throws StoreException {
        String subject = subjectOf("finding", id);
        return edited(findings.delete(id), "finding deleted", subject, "#" + id);
    }

    /** Findings of a GameDay run and of its runs. */
    public List<Finding> findings(String gameDayRunId, Collection<String> runIds) throws StoreException {
        return findings.of(gameDayRunId, runIds);
    }

    public Optional<Finding> finding(long id) throws StoreException {
        return findings.one(id);
    }

    /** Records (or replaces) the team's verdict on a run. */
    public void setOutcome(ExperimentOutcome o, Instant at) throws StoreException {
        outcomes.set(o, at);
        edited("outcome set", o.runId(), o.verdict().name());
    }

    public List<ExperimentOutcome> outcomes(Collection<String> runIds) throws StoreException {
        return outcomes.of(runIds);
    }

    public Lesson addLesson(String gameDayRunId, Lesson.Kind kind, String text, Instant at) throws StoreException {
        Lesson l = notes.addLesson(gameDayRunId, kind, text, at);
        edited("lesson added", gameDayRunId, text);
        return l;
    }

    public List<Lesson> lessons(String gameDayRunId) throws StoreException {
        return notes.lessons(gameDayRunId);
    }

    /** Changes a lesson's kind and text; false when there is no such lesson. */
    public boolean updateLesson(long id, Lesson.Kind kind, String text) throws StoreException {
        return edited(notes.updateLesson(id, kind, text), "lesson changed", "lesson", id);
    }

    public boolean deleteLesson(long id) throws StoreException {
        String subject = subjectOf("lesson", id);
        return edited(notes.deleteLesson(id), "lesson deleted", subject, "#" + id);
    }

    public ActionItem addActionItem(ActionItem a) throws StoreException {
        ActionItem added = actions.add(a);
        edited("action item added", a.gameDayRunId(), a.title());
        return added;
    }

    /** Changes an action item's title, owner, due date, status, ticket and finding; false when there is none. */
    public boolean updateActionItem(ActionItem a) throws StoreException {
        return edited(actions.update(a), "action item changed", "action_item", a.id());
    }

    /** Changes an action item's status; false when there is no such item. */
    public boolean setActionStatus(long id, ActionItem.Status status) throws StoreException {
        return edited(
                actions.setStatus(id, status),
                "action item " + status.name().toLowerCase(java.util.Locale.ROOT),
                "action_item",
                id);
    }

    public boolean deleteActionItem(long id) throws StoreException {
        String subject = subjectOf("action_item", id);
        return edited(actions.delete(id), "action item deleted", subject, "#" + id);
    }

    public List<ActionItem> actionItems(String gameDayRunId) throws StoreException {
        return actions.of(gameDayRunId);
    }

    /** Open and in-progress action items of every GameDay run but {@code exceptGameDayRunId}, the oldest due first. */
    public List<ActionItem> openActionItems(String exceptGameDayRunId) throws StoreException {
        return actions.openExcept(exceptGameDayRunId);
    }

    public Optional<ActionItem> actionItem(long id) throws StoreException {
        return actions.one(id);
    }

    /** Every observation, finding, lesson and action item whose text contains {@code term}, any case. */
    public List<SearchHit> search(String term, int limit) throws StoreException {
        return search.search(term, limit);
    }

    private void edited(String action, String subject, String detail) throws StoreException {
        store.audit().record(action, subject, detail);
    }

    private boolean edited(boolean done, String action, String table, long id) throws StoreException {
        if (done) {
            edited(action, subjectOf(table, id), "#" + id);
        }
        return done;
    }

    private boolean edited(boolean done, String action, String subject, String detail) throws StoreException {
        if (done) {
            edited(action, subject, detail);
        }
        return done;
    }

    private static String subjectOf(String gameDayRunId, String runId) {
        return !gameDayRunId.isEmpty() ? gameDayRunId : !runId.isEmpty() ? runId : "retrospective";
    }

    /** The GameDay run a retrospective row belongs to (the audit trail's subject); {@code table} is ours. */
    private String subjectOf(String table, long id) throws StoreException {
        String column = table.equals("finding") ? "COALESCE(gameday_run_id, run_id)" : "gameday_run_id";
        synchronized (store) {
            return store.sql("read the " + table + " #" + id, () -> {
                try (java.sql.PreparedStatement ps =
                        store.connection().prepareStatement("SELECT " + column + " FROM " + table + " WHERE id = ?")) {
                    ps.setLong(1, id);
                    try (java.sql.ResultSet rs = ps.executeQuery()) {
                        String found = rs.next() ? rs.getString(1) : null;
                        return found == null ? table + " #" + id : found;
                    }
                }
            });
        }
    }
}
