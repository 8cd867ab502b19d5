package dev.faultline.app.view.retro;

import dev.faultline.engine.report.ActionItem;
import dev.faultline.engine.report.ExperimentOutcome;
import dev.faultline.engine.report.Finding;
import dev.faultline.engine.report.Lesson;
import dev.faultline.engine.report.SearchHit;
import dev.faultline.engine.store.GameDayRunRecord;
import java.nio.file.Path;
import java.util.List;

/** What the retrospective screen reads and writes; every method blocks (called off the FX thread). */
public interface RetroActions {
    List<GameDayRunRecord> gameDayRuns() throws Exception;

    List<Lesson> lessons(String gameDayRun) throws Exception;

    List<Finding> findings(GameDayRunRecord run) throws Exception;

    List<ActionItem> actionItems(String gameDayRun) throws Exception;

    List<ExperimentOutcome> outcomes(GameDayRunRecord run) throws Exception;

    void addLesson(String gameDayRun, Lesson.Kind kind, String text) throws Exception;

    void addFinding(Finding f) throws Exception;

    void addActionItem(ActionItem a) throws Exception;

    void setOutcome(ExperimentOutcome o) throws Exception;

    List<SearchHit> search(String term) throws Exception;

    /** Writes the GameDay run's report; returns the file written. */
    Path exportReport(String gameDayRun, String format, Path to) throws Exception;
}
