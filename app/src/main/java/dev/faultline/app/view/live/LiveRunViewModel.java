package dev.faultline.app.view.live;

import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.StopCondition;
import dev.faultline.engine.model.Tolerance;
import dev.faultline.engine.report.EventText;
import dev.faultline.engine.spi.run.RunEvent;
import dev.faultline.engine.spi.run.RunPhase;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The state of the run the live view shows, fed with the run's events on the FX thread (through
 * {@code FxRunBridge}, one batch per tick). It holds no nodes: views bind to it, tests drive it.
 * {@link #revisionProperty()} changes once per batch, so charts repaint once per batch.
 */
public final class LiveRunViewModel {
    /** Lines kept in the event log. */
    static final int LOG_LINES = 5_000;

    private final DateTimeFormatter time;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("No run active");
    private final ReadOnlyStringWrapper phase = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper("");
    private final ReadOnlyLongWrapper startedAt = new ReadOnlyLongWrapper(0);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(0);
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final ObservableList<ProbeTrack> tracks = FXCollections.observableArrayList();
    // One read-only view each, kept: a wrapper made per call would be collected with its listeners.
    private final ObservableList<String> logView = FXCollections.unmodifiableObservableList(log);
    private final ObservableList<ProbeTrack> tracksView = FXCollections.unmodifiableObservableList(tracks);
    private final List<ChartMark> marks = new ArrayList<>();
    private final StageStrip stages = new StageStrip();
    private final Map<String, FaultSpan> spans = new LinkedHashMap<>();
    private final java.util.Set<String> notesShown = new java.util.HashSet<>();
    private String runId = "";
    /** What {@link #preparing} started, for the title when it could not start. */
    private String starting = "";
    /** True while {@link FollowFeed} feeds this model (a run of another desktop). */
    boolean followed;

    private final ReadOnlyBooleanWrapper preparing = new ReadOnlyBooleanWrapper(false);
    /** Team mode: whose run this is when it runs on another desktop ("" for this desktop's own runs). */
    private final ReadOnlyStringWrapper following = new ReadOnlyStringWrapper("");
    /** Team mode: how far behind the runner a followed run is, when it is ("" when it is not). */
    private final ReadOnlyStringWrapper behind = new ReadOnlyStringWrapper("");

    private final javafx.beans.value.ObservableStringValue chartsPlaceholder = javafx.beans.binding.Bindings.when(
                    preparing)
            .then("Getting ready: the sandbox starts and waits until its orders flow. The probes appear here as"
                    + " charts when the first experiment begins.")
            .otherwise("Start a GameDay, or run an experiment from Home or the editor: its probes appear here as"
                    + " charts.");
    private final GameDayPlan day;
    /** The latest time on the charts: the last event of the run; fixed once it ended (the charts stop there). */
    private long lastAt;

    /**
     * A GameDay paused after a halted experiment, waiting for the leader's choice.
     *
     * @param index the halted experiment's place in the day, from 0
     * @param next  the next experiment's name; empty when the halted one was the last
     * @param halt  what halted it and when (the engine's reason), and the kill switch's release once given
     */
    public record PausedDay(
            int index,
            int total,
            String experiment,
            String next,
            DayHalt halt,
            java.util.concurrent.CompletableFuture<dev.faultline.engine.spi.run.AfterHalt> answer) {

        public boolean last() {
            return next.isEmpty();
        }

        /** The same pause, its kill switch released at {@code at} for {@code why}. */
        public PausedDay released(Instant at, String why) {
            return new PausedDay(index, total, experiment, next, halt.released(at, why), answer);
        }

        /**
         * "GameDay paused: experiment 1 of 4 (payment-latency-holds) was halted at 10:42:07 by the
         * kill switch (pressed in the app); released at 10:43:10: all faults gone".
         */
        public String headline(DateTimeFormatter time) {
            return "GameDay paused: experiment " + (index + 1) + " of " + total + " (" + experiment + ") was "
                    + halt.describe(time);
        }
    }

    public LiveRunViewModel(ZoneId zone) {
        this.time = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(zone);
        this.day = new GameDayPlan(time, log);
    }

    /**
     * A run or a GameDay is being started ({@code what}: its file): the log is cleared for it and the
     * time the sandbox and the rest take to start is shown as progress.
     */
    public void preparing(String what, Instant at) {
        runId = "";
        followed = false;
        following.set("");
        behind.set("");
        starting = what;
        title.set("Starting " + what);
        phase.set("starting: the sandbox and what the run needs (this takes a few seconds)…");
        verdict.set("");
        day.clear();
        startedAt.set(at.toEpochMilli());
        lastAt = 0;
        running.set(true);
        preparing.set(true);
        log.clear();
        notesShown.clear();
        marks.clear();
        stages.clear();
        spans.clear();
        tracks.clear();
        bump();
    }

    /**
     * Clears the charts for a new run of {@code experiment}; the log goes on (a GameDay keeps one log
     * for the whole day).
     */
    public void begin(Experiment experiment, Instant at) {
        if (!followed) { // a followed run's id is set already (notes go to it)
            runId = "";
            following.set("");
            behind.set("");
        }
        title.set(experiment.title().isBlank() ? experiment.name() : experiment.title());
        phase.set("starting");
        verdict.set("");
        startedAt.set(at.toEpochMilli());
        lastAt = 0;
        running.set(true);
        preparing.set(false);
        if (!log.isEmpty()) {
            log.add(time.format(at) + "  ── " + day.separator(experiment.name()) + " ──");
        }
        marks.clear();
        stages.begin(experiment);
        spans.clear();
        Map<String, Tolerance> haltZones = new LinkedHashMap<>();
        for (StopCondition s : experiment.stopConditions()) {
            haltZones.putIfAbsent(s.probe().name(), s.haltWhen());
        }
        tracks.setAll(experiment.allProbes().stream()
                .map(p -> new ProbeTrack(p, haltZones.get(p.name())))
                .toList());
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
        lastAt = Math.max(lastAt, at);
        if (e instanceof RunEvent.RunStarted s) {
            runId = s.runId();
            startedAt.set(at);
        } else if (e instanceof RunEvent.PhaseChanged p) {
            phase.set(phaseText(p.to()));
            if (p.to() == RunPhase.INJECT || p.to() == RunPhase.RECOVERY || p.to() == RunPhase.VERIFY) {
                marks.add(new ChartMark(at, ChartMark.Kind.PHASE, p.to().name().toLowerCase(java.util.Locale.ROOT)));
            }
        } else if (e instanceof RunEvent.ProbeSampled s) {
            for (ProbeTrack t : tracks) {
                if (t.name().equals(s.sample().probe())) {
                    t.add(
                            at,
                            s.sample().value(),
                            s.sample().within(),
                            s.sample().error(),
                            s.sample().phase() == RunPhase.BASELINE);
                }
            }
            if (!s.sample().within()) {
                addLog(e);
            }
            return;
        } else if (e instanceof RunEvent.FaultInjected f) {
            spans.put(f.faultId(), new FaultSpan(f.step(), f.description(), at, Long.MAX_VALUE));
            marks.add(new ChartMark(at, ChartMark.Kind.INJECT, f.step()));
        } else if (e instanceof RunEvent.FaultReverted f) {
            FaultSpan span = spans.get(f.faultId());
            if (span != null) {
                spans.put(f.faultId(), span.endedAt(at));
            }
            marks.add(new ChartMark(at, ChartMark.Kind.REVERT, f.step()));
        } else if (e instanceof RunEvent.RolloutStageStarted || e instanceof RunEvent.RolloutStageChecked) {
            ChartMark stage = stages.take(e, System.currentTimeMillis());
            if (stage != null) {
                marks.add(stage);
            }
        } else if (e instanceof RunEvent.StopConditionBreached b) {
            marks.add(new ChartMark(at, ChartMark.Kind.BREACH, b.condition()));
        } else if (e instanceof RunEvent.Halted h) {
            marks.add(new ChartMark(at, ChartMark.Kind.HALT, "halt"));
        } else if (e instanceof RunEvent.RunFinished f) {
            stages.take(e, at);
            running.set(false);
            verdict.set(f.result().summary());
            phase.set(f.result().outcome().name());
            spans.replaceAll((id, s) -> s.active() ? s.endedAt(at) : s);
        }
        addLog(e);
    }

    /** A scribe's note: it lands in the log and on every chart's time axis. */
    public void addObservation(Instant at, String author, String text) {
        notesShown.add(noteKey(at, author, text));
        marks.add(new ChartMark(at.toEpochMilli(), ChartMark.Kind.OBSERVATION, text));
        log.add(time.format(at) + "  note" + (author.isBlank() ? "" : " (" + author + ")") + ": " + text);
        bump();
    }

    /** Team mode: the run shown is another desktop's, fed from the store ({@link FollowFeed}). */
    void followRun(String runner, String id) {
        followed = true;
        runId = id;
        following.set("Following " + runner + ": read-only here; notes and the kill switch work");
        behind.set("");
    }

    /** The run shown is this desktop's again (or none). */
    void unfollow() {
        followed = false;
        following.set("");
        behind.set("");
    }

    void showBehind(String text) {
        behind.set(text);
    }

    /** A followed run whose runbook cannot be read here: its log and phase, no charts. */
    void beginUncharted(String name, Instant at) {
        title.set(name);
        phase.set("starting");
        verdict.set("");
        startedAt.set(at.toEpochMilli());
        lastAt = 0;
        running.set(true);
        preparing.set(false);
        marks.clear();
        stages.clear();
        spans.clear();
        tracks.clear();
        bump();
    }

    /** A followed GameDay: its plan, and its experiment {@code day.index()} running. */
    void followedDay(FollowFeed.FollowedDay d) {
        day.followed(d.title(), d.experiments());
        if (d.index() >= 0 && d.index() < d.experiments().size()) {
            day.followedExperiment(
                    d.index(), d.experiments().size(), d.experiments().get(d.index()));
        }
        bump();
    }

    void followedResult(int index, String name, String result) {
        day.followedResult(index, name, result);
        bump();
    }

    /** One event of a followed run, as the store keeps it (its type and its line of text). */
    void acceptStored(dev.faultline.engine.store.EventRecord e) {
        long at = e.at().toEpochMilli();
        lastAt = Math.max(lastAt, at);
        String text = e.text();
        switch (e.type()) {
            case "run-started" -> startedAt.set(at);
            case "phase" -> {
                RunPhase to = storedPhase(text);
                if (to != null) {
                    phase.set(phaseText(to));
                }
                if (to == RunPhase.INJECT || to == RunPhase.RECOVERY || to == RunPhase.VERIFY) {
                    marks.add(new ChartMark(at, ChartMark.Kind.PHASE, to.name().toLowerCase(java.util.Locale.ROOT)));
                }
            }
            case "fault-injected" -> {
                String what = text.startsWith("injected ") ? text.substring(9) : text;
                spans.put("stored-" + e.seq(), new FaultSpan(what, what, at, Long.MAX_VALUE));
                marks.add(new ChartMark(at, ChartMark.Kind.INJECT, what));
            }
            case "fault-reverted" -> {
                // the stored line names the step, not the fault: the oldest fault still active ends here
                spans.entrySet().stream()
                        .filter(x -> x.getValue().active())
                        .findFirst()
                        .ifPresent(x -> x.setValue(x.getValue().endedAt(at)));
                String step = text.startsWith("reverted ") ? text.substring(9).split(",", 2)[0] : text;
                marks.add(new ChartMark(at, ChartMark.Kind.REVERT, step));
            }
            case "breach" -> marks.add(new ChartMark(at, ChartMark.Kind.BREACH, text));
            case "halt" -> marks.add(new ChartMark(at, ChartMark.Kind.HALT, "halt"));
            case "run-finished" -> {
                running.set(false);
                verdict.set(text.startsWith("finished: ") ? text.substring(10) : text);
                spans.replaceAll((id, s) -> s.active() ? s.endedAt(at) : s);
            }
            default -> {}
        }
        logLine(e.at(), text);
        bump();
    }

    /** The phase a stored "phase INJECT" line names; null when it names none (a newer runner's). */
    private static @org.jspecify.annotations.Nullable RunPhase storedPhase(String text) {
        try {
            return RunPhase.valueOf(text.substring(text.indexOf(' ') + 1).strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Samples of a followed run, as the store keeps them. */
    void acceptStored(List<dev.faultline.engine.store.SampleRecord> samples) {
        for (dev.faultline.engine.store.SampleRecord s : samples) {
            long at = s.at().toEpochMilli();
            lastAt = Math.max(lastAt, at);
            for (ProbeTrack t : tracks) {
                if (t.name().equals(s.probe())) {
                    t.add(at, s.value(), s.within(), s.error(), s.phase().equals(RunPhase.BASELINE.name()));
                }
            }
            if (!s.within()) {
                logLine(
                        s.at(),
                        s.probe() + " = "
                                + (Double.isNaN(s.value())
                                        ? "unreadable (" + s.error() + ")"
                                        : dev.faultline.engine.model.Numbers.format(s.value()))
                                + " OUTSIDE tolerance");
            }
        }
        bump();
    }

    /** A followed run is over: its outcome as the store has it. */
    void endStored(String status, @org.jspecify.annotations.Nullable String summary) {
        running.set(false);
        phase.set(status);
        if (summary != null) {
            verdict.set(summary);
        }
        long end = lastAt;
        spans.replaceAll((id, s) -> s.active() ? s.endedAt(end) : s);
        bump();
    }

    /** Whether this note is already shown (written here, then read back from the store). */
    boolean noteShown(Instant at, String author, String text) {
        return notesShown.contains(noteKey(at, author, text));
    }

    private static String noteKey(Instant at, String author, String text) {
        return at.toEpochMilli() + "|" + author + "|" + text;
    }

    private void logLine(Instant at, String text) {
        log.add(time.format(at) + "  " + text);
        if (log.size() > LOG_LINES) {
            log.remove(0, log.size() - LOG_LINES);
        }
    }

    /** A line from Faultline itself (the sandbox starting, ...), not from the run's events. */
    public void addSystemLine(String text) {
        log.add(time.format(Instant.now()) + "  " + text);
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
        log.add(time.format(Instant.now()) + "  " + why);
        bump();
    }

    private void addLog(RunEvent e) {
        logLine(e.at(), EventText.describe(e));
    }

    private void bump() {
        revision.set(revision.get() + 1);
    }

    private static String phaseText(RunPhase p) {
        return switch (p) {
            case INJECT -> "INJECT: faults active, watching the steady state";
            case BASELINE -> "BASELINE: the hypothesis must hold before anything is injected";
            case RECOVERY -> "RECOVERY: faults reverted, waiting for the system to settle";
            case VERIFY -> "VERIFY: final check of the hypothesis";
            default -> p.name();
        };
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

    /**
     * What the empty chart area says: how to start something, or, while a run or GameDay gets ready
     * (the sandbox starting, its orders not yet flowing), that the charts come with its first experiment.
     */
    public javafx.beans.value.ObservableStringValue chartsPlaceholder() {
        return chartsPlaceholder;
    }

    /**
     * Team mode: "Following ops-laptop-3 (pid 4242): read-only, notes and the kill switch work" while
     * the run shown runs on another desktop; empty for this desktop's own runs.
     */
    public ReadOnlyStringProperty followingProperty() {
        return following.getReadOnlyProperty();
    }

    /** Team mode: "3 s behind the runner: …" while a followed run's news is late; empty otherwise. */
    public ReadOnlyStringProperty behindProperty() {
        return behind.getReadOnlyProperty();
    }

    /** "Experiment 3 of 4: checkout-outage"; empty outside a GameDay. */
    public ReadOnlyStringProperty progressProperty() {
        return day.progress.getReadOnlyProperty();
    }

    /** The GameDay's experiments, each with its state or result ("3. checkout — HALTED after 12s: ..."). */
    public ObservableList<String> plan() {
        return day.planView;
    }

    public javafx.beans.property.ReadOnlyObjectProperty<@org.jspecify.annotations.Nullable PausedDay> pausedProperty() {
        return day.paused.getReadOnlyProperty();
    }

    /** The latest time of the run's events: where the charts end (0: none yet). */
    public long lastAt() {
        return lastAt;
    }

    public ObservableList<String> log() {
        return logView;
    }

    public ObservableList<ProbeTrack> tracks() {
        return tracksView;
    }

    public List<ChartMark> marks() {
        return List.copyOf(marks);
    }

    public List<FaultSpan> spans() {
        return List.copyOf(spans.values());
    }
}
