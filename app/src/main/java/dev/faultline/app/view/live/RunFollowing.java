package dev.faultline.app.view.live;

import dev.faultline.engine.gameday.GameDayStep;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.runbook.RunbookException;
import dev.faultline.engine.runbook.RunbookLoader;
import dev.faultline.engine.store.FaultlineStore;
import dev.faultline.engine.store.JournalMirror;
import dev.faultline.engine.store.RunFollower;
import dev.faultline.engine.store.RunHeartbeat;
import dev.faultline.engine.store.RunRecord;
import dev.faultline.engine.store.RunnerLoss;
import dev.faultline.engine.store.StoreException;
import dev.faultline.engine.store.TeamRoles;
import dev.faultline.engine.store.TeamRuns;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import javafx.beans.value.ObservableBooleanValue;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Team mode: follows a run of another desktop in the live view, through a {@link RunFollower} on
 * the shared store, and in a GameDay the day's next experiments as the runner starts them, until
 * the day ends or {@link #stop}. Reads on a thread of its own; the view is fed through {@code fx}
 * (the FX thread in the app, the caller's in tests). One followed run at a time.
 */
public final class RunFollowing implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RunFollowing.class);
    /** How often the view is told how late the news is, and a GameDay's next experiment is looked for. */
    static final Duration TICK = Duration.ofMillis(500);

    /**
     * Reverts, from this desktop, the faults a silent runner's run holds on backends anyone can reach
     * ({@code TeamRevert} in the app): one line per fault, or why nothing was tried.
     */
    @FunctionalInterface
    public interface HeldFaultReverter {
        List<String> revert(FaultlineStore store, String runId) throws Exception;
    }

    private final Callable<FaultlineStore> store;
    private final HeldFaultReverter reverter;
    /** The run followed now (null when none): what Revert reverts. */
    private volatile @Nullable String current;

    private final RunbookLoader loader;
    private final FollowFeed feed;
    private final Executor fx;
    private final Clock clock;
    private final Object lock = new Object();
    private @Nullable Thread thread;
    private volatile boolean stopped = true;
    private volatile @Nullable Instant newest;
    /** Which follow is current: what an earlier one still hands to the FX thread is dropped there. */
    private volatile long generation;

    public RunFollowing(
            Callable<FaultlineStore> store, RunbookLoader loader, LiveRunViewModel live, Executor fx, Clock clock) {
        this(store, loader, live, fx, clock, (s, run) -> List.of("reverting from here is not set up in this view"));
    }

    public RunFollowing(
            Callable<FaultlineStore> store,
            RunbookLoader loader,
            LiveRunViewModel live,
            Executor fx,
            Clock clock,
            HeldFaultReverter reverter) {
        this.store = store;
        this.reverter = reverter;
        this.loader = loader;
        this.feed = new FollowFeed(live);
        this.fx = fx;
        this.clock = clock;
    }

    /** Follows {@code run} (and the rest of its GameDay) from now on, instead of what was followed. */
    public void follow(TeamRuns.UnderWay run) {
        synchronized (lock) {
            stop();
            stopped = false;
            long g = ++generation;
            thread = Thread.ofVirtual().name("faultline-follow-" + run.runId()).start(() -> followFrom(run, g));
        }
    }

    /** Whether a run of another desktop is being followed. */
    public boolean following() {
        return !stopped;
    }

    /** This desktop's own run takes the live view: following another desktop's run stops when one starts. */
    public void stopWhenBusy(ObservableBooleanValue ownRunBusy) {
        ownRunBusy.addListener((o, was, busy) -> {
            if (busy) {
                stop();
            }
        });
    }

    /**
     * Stops following; the view shows this desktop's runs again. Waits for nothing (safe on the FX
     * thread): the reading thread ends within a {@link #TICK}, and what it still hands over is dropped.
     */
    public void stop() {
        synchronized (lock) {
            boolean was = !stopped;
            stopped = true;
            current = null;
            generation++;
            Thread t = thread;
            thread = null;
            if (t != null) {
                t.interrupt();
            }
            if (was) {
                fx.execute(feed::stop);
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Hands {@code update} to the FX thread, unless a later follow (or a stop) came meanwhile. */
    private void show(long g, Runnable update) {
        fx.execute(() -> {
            if (g == generation) {
                update.run();
            }
        });
    }

    private void followFrom(TeamRuns.UnderWay first, long g) {
        try {
            FaultlineStore s = store.call();
            TeamRuns runs = new TeamRuns(s);
            String dayRun = first.gameDayRunId();
            String runId = first.runId();
            int position = first.position();
            while (!stopped) {
                followOne(s, runs, runId, first.runner(), dayRun, g);
                if (dayRun == null || stopped) {
                    return;
                }
                Optional<TeamRuns.Member> next = awaitNext(runs, dayRun, position);
                if (next.isEmpty()) {
                    return;
                }
                runId = next.get().runId();
                position = next.get().position();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (!stopped) {
                log.warn("stopped following {}: {}", first.runId(), e.toString());
                String why = e.getMessage();
                show(g, () -> feed.lag(null, clock.instant(), "cannot follow " + first.runId() + ": " + why));
            }
        }
    }

    private void followOne(
            FaultlineStore s, TeamRuns runs, String runId, String runner, @Nullable String dayRun, long g)
            throws StoreException, InterruptedException {
        Optional<RunRecord> run = s.findRun(runId);
        String name = run.map(RunRecord::experimentName).orElse(runId);
        Instant started = run.map(RunRecord::startedAt).orElse(clock.instant());
        Experiment experiment = experimentOf(runs, runId);
        FollowFeed.FollowedDay day = dayRun == null ? null : dayOf(s, dayRun, runId, name);
        newest = null;
        current = runId;
        show(g, () -> feed.begin(runner, runId, name, experiment, started, day));
        try (RunFollower f = RunFollower.follow(s, runId, change -> {
            Instant at = timeOf(change);
            if (at != null && (newest == null || at.isAfter(newest))) {
                newest = at;
            }
            show(g, () -> feed.accept(change));
        })) {
            int ticks = 0;
            do {
                if (ticks++ % 2 == 0) { // the heartbeat changes once a second
                    heard(s, runId, g);
                }
                Instant n = newest;
                String problem = f.problem();
                show(g, () -> feed.lag(n, clock.instant(), problem));
            } while (!stopped && !f.awaitEnd(TICK));
            show(g, () -> feed.lag(null, clock.instant(), ""));
            if (!stopped
                    && s.findRun(runId)
                            .map(r -> r.status().equals(RunnerLoss.ABANDONED))
                            .orElse(false)) {
                heard(s, runId, g); // its runner was lost: the banner stays, with what its journal still holds
            } else {
                show(g, () -> feed.runner(null));
            }
        }
    }

    /** Whether the runner of {@code runId} answers; when not, what its journal holds. Unchanged when the store is away. */
    private void heard(FaultlineStore s, String runId, long g) {
        try {
            Optional<RunHeartbeat.Runner> r = RunHeartbeat.of(s, runId);
            if (r.isEmpty() || r.get().answering()) {
                show(g, () -> feed.runner(null));
                return;
            }
            if (r.get().silentFor().compareTo(RunnerLoss.AFTER) >= 0) {
                RunnerLoss.markIfLost(s, runId); // the follower then tells the run's end: ABANDONED
            }
            FollowFeed.Silence silence = new FollowFeed.Silence(
                    r.get().host(),
                    r.get().pid(),
                    r.get().lastBeat(),
                    r.get().silentFor(),
                    JournalMirror.held(s, runId),
                    s.roles().refusal(TeamRoles.Right.REVERT_FOR_OTHERS, null).orElse(""));
            show(g, () -> feed.runner(silence));
        } catch (StoreException e) {
            log.debug("the heartbeat of {} cannot be read now: {}", runId, e.getMessage());
        }
    }

    /**
     * Reverts from here the faults that the followed run's silent runner holds on backends anyone can
     * reach, on a thread of its own (safe on the FX thread); the view says what was done.
     */
    public void revertHeld() {
        String run = current;
        long g = generation;
        if (run == null || stopped) {
            return;
        }
        show(g, feed::reverting);
        Thread.ofVirtual().name("faultline-team-revert-" + run).start(() -> {
            List<String> lines;
            try {
                lines = reverter.revert(store.call(), run);
            } catch (Exception e) {
                lines = List.of("COULD NOT revert the faults of " + run + ": " + e.getMessage());
            }
            List<String> said = lines;
            show(g, () -> feed.reverted(said));
        });
    }

    private static @Nullable Instant timeOf(RunFollower.Change c) {
        return switch (c) {
            case RunFollower.Event(var e) -> e.at();
            case RunFollower.Samples(var samples) ->
                samples.stream().map(x -> x.at()).max(Instant::compareTo).orElse(null);
            case RunFollower.Note _ -> null;
            case RunFollower.Ended _ -> null;
        };
    }

    /** The GameDay's next experiment run after {@code position}, once the runner starts it; empty when the day ended. */
    private Optional<TeamRuns.Member> awaitNext(TeamRuns runs, String dayRun, int position)
            throws StoreException, InterruptedException {
        while (!stopped) {
            List<TeamRuns.Member> after = runs.membersAfter(dayRun, position);
            if (!after.isEmpty() && runs.started(after.get(0).runId())) {
                return Optional.of(after.get(0));
            }
            if (!runs.gameDayStatus(dayRun).orElse("").equals("RUNNING")) {
                return Optional.empty();
            }
            Thread.sleep(TICK.toMillis());
        }
        return Optional.empty();
    }

    private @Nullable Experiment experimentOf(TeamRuns runs, String runId) throws StoreException {
        Optional<String> text = runs.experimentRunbook(runId);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return loader.parse(text.get(), runId).experiment();
        } catch (RunbookException e) {
            log.info("the runbook of run {} cannot be read here: {}", runId, e.getMessage());
            return null;
        }
    }

    private FollowFeed.FollowedDay dayOf(FaultlineStore s, String dayRun, String runId, String name)
            throws StoreException {
        List<String> names = new java.util.ArrayList<>();
        String title = dayRun;
        Optional<String> text = s.gameDays().runbookOf(dayRun);
        if (text.isPresent()) {
            try {
                var day = loader.parseGameDay(text.get(), dayRun).gameDay();
                title = day.title();
                for (String ref : day.experiments()) {
                    Path p = Path.of(ref).getFileName();
                    String file = p == null ? ref : p.toString();
                    names.add(file.replaceFirst("\\.ya?ml$", ""));
                }
            } catch (RunbookException e) {
                log.info("the GameDay of {} cannot be read here: {}", dayRun, e.getMessage());
            }
        }
        int index = -1;
        for (GameDayStep step : s.gameDays().steps(dayRun)) {
            if (runId.equals(step.runId())) {
                index = step.index();
            }
        }
        if (index >= 0) {
            while (names.size() <= index) {
                names.add("experiment " + (names.size() + 1));
            }
            names.set(index, name);
        }
        return new FollowFeed.FollowedDay(title, List.copyOf(names), index);
    }
}
