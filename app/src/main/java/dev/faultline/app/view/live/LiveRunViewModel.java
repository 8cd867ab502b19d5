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
    private final Map<String, FaultSpan> spans = new LinkedHashMap<>();
    private String runId = "";

    public LiveRunViewModel(ZoneId zone) {
        this.time = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(zone);
    }

    /** Clears the view for a new run of {@code experiment}. */
    public void begin(Experiment experiment, Instant at) {
        runId = "";
        title.set(experiment.title().isBlank() ? experiment.name() : experiment.title());
        phase.set("starting");
        verdict.set("");
        startedAt.set(at.toEpochMilli());
        running.set(true);
        log.clear();
        marks.clear();
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

    /** Takes one batch of events, in order. */
    public void accept(List<RunEvent> batch) {
        for (RunEvent e : batch) {
            take(e);
        }
        bump();
    }

    private void take(RunEvent e) {
        long at = e.at().toEpochMilli();
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
        } else if (e instanceof RunEvent.StopConditionBreached b) {
            marks.add(new ChartMark(at, ChartMark.Kind.BREACH, b.condition()));
        } else if (e instanceof RunEvent.Halted h) {
            marks.add(new ChartMark(at, ChartMark.Kind.HALT, "halt"));
        } else if (e instanceof RunEvent.RunFinished f) {
            running.set(false);
            verdict.set(f.result().summary());
            phase.set(f.result().outcome().name());
            spans.replaceAll((id, s) -> s.active() ? s.endedAt(at) : s);
        }
        addLog(e);
    }

    /** A scribe's note: it lands in the log and on every chart's time axis. */
    public void addObservation(Instant at, String author, String text) {
        marks.add(new ChartMark(at.toEpochMilli(), ChartMark.Kind.OBSERVATION, text));
        log.add(time.format(at) + "  note" + (author.isBlank() ? "" : " (" + author + ")") + ": " + text);
        bump();
    }

    /** A line from Faultline itself (the sandbox starting, ...), not from the run's events. */
    public void addSystemLine(String text) {
        log.add(time.format(Instant.now()) + "  " + text);
    }

    /** The run could not start or broke off: says why. */
    public void failed(String why) {
        running.set(false);
        phase.set("not running");
        verdict.set(why);
        log.add(time.format(Instant.now()) + "  " + why);
        bump();
    }

    private void addLog(RunEvent e) {
        log.add(time.format(e.at()) + "  " + EventText.describe(e));
        if (log.size() > LOG_LINES) {
            log.remove(0, log.size() - LOG_LINES);
        }
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
