package dev.faultline.app.view.live;

import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.store.JournalMirror;
import dev.faultline.engine.store.RunFollower;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Team mode: feeds the live view with a run that another desktop runs, from what its {@link
 * RunFollower} reads in the shared store (events, samples, notes, the end), on the FX thread. The
 * view says whose run it is and that it is read-only here (notes and the kill switch still work),
 * and how far behind the runner it is when its news is late.
 */
public final class FollowFeed {
    /** News older than this is "behind": the runner's probes sample every second or so. */
    static final Duration LATE = Duration.ofSeconds(3);

    private final LiveRunViewModel live;
    private final StoredRunTranslation stored;
    private int index = -1;
    private String experiment = "";
    /** The host of a runner that stopped answering, while it does not answer. */
    private @Nullable String silentHost;

    public FollowFeed(LiveRunViewModel live) {
        this.live = live;
        this.stored = new StoredRunTranslation(live);
    }

    /**
     * A followed run (of a GameDay, when {@code day} is given) begins here.
     *
     * @param runner     the machine (and process) that runs it
     * @param experiment the experiment as its runbook reads, for the charts; null when its runbook could
     *                   not be read here (the log and phase still follow)
     */
    public void begin(
            String runner,
            String runId,
            String name,
            @Nullable Experiment experiment,
            Instant startedAt,
            @Nullable FollowedDay day) {
        live.followRun(runner, runId);
        silentHost = null;
        this.experiment = name;
        if (experiment != null) {
            live.begin(experiment, startedAt);
        } else {
            live.beginUncharted(name, startedAt);
            live.addSystemLine(
                    "the runbook of " + name + " cannot be read on this desktop: no charts, the log follows");
        }
        index = -1;
        if (day != null) {
            live.day().followed(day.title(), day.experiments());
            if (day.index() >= 0 && day.index() < day.experiments().size()) {
                live.day()
                        .followedExperiment(
                                day.index(),
                                day.experiments().size(),
                                day.experiments().get(day.index()));
            }
            live.bump();
            index = day.index();
        }
    }

    /** A GameDay seen from another desktop: its title, its experiments, and which one runs ({@code index} from 0). */
    public record FollowedDay(String title, List<String> experiments, int index) {}

    /** One change read from the store. */
    public void accept(RunFollower.Change change) {
        switch (change) {
            case RunFollower.Event(var e) -> stored.event(e);
            case RunFollower.Samples(var samples) -> stored.samples(samples);
            case RunFollower.Note(var n) -> {
                if (!live.runLog().shown(n.at(), n.author(), n.text())) {
                    live.addObservation(n.at(), n.author(), n.text());
                }
            }
            case RunFollower.Ended(var run) -> {
                stored.ended(run.status(), run.summary());
                if (index >= 0) {
                    live.day()
                            .followedResult(
                                    index,
                                    experiment,
                                    run.status() + (run.summary() == null ? "" : ": " + run.summary()));
                    live.bump();
                }
            }
        }
    }

    /**
     * How late the newest news is at {@code now} (nothing is late once the run ended); the view says
     * so when it is later than {@link #LATE}.
     *
     * @param newest the time of the newest event or sample read, or null before the first
     * @param why    what is known about the delay ("the shared store does not answer"), or empty
     */
    public void lag(@Nullable Instant newest, Instant now, String why) {
        if (!live.runningProperty().get() || silentHost != null) {
            // a runner that stopped answering is said by its own banner: "behind" would blame the store
            live.follow().behind("");
            return;
        }
        Duration late = newest == null ? Duration.ZERO : Duration.between(newest, now);
        if (late.compareTo(LATE) > 0 || !why.isEmpty()) {
            live.follow().behind("Behind the runner by " + late.toSeconds() + " s" + (why.isEmpty() ? "" : ": " + why));
        } else {
            live.follow().behind("");
        }
    }

    /**
     * What the store says of the runner: silent (no heartbeat for {@link
     * dev.faultline.engine.store.RunHeartbeat#SILENCE}) with what its journal still holds, or null when it
     * answers (or none is known). Said in the log once each time it stops answering or answers again.
     */
    public void runner(@Nullable Silence silence) {
        FollowState f = live.follow();
        if (silence == null) {
            if (silentHost != null) { // nothing to change (nor repaint) while it answers
                live.addSystemLine("the runner on " + silentHost + " answers again");
                silentHost = null;
                f.answering();
            }
            return;
        }
        if (silentHost == null) {
            live.addSystemLine("THE RUNNER STOPPED ANSWERING: " + silence.host() + " (pid " + silence.pid()
                    + "), no heartbeat for " + silence.silentFor().toSeconds() + " s; its journal holds "
                    + silence.held().size() + " fault(s)");
            silentHost = silence.host();
        }
        f.silent(
                silence.host(),
                silence.pid(),
                silence.lastBeat(),
                silence.silentFor(),
                silence.held(),
                silence.refusal());
    }

    /**
     * A runner that stopped answering, as the store knows it.
     *
     * @param refusal why this desktop's login may not revert its faults; empty when it may
     */
    public record Silence(
            String host,
            long pid,
            Instant lastBeat,
            Duration silentFor,
            List<JournalMirror.HeldFault> held,
            String refusal) {}

    /** A Revert from here began. */
    public void reverting() {
        live.follow().reverting(true);
        live.addSystemLine("reverting, from this desktop, the faults the silent runner holds on reachable backends");
    }

    /** What the Revert from here did, one line each (or why it was refused). */
    public void reverted(List<String> lines) {
        lines.forEach(live::addSystemLine);
        live.follow().reverted(String.join("\n", lines));
        live.follow().reverting(false);
    }

    /** Following stopped (this desktop runs something itself, or the followed GameDay ended). */
    public void stop() {
        live.follow().clear();
    }
}
