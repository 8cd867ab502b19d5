package dev.faultline.app.fx;

import dev.faultline.app.Composition;
import dev.faultline.app.cli.ReportFiles;
import dev.faultline.app.view.retro.RetroActions;
import dev.faultline.engine.report.ActionItem;
import dev.faultline.engine.report.ExperimentOutcome;
import dev.faultline.engine.report.Finding;
import dev.faultline.engine.report.Lesson;
import dev.faultline.engine.report.Observation;
import dev.faultline.engine.report.Report;
import dev.faultline.engine.report.SearchHit;
import dev.faultline.engine.report.SkippedExperiments;
import dev.faultline.engine.store.EventRecord;
import dev.faultline.engine.store.FaultlineStore;
import dev.faultline.engine.store.GameDayRunRecord;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** The retrospective screen's reads and writes, on the store the command line uses. */
public final class AppRetroActions implements RetroActions {
    /** Writes a GameDay run's report in a format to a file; returns the file written. */
    @FunctionalInterface
    public interface ReportExport {
        Path write(String gameDayRun, String format, Path to) throws Exception;
    }

    private final Callable<FaultlineStore> store;
    private final Clock clock;
    private final ReportExport export;
    private final Path reportFolder;

    AppRetroActions(Composition c, ZoneId zone) {
        this(c::store, c.clock, (id, format, to) -> ReportFiles.write(c, id, format, to, zone));
    }

    /** On {@code store} (opened on first use), stamping what is written with {@code clock}. */
    public AppRetroActions(Callable<FaultlineStore> store, Clock clock, ReportExport export) {
        this(store, clock, export, FolderOpener.documents(Path.of(System.getProperty("user.home", "."))));
    }

    /** The same, offering reports in {@code reportFolder} first. */
    public AppRetroActions(Callable<FaultlineStore> store, Clock clock, ReportExport export, Path reportFolder) {
        this.store = store;
        this.clock = clock;
        this.export = export;
        this.reportFolder = reportFolder;
    }

    private FaultlineStore store() throws Exception {
        return store.call();
    }

    @Override
    public List<GameDayRunRecord> gameDayRuns() throws Exception {
        return store().gameDays().recent(100);
    }

    @Override
    public List<Lesson> lessons(String gameDayRun) throws Exception {
        return store().retro().lessons(gameDayRun);
    }

    @Override
    public List<Finding> findings(GameDayRunRecord run) throws Exception {
        return store().retro().findings(run.id(), run.runIds());
    }

    @Override
    public List<ActionItem> actionItems(String gameDayRun) throws Exception {
        return store().retro().actionItems(gameDayRun);
    }

    @Override
    public List<ExperimentOutcome> outcomes(GameDayRunRecord run) throws Exception {
        return store().retro().outcomes(run.runIds());
    }

    @Override
    public String describeRun(String runId) throws Exception {
        return store().findRun(runId)
                .map(r -> r.experimentName() + " · " + r.status())
                .orElse(runId);
    }

    @Override
    public void addLesson(String gameDayRun, Lesson.Kind kind, String text) throws Exception {
        store().retro().addLesson(gameDayRun, kind, text, clock.instant());
    }

    @Override
    public Finding addFinding(Finding f) throws Exception {
        return store().retro().addFinding(f);
    }

    @Override
    public void addActionItem(ActionItem a) throws Exception {
        store().retro().addActionItem(a);
    }

    @Override
    public void setOutcome(ExperimentOutcome o) throws Exception {
        store().retro().setOutcome(o, clock.instant());
    }

    @Override
    public List<Observation> notes(GameDayRunRecord run) throws Exception {
        List<String> subjects = new java.util.ArrayList<>(run.runIds());
        subjects.add(run.id());
        return store().retro().observations(subjects);
    }

    @Override
    public List<String> skipped(GameDayRunRecord run) throws Exception {
        return SkippedExperiments.of(store(), run).stream()
                .map(Report.Skipped::name)
                .toList();
    }

    @Override
    public Optional<Instant> faultStart(String runId) throws Exception {
        return store().events(runId).stream()
                .filter(e -> e.type().equals("fault-injected"))
                .map(EventRecord::at)
                .findFirst();
    }

    @Override
    public void updateFinding(Finding f) throws Exception {
        store().retro().updateFinding(f);
    }

    @Override
    public void closeFinding(long id, boolean closed) throws Exception {
        store().retro().closeFinding(id, closed ? clock.instant() : null);
    }

    @Override
    public void deleteFinding(long id) throws Exception {
        store().retro().deleteFinding(id);
    }

    @Override
    public void updateLesson(long id, Lesson.Kind kind, String text) throws Exception {
        store().retro().updateLesson(id, kind, text);
    }

    @Override
    public void deleteLesson(long id) throws Exception {
        store().retro().deleteLesson(id);
    }

    @Override
    public void updateActionItem(ActionItem a) throws Exception {
        store().retro().updateActionItem(a);
    }

    @Override
    public void deleteActionItem(long id) throws Exception {
        store().retro().deleteActionItem(id);
    }

    @Override
    public List<SearchHit> search(String term) throws Exception {
        return term.isBlank() ? List.of() : store().retro().search(term, 100);
    }

    @Override
    public Path exportReport(String gameDayRun, String format, Path to) throws Exception {
        return export.write(gameDayRun, format, to);
    }

    @Override
    public Path reportFolder() {
        return reportFolder;
    }

    @Override
    public void openFolder(Path folder) throws Exception {
        FolderOpener.open(folder);
    }
}
