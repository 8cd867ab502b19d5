package dev.faultline.engine.gameday;

import dev.faultline.engine.env.Environment;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.GameDay;
import dev.faultline.engine.run.ExperimentRunner;
import dev.faultline.engine.run.RunHandle;
import dev.faultline.engine.safety.KillSwitch;
import dev.faultline.engine.safety.KillSwitchEngagedException;
import dev.faultline.engine.spi.run.GameDayEvent;
import dev.faultline.engine.spi.run.GameDayOutcome;
import dev.faultline.engine.spi.run.HaltReason;
import dev.faultline.engine.spi.run.RunListener;
import dev.faultline.engine.spi.run.RunResult;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a GameDay: its experiments one after the other through the {@link ExperimentRunner}, on a
 * thread of the GameDay's own. The day stops when the kill switch is engaged (no further experiment
 * starts) or when {@link Handle#stop} is called; a stop condition that halts one experiment does
 * not stop the day, since that is a result worth having.
 */
public final class GameDayRunner {
    private static final Logger log = LoggerFactory.getLogger(GameDayRunner.class);
    private static final DateTimeFormatter ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final ExperimentRunner runner;
    private final KillSwitch killSwitch;
    private final Clock clock;

    public GameDayRunner(ExperimentRunner runner, KillSwitch killSwitch, Clock clock) {
        this.runner = runner;
        this.killSwitch = killSwitch;
        this.clock = clock;
    }

    /** A GameDay under way. */
    public interface Handle {
        String gameDayRunId();

        CompletableFuture<GameDayResult> result();

        /** Halts the experiment running now and starts no other. Returns at once. */
        void stop(HaltReason reason);
    }

    /**
     * Starts the day and returns at once.
     *
     * @param experiments  the GameDay's experiments, loaded, in its order
     * @param runListeners listeners for each experiment's run (the recorder, a progress printer, ...)
     */
    public Handle start(
            GameDay day,
            List<Experiment> experiments,
            Environment environment,
            List<GameDayListener> listeners,
            Function<Experiment, List<RunListener>> runListeners) {
        String id = newId(day);
        Day d = new Day(id, day, List.copyOf(experiments), environment, List.copyOf(listeners), runListeners);
        Thread t = new Thread(d::execute, "faultline-gameday-" + id);
        t.start();
        return d;
    }

    private final class Day implements Handle {
        private final String id;
        private final GameDay day;
        private final List<Experiment> experiments;
        private final Environment environment;
        private final List<GameDayListener> listeners;
        private final Function<Experiment, List<RunListener>> runListeners;
        private final CompletableFuture<GameDayResult> result = new CompletableFuture<>();
        private volatile @Nullable HaltReason stopped;
        private volatile @Nullable RunHandle current;

        Day(
                String id,
                GameDay day,
                List<Experiment> experiments,
                Environment environment,
                List<GameDayListener> listeners,
                Function<Experiment, List<RunListener>> runListeners) {
            this.id = id;
            this.day = day;
            this.experiments = experiments;
            this.environment = environment;
            this.listeners = listeners;
            this.runListeners = runListeners;
        }

        void execute() {
            List<RunResult> results = new ArrayList<>();
            GameDayOutcome outcome = GameDayOutcome.COMPLETED;
            String reason = "all " + experiments.size() + " experiment(s) ran";
            try {
                emit(new GameDayEvent.Started(id, clock.instant(), day, experiments));
                int total = experiments.size();
                for (int i = 0; i < total; i++) {
                    Experiment e = experiments.get(i);
                    String why = whyStop();
                    if (why != null) {
                        outcome = GameDayOutcome.STOPPED;
                        reason = why + "; " + (total - i) + " experiment(s) did not run";
                        for (int j = i; j < total; j++) {
                            emit(new GameDayEvent.ExperimentSkipped(
                                    id, clock.instant(), j, total, experiments.get(j), why));
                        }
                        break;
                    }
                    RunHandle h;
                    try {
                        h = runner.start(e, environment, runListeners.apply(e));
                    } catch (KillSwitchEngagedException ex) {
                        continue; // whyStop() says so on the next round
                    }
                    current = h;
                    emit(new GameDayEvent.ExperimentStarted(id, clock.instant(), i, total, e, h.runId()));
                    if (stopped != null) {
                        h.halt(stopped);
                    }
                    RunResult r = h.result().get();
                    current = null;
                    results.add(r);
                    emit(new GameDayEvent.ExperimentFinished(id, clock.instant(), i, total, e, r));
                    if (i == total - 1
                            && whyStop() != null
                            && r.outcome() == dev.faultline.engine.spi.run.RunOutcome.HALTED) {
                        outcome = GameDayOutcome.STOPPED;
                        reason = whyStop() + " during the last experiment";
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outcome = GameDayOutcome.FAILED;
                reason = "interrupted";
            } catch (ExecutionException | RuntimeException e) {
                log.error("GameDay {} failed", id, e);
                outcome = GameDayOutcome.FAILED;
                reason = "Faultline failed: " + e;
            }
            GameDayResult r = new GameDayResult(id, outcome, reason, results);
            emit(new GameDayEvent.Finished(id, clock.instant(), day, outcome, reason, results));
            result.complete(r);
        }

        private @Nullable String whyStop() {
            HaltReason s = stopped;
            if (s != null) {
                return "stopped (" + s + ")";
            }
            return killSwitch.isEngaged()
                    ? "the kill switch is engaged"
                            + killSwitch
                                    .engagement()
                                    .map(en -> " (" + en.reason() + ")")
                                    .orElse("")
                    : null;
        }

        private void emit(GameDayEvent e) {
            for (GameDayListener l : listeners) {
                try {
                    l.onGameDayEvent(e);
                } catch (RuntimeException ex) {
                    log.warn("GameDay listener {} failed on {}; skipped", l, e.type(), ex);
                }
            }
        }

        @Override
        public String gameDayRunId() {
            return id;
        }

        @Override
        public CompletableFuture<GameDayResult> result() {
            return result;
        }

        @Override
        public void stop(HaltReason reason) {
            stopped = reason;
            RunHandle h = current;
            if (h != null) {
                h.halt(reason);
            }
        }
    }

    private String newId(GameDay d) {
        String name = d.name().length() > 24 ? d.name().substring(0, 24) : d.name();
        return ID_TIME.format(clock.instant()) + "-" + name + "-"
                + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
    }
}
