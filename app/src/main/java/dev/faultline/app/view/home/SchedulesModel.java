package dev.faultline.app.view.home;

import dev.faultline.app.view.common.Dialogs;
import dev.faultline.app.view.common.Work;
import dev.faultline.engine.env.Environments;
import dev.faultline.engine.report.ScoreHistory;
import dev.faultline.engine.runbook.RunbookException;
import dev.faultline.engine.runbook.RunbookLoader;
import dev.faultline.engine.schedule.Days;
import dev.faultline.engine.schedule.ScheduleEntry;
import dev.faultline.engine.schedule.ScheduleState;
import dev.faultline.engine.store.FaultlineStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The schedules on the home screen, without nodes: each with its next run (in the user's zone) and
 * last result, and each scheduled experiment's resilience score over time ({@link ScoreHistory}: the
 * score the reports give each recorded run). Pause and resume change the store and read it again.
 */
public final class SchedulesModel {
    /** Runs looked at for the score trends. */
    static final int LOOK_BACK = 500;

    /**
     * One schedule as the home screen lists it.
     *
     * @param fields the schedule as the dialog edits it
     */
    public record Row(
            String name,
            String experiment,
            String when,
            String nextRun,
            String lastResult,
            boolean paused,
            ScheduleForm.Fields fields) {}

    /** One experiment's scores, oldest first. */
    public record Trend(String experiment, List<ScoreHistory.Point> points) {}

    private record Read(List<Row> rows, List<Trend> trends) {}

    private final ZoneId zone;
    private final Clock clock;
    private final Callable<FaultlineStore> store;
    private final RunbookLoader loader;
    private final Supplier<Environments> environments;
    private final Work work;
    private final BiConsumer<String, Throwable> errors;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Row> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<Trend> trends = FXCollections.observableArrayList();
    private final ObservableList<Trend> trendsView = FXCollections.unmodifiableObservableList(trends);

    public SchedulesModel(
            ZoneId zone,
            Clock clock,
            Callable<FaultlineStore> store,
            RunbookLoader loader,
            Supplier<Environments> environments,
            Work work,
            BiConsumer<String, Throwable> errors) {
        this.zone = zone;
        this.clock = clock;
        this.store = store;
        this.loader = loader;
        this.environments = environments;
        this.work = work;
        this.errors = errors;
    }

    /** Reads the schedules and the score trends from the database. */
    public void refresh() {
        work.run(
                "load-schedules",
                this::read,
                r -> {
                    rows.setAll(r.rows());
                    trends.setAll(r.trends());
                },
                err -> errors.accept("Could not read the schedules from the database", err));
    }

    /** Pauses ({@code true}) or resumes a schedule, then reads them again. */
    public void setPaused(String name, boolean paused) {
        work.run(
                paused ? "pause-schedule" : "resume-schedule",
                () -> store.call().schedules().setPaused(name, paused, clock.instant()),
                changed -> refresh(),
                err -> errors.accept("Could not " + (paused ? "pause" : "resume") + " schedule " + name, err));
    }

    /**
     * Saves the dialog's fields, a new schedule when {@code editing} is null, else in place of that one;
     * then reads the schedules again and calls {@code saved}. A field that is wrong, a name taken, or a
     * database that cannot be written is said to {@code refused} in one line, nothing saved.
     */
    public void save(ScheduleForm.Fields f, @Nullable String editing, Runnable saved, Consumer<String> refused) {
        work.run(
                "save-schedule",
                () -> {
                    Instant now = clock.instant();
                    ScheduleForm.checkRunnable(ScheduleForm.toSchedule(f, now), loader, environments.get());
                    return ScheduleForm.save(store.call().schedules(), f, editing, now);
                },
                s -> {
                    refresh();
                    saved.run();
                },
                err -> refused.accept(
                        err instanceof IllegalArgumentException
                                ? Dialogs.message(err)
                                : "Could not save the schedule in the database: " + Dialogs.message(err)));
    }

    /** Removes a schedule (its runs stay in the history), then reads them again. */
    public void remove(String name) {
        work.run(
                "remove-schedule",
                () -> store.call().schedules().remove(name),
                removed -> refresh(),
                err -> errors.accept("Could not remove schedule " + name, err));
    }

    /** The next runs the fields would start, in the user's zone, or why none (for the dialog, as typed). */
    public ScheduleForm.Preview preview(ScheduleForm.Fields f) {
        return ScheduleForm.preview(f, clock.instant(), zone);
    }

    /** The zone next runs are shown in. */
    public ZoneId zone() {
        return zone;
    }

    private Read read() throws Exception {
        FaultlineStore s = store.call();
        Instant now = clock.instant();
        List<Row> out = new ArrayList<>();
        Set<String> experiments = new LinkedHashSet<>();
        for (ScheduleEntry e : s.schedules().entries()) {
            String experiment = experimentOf(e.schedule().runbook());
            experiments.add(experiment);
            out.add(new Row(
                    e.schedule().name(),
                    experiment,
                    e.schedule().cron() + " (" + e.schedule().zone().getId() + ")",
                    e.state().paused()
                            ? "paused"
                            : e.nextRun(now).map(t -> Days.when(t.atZone(zone))).orElse("never"),
                    lastResult(e.state(), zone),
                    e.state().paused(),
                    ScheduleForm.of(e.schedule())));
        }
        Map<String, List<ScoreHistory.Point>> history = ScoreHistory.of(s, experiments, LOOK_BACK);
        List<Trend> t = new ArrayList<>();
        history.forEach((name, points) -> t.add(new Trend(name, points)));
        return new Read(out, t);
    }

    private String experimentOf(String runbook) {
        try {
            return loader.load(Path.of(runbook)).experiment().name();
        } catch (RunbookException | RuntimeException e) {
            return Path.of(runbook).getFileName() + " (cannot be read: " + Dialogs.message(e) + ")";
        }
    }

    /** "HELD (run …) Mon 7 Dec 09:00" or the last decision, "not run yet" when none. */
    static String lastResult(ScheduleState st, ZoneId zone) {
        String outcome = st.lastOutcome();
        if (outcome == null) {
            String d = st.lastDecision();
            return d == null ? "not run yet" : d;
        }
        Instant at = st.lastResultAt();
        return outcome
                + (at == null ? "" : " " + Days.when(at.atZone(zone)))
                + (st.lastRunId() == null ? "" : " (run " + st.lastRunId() + ")");
    }

    public ObservableList<Row> rows() {
        return rowsView;
    }

    public ObservableList<Trend> trends() {
        return trendsView;
    }
}
