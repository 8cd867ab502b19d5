package dev.faultline.app.view.live;

import dev.faultline.engine.model.Experiment;
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
    private int index = -1;
    private String experiment = "";

    public FollowFeed(LiveRunViewModel live) {
        this.live = live;
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
            live.followedDay(day);
            index = day.index();
        }
    }

    /** A GameDay seen from another desktop: its title, its experiments, and which one runs ({@code index} from 0). */
    public record FollowedDay(String title, List<String> experiments, int index) {}

    /** One change read from the store. */
    public void accept(RunFollower.Change change) {
        switch (change) {
            case RunFollower.Event(var e) -> live.acceptStored(e);
            case RunFollower.Samples(var samples) -> live.acceptStored(samples);
            case RunFollower.Note(var n) -> {
                if (!live.noteShown(n.at(), n.author(), n.text())) {
                    live.addObservation(n.at(), n.author(), n.text());
                }
            }
            case RunFollower.Ended(var run) -> {
                live.endStored(run.status(), run.summary());
                if (index >= 0) {
                    live.followedResult(
                            index, experiment, run.status() + (run.summary() == null ? "" : ": " + run.summary()));
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
        if (!live.runningProperty().get()) {
            live.showBehind("");
            return;
        }
        Duration late = newest == null ? Duration.ZERO : Duration.between(newest, now);
        if (late.compareTo(LATE) > 0 || !why.isEmpty()) {
            live.showBehind("Behind the runner by " + late.toSeconds() + " s" + (why.isEmpty() ? "" : ": " + why));
        } else {
            live.showBehind("");
        }
    }

    /** Following stopped (this desktop runs something itself, or the followed GameDay ended). */
    public void stop() {
        live.unfollow();
    }
}
