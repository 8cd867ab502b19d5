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
            store.sql("announce the note on " + subject, () -> {
                store.announce(subject);
                return null;
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
        return findings.add(f);
    }

    /** Changes a finding's texts, severity and links (by its id); false when there is no such finding. */
    public boolean updateFinding(Finding f) throws StoreException {
        return findings.update(f);
    }

    /** Closes a finding at {@code at}, or opens it again (null); false when there is no such finding. */
    public boolean closeFinding(long id, @Nullable Instant at) throws StoreException {
        return findings.close(id, at);
    }

    /** Deletes a finding; action items that named it keep their text and lose the link. */
    public boolean deleteFinding(long id) throws StoreException {
        return findings.delete(id);
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
    }

    public List<ExperimentOutcome> outcomes(Collection<String> runIds) throws StoreException {
        return outcomes.of(runIds);
    }

    public Lesson addLesson(String gameDayRunId, Lesson.Kind kind, String text, Instant at) throws StoreException {
        return notes.addLesson(gameDayRunId, kind, text, at);
    }

    public List<Lesson> lessons(String gameDayRunId) throws StoreException {
        return notes.lessons(gameDayRunId);
    }

    /** Changes a lesson's kind and text; false when there is no such lesson. */
    public boolean updateLesson(long id, Lesson.Kind kind, String text) throws StoreException {
        return notes.updateLesson(id, kind, text);
    }

    public boolean deleteLesson(long id) throws StoreException {
        return notes.deleteLesson(id);
    }

    public ActionItem addActionItem(ActionItem a) throws StoreException {
        return actions.add(a);
    }

    /** Changes an action item's title, owner, due date, status, ticket and finding; false when there is none. */
    public boolean updateActionItem(ActionItem a) throws StoreException {
        return actions.update(a);
    }

    /** Changes an action item's status; false when there is no such item. */
    public boolean setActionStatus(long id, ActionItem.Status status) throws StoreException {
        return actions.setStatus(id, status);
    }

    public boolean deleteActionItem(long id) throws StoreException {
        return actions.delete(id);
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
}
