package dev.faultline.app.view.retro;

import dev.faultline.engine.report.ActionItem;
import dev.faultline.engine.report.ExperimentOutcome;
import dev.faultline.engine.report.Finding;
import dev.faultline.engine.report.Lesson;
import dev.faultline.engine.report.Observation;
import dev.faultline.engine.report.SearchHit;
import dev.faultline.engine.store.GameDayRunRecord;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the retrospective screen reads and writes; every method blocks (called off the FX thread). */
public interface RetroActions {
    List<GameDayRunRecord> gameDayRuns() throws Exception;

    List<Lesson> lessons(String gameDayRun) throws Exception;

    List<Finding> findings(GameDayRunRecord run) throws Exception;

    List<ActionItem> actionItems(String gameDayRun) throws Exception;

    List<ExperimentOutcome> outcomes(GameDayRunRecord run) throws Exception;

    /** One line for people about a run: its experiment and outcome. */
    String describeRun(String runId) throws Exception;

    void addLesson(String gameDayRun, Lesson.Kind kind, String text) throws Exception;

    /** Stores a finding; returns it with its id. */
    Finding addFinding(Finding f) throws Exception;

    void addActionItem(ActionItem a) throws Exception;

    void setOutcome(ExperimentOutcome o) throws Exception;

    /** The notes of the day: the observations on the GameDay run and on its runs, in time order. */
    List<Observation> notes(GameDayRunRecord run) throws Exception;

    /** The planned experiments that never started, by name, in plan order. */
    List<String> skipped(GameDayRunRecord run) throws Exception;

    /** When the run's first fault took effect (the zero of times to detect and mitigate), if one did. */
    Optional<Instant> faultStart(String runId) throws Exception;

    void updateFinding(Finding f) throws Exception;

    /** Closes the finding now, or opens it again. */
    void closeFinding(long id, boolean closed) throws Exception;

    void deleteFinding(long id) throws Exception;

    void updateLesson(long id, Lesson.Kind kind, String text) throws Exception;

    void deleteLesson(long id) throws Exception;

    void updateActionItem(ActionItem a) throws Exception;

    void deleteActionItem(long id) throws Exception;

    List<SearchHit> search(String term) throws Exception;

    /** Writes the GameDay run's report; returns the file written. */
    Path exportReport(String gameDayRun, String format, Path to) throws Exception;

    /** Where reports are offered first: the user's documents folder, not the installation folder. */
    Path reportFolder();

    /** Shows {@code folder} in the desktop's file manager. */
    void openFolder(Path folder) throws Exception;
}
