package dev.faultline.app.view.live;

import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.report.EventText;
import dev.faultline.engine.spi.run.RunEvent;
import dev.faultline.engine.spi.run.RunPhase;
import dev.faultline.engine.store.RunnerLoss;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The state of the run the live view shows, fed with the run's events on the FX thread (through
 * {@code FxRunBridge}, one batch per tick). It holds no nodes: views bind to it, tests drive it.
 * {@link #revisionProperty()} changes once per batch, so charts repaint once per batch.
 */
public final class LiveRunViewModel {
    private final DateTimeFormatter time;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("No run active");
    private final ReadOnlyStringWrapper phase = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper("");
    /** Team mode: the phase shown before a followed run's runner was lost, shown again when it comes back. */
    private String phaseBeforeLoss = "";

    private final ReadOnlyLongWrapper startedAt = new ReadOnlyLongWrapper(0);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(0);
    private final StageStrip stages = new StageStrip();
    private final RunPicture picture = new RunPicture();
    private String runId = "";
    /** What {@link #preparing} started, for the title when it could not start. */
    private String starting = "";

    private final ReadOnlyBooleanWrapper preparing = new ReadOnlyBooleanWrapper(false);

    private final javafx.beans.value.ObservableStringValue chartsPlaceholder = StackedPlaceholder.text(preparing);
    private final RunLog log;
    private final GameDayPlan day;
    /** Team mode: a run of another desktop, fed by {@link FollowFeed}. */
    private final FollowState follow;

    public LiveRunViewModel(ZoneId zone) {
        this.time = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(zone);
        this.log = new RunLog(time);
        this.day = new GameDayPlan(time, log.lines());
        this.follow = new FollowState(time);
    }

    /**
     * A run or a GameDay is being started ({@code what}: its file): the log is cleared for it and the
     * time the sandbox and the rest take to start is shown as progress.
     */
    public void preparing(String what, Instant at) {
        runId = "";
        follow.clear();
        starting = what;
        title.set("Starting " + what);
        phase.set("starting: the sandbox and what the run needs (this takes a few seconds)…");
        verdict.set("");
        day.clear();
        startedAt.set(at.toEpochMilli());
        running.set(true);
        preparing.set(true);
        log.clear();
        stages.clear();
        picture.clear();
        bump();
    }

    /**
     * Clears the charts for a new run of {@code experiment}; the log goes on (a GameDay keeps one log
     * for the whole day).
     */
    public void begin(Experiment experiment, Instant at) {
        if (!follow.active()) { // a followed run's id is set already (notes go to it)
            runId = "";
        }
        restart(experiment.title().isBlank() ? experiment.name() : experiment.title(), at);
        if (!log.isEmpty()) {
            log.add(at, "── " + day.separator(experiment.name()) + " ──");
        }
        stages.begin(experiment);
        picture.begin(experiment);
        bump();
    }

    /** Takes one event of the GameDay: its plan, "experiment n of m", each result, the halts and the choices. */
    public void acceptDay(dev.faultline.engine.spi.run.GameDayEvent e) {
        day.accept(e);
        if (e instanceof dev.faultline.engine.spi.run.GameDayEvent.Finished f && preparing.get()) {
            // over before its first experiment began (the kill switch pressed while the sandbox started):
            // no longer "Starting first-gameday.yaml" with its progress bar running
            title.set("GameDay " + f.gameDay().title() + ": nothing ran");
            phase.set(f.outcome().name());
            verdict.set(f.reason());
            running.set(false);
            preparing.set(false);
        }
        bump();
    }

    /** The GameDay waits for the leader: resume, repeat or end (see {@link #choose}). */
    public void pause(PausedDay paused) {
        day.pause(paused);
        bump();
    }

    /** The leader's choice for the paused GameDay; nothing when none is paused. */
    public void choose(dev.faultline.engine.spi.run.AfterHalt choice) {
        day.choose(choice);
    }

    /** The kill switch was released at {@code at} for {@code why}: a paused day says so. */
    public void released(Instant at, String why) {
        day.released(at, why);
    }

    /** The paused day's headline (see {@link PausedDay#headline}); empty when no day is paused. */
    public String pausedHeadline() {
        PausedDay p = day.paused.get();
        return p == null ? "" : p.headline(time);
    }

    /** The pause is over without a choice (the day was stopped). */
    public void unpause() {
        day.unpause();
    }

    /** Takes one batch of events, in order. */
    public void accept(List<RunEvent> batch) {
        for (RunEvent e : batch) {
            take(e);
        }
        bump();
    }

    private void take(RunEvent e) {
        long at = e.at().toEpochMilli();
        picture.seen(at);
        switch (e) {
            case RunEvent.RunStarted s -> {
                runId = s.runId();
                startedAt.set(at);
            }
            case RunEvent.PhaseChanged p -> phaseChanged(p.to(), at);
            case RunEvent.ProbeSampled s -> {
                picture.sample(
                        s.sample().probe(),
                        at,
                        s.sample().value(),
                        s.sample().within(),
                        s.sample().error(),
                        s.sample().phase() == RunPhase.BASELINE);
                if (!s.sample().within()) {
                    log.add(e.at(), EventText.describe(e));
                }
                return;
            }
            case RunEvent.FaultInjected f -> picture.faultInjected(f.faultId(), f.step(), f.description(), at);
            case RunEvent.FaultReverted f -> picture.faultReverted(f.faultId(), f.step(), at);
            case RunEvent.RolloutStageStarted _, RunEvent.RolloutStageChecked _ -> {
                ChartMark stage = stages.take(e, System.currentTimeMillis());
                if (stage != null) {
                    picture.mark(stage);
                }
            }
            case RunEvent.StopConditionBreached b ->
                picture.mark(new ChartMark(at, ChartMark.Kind.BREACH, b.condition()));
            case RunEvent.Halted _ -> picture.mark(new ChartMark(at, ChartMark.Kind.HALT, "halt"));
            case RunEvent.RunFinished f -> {
                stages.take(e, at);
                ended(f.result().outcome().name(), f.result().summary(), at);
            }
            case RunEvent.PreflightChecked _,
                    RunEvent.StepStarted _,
                    RunEvent.StepFinished _,
                    RunEvent.FaultInjecting _,
                    RunEvent.FaultInjectFailed _,
                    RunEvent.FaultRevertFailed _,
                    RunEvent.RollbackRan _ -> {}
        }
        log.add(e.at(), EventText.describe(e));
    }

    void startedAt(long at) {
        startedAt.set(at);
    }

    void phaseChanged(RunPhase to, long at) {
        phase.set(PhaseLine.of(to));
        if (to == RunPhase.INJECT || to == RunPhase.RECOVERY || to == RunPhase.VERIFY) {
            picture.mark(new ChartMark(at, ChartMark.Kind.PHASE, to.name().toLowerCase(Locale.ROOT)));
        }
    }

    RunPicture picture() {
        return picture;
    }

    /** The run ended at {@code at}: its outcome (the phase line) and verdict; every fault span ends there. */
    void ended(@Nullable String outcome, @Nullable String summary, long at) {
        running.set(false);
        if (outcome != null) {
            phase.set(outcome);
        }
        if (summary != null) {
            verdict.set(summary);
        }
        picture.endSpans(at);
    }

    /**
     * Team mode: the followed run's runner was lost ({@code why}: the store's line), the run is
     * ABANDONED; its faults stay drawn until they are reverted. Empty: its runner answers again.
     */
    void abandoned(String why) {
        if (why.isEmpty()) {
            if (phase.get().equals(RunnerLoss.ABANDONED)) {
                phase.set(phaseBeforeLoss);
                verdict.set("");
            }
            return;
        }
        if (!phase.get().equals(RunnerLoss.ABANDONED)) {
            phaseBeforeLoss = phase.get();
        }
        phase.set(RunnerLoss.ABANDONED);
        verdict.set(why);
    }

    /** A scribe's note: it lands in the log and on every chart's time axis. */
    public void addObservation(Instant at, String author, String text) {
        picture.mark(new ChartMark(at.toEpochMilli(), ChartMark.Kind.OBSERVATION, text));
        log.note(at, author, text);
        bump();
    }

    /** Team mode: the run shown is another desktop's, fed from the store ({@link FollowFeed}). */
    void followRun(String runner, String id) {
        follow.start(runner);
        runId = id;
    }

    /** Team mode: whose run this is, how late its news is, and whether its runner answers. */
    public FollowState follow() {
        return follow;
    }

    /** A followed run whose runbook cannot be read here: its log and phase, no charts. */
    void beginUncharted(String name, Instant at) {
        restart(name, at);
        stages.clear();
        picture.clear();
        bump();
    }

    private void restart(String name, Instant at) {
        title.set(name);
        phase.set("starting");
        verdict.set("");
        startedAt.set(at.toEpochMilli());
        running.set(true);
        preparing.set(false);
    }

    GameDayPlan day() {
        return day;
    }

    RunLog runLog() {
        return log;
    }

    /** A line from Faultline itself (the sandbox starting, ...), not from the run's events. */
    public void addSystemLine(String text) {
        log.add(Instant.now(), text);
    }

    /** The run could not start or broke off: says why (the title too, when nothing had started yet). */
    public void failed(String why) {
        boolean notStarted = preparing.get();
        if (notStarted) {
            title.set("Could not start " + starting);
        }
        running.set(false);
        preparing.set(false);
        phase.set(notStarted ? "NOT STARTED" : "not running");
        verdict.set(why);
        log.add(Instant.now(), why);
        bump();
    }

    void bump() {
        revision.set(revision.get() + 1);
    }

    public String runId() {
        return runId;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** Where a progressive rollout stands: "payments-failing: stage 2 of 4: 5% → next 25% in 0:42"; empty without one. */
    public ReadOnlyStringProperty stageProperty() {
        return stages.textProperty();
    }

    /** Refreshes what counts down (the rollout's next stage) at {@code now}, epoch milliseconds. */
    public void tick(long now) {
        stages.tick(now);
    }

    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty startedAtProperty() {
        return startedAt.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** True from the start of a run or GameDay until its first experiment begins (the sandbox starting). */
    public ReadOnlyBooleanProperty preparingProperty() {
        return preparing.getReadOnlyProperty();
    }

    /** What the empty chart area says (see {@link StackedPlaceholder#text}). */
    public javafx.beans.value.ObservableStringValue chartsPlaceholder() {
        return chartsPlaceholder;
    }

    /** Team mode: see {@link FollowState#followingProperty()}. */
    public ReadOnlyStringProperty followingProperty() {
        return follow.followingProperty();
    }

    public ReadOnlyStringProperty behindProperty() {
        return follow.behindProperty();
    }

    /** "Experiment 3 of 4: checkout-outage"; empty outside a GameDay. */
    public ReadOnlyStringProperty progressProperty() {
        return day.progress.getReadOnlyProperty();
    }

    /** The GameDay's experiments, each with its state or result ("3. checkout — HALTED after 12s: ..."). */
    public ObservableList<String> plan() {
        return day.planView;
    }

    public javafx.beans.property.ReadOnlyObjectProperty<@Nullable PausedDay> pausedProperty() {
        return day.paused.getReadOnlyProperty();
    }

    /** The latest time of the run's events: where the charts end (0: none yet). */
    public long lastAt() {
        return picture.lastAt();
    }

    public ObservableList<String> log() {
        return log.view();
    }

    public ObservableList<ProbeTrack> tracks() {
        return picture.tracks();
    }

    public List<ChartMark> marks() {
        return picture.marks();
    }

    public List<FaultSpan> spans() {
        return picture.spans();
    }
}
