package dev.faultline.app.fx;

import dev.faultline.app.Composition;
import dev.faultline.app.cli.ReportFiles;
import dev.faultline.app.view.retro.RetroActions;
import dev.faultline.engine.report.ActionItem;
import dev.faultline.engine.report.ExperimentOutcome;
import dev.faultline.engine.report.Finding;
import dev.faultline.engine.report.Lesson;
import dev.faultline.engine.report.SearchHit;
import dev.faultline.engine.store.GameDayRunRecord;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

/** The retrospective screen's reads and writes, on the store the command line uses. */
final class AppRetroActions implements RetroActions {
    private final Composition c;
    private final ZoneId zone;

    AppRetroActions(Composition c, ZoneId zone) {
        this.c = c;
        this.zone = zone;
    }

    @Override
    public List<GameDayRunRecord> gameDayRuns() throws Exception {
        return c.store().gameDays().recent(100);
    }

    @Override
    public List<Lesson> lessons(String gameDayRun) throws Exception {
        return c.store().retro().lessons(gameDayRun);
    }

    @Override
    public List<Finding> findings(GameDayRunRecord run) throws Exception {
        return c.store().retro().findings(run.id(), run.runIds());
    }

    @Override
    public List<ActionItem> actionItems(String gameDayRun) throws Exception {
        return c.store().retro().actionItems(gameDayRun);
    }

    @Override
    public List<ExperimentOutcome> outcomes(GameDayRunRecord run) throws Exception {
        return c.store().retro().outcomes(run.runIds());
    }

    @Override
    public void addLesson(String gameDayRun, Lesson.Kind kind, String text) throws Exception {
        c.store().retro().addLesson(gameDayRun, kind, text, c.clock.instant());
    }

    @Override
    public void addFinding(Finding f) throws Exception {
        c.store().retro().addFinding(f);
    }

    @Override
    public void addActionItem(ActionItem a) throws Exception {
        c.store().retro().addActionItem(a);
    }

    @Override
    public void setOutcome(ExperimentOutcome o) throws Exception {
        c.store().retro().setOutcome(o, c.clock.instant());
    }

    @Override
    public List<SearchHit> search(String term) throws Exception {
        return term.isBlank() ? List.of() : c.store().retro().search(term, 100);
    }

    @Override
    public Path exportReport(String gameDayRun, String format, Path to) throws Exception {
        return ReportFiles.write(c, gameDayRun, format, to, zone);
    }
}
