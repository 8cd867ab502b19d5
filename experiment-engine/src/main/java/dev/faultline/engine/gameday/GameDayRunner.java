package dev.faultline.engine.gameday;

import dev.faultline.engine.env.Environment;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.GameDay;
import dev.faultline.engine.run.ExperimentRunner;
import dev.faultline.engine.run.RunHandle;
import dev.faultline.engine.safety.KillSwitch;
import dev.faultline.engine.safety.KillSwitchEngagedException;
import dev.faultline.engine.spi.run.AfterHalt;
import dev.faultline.engine.spi.run.GameDayEvent;
import dev.faultline.engine.spi.run.GameDayOutcome;
import dev.faultline.engine.spi.run.HaltReason;
import dev.faultline.engine.spi.run.RunEvent;
import dev.faultline.engine.spi.run.RunListener;
import dev.faultline.engine.spi.run.RunOutcome;
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
 * thread of the GameDay's own. After an experiment was halted (the kill switch, its stop condition)
 * the {@link HaltPolicy} says how the day goes on: with the next experiment, the halted one again,
 * or not at all (the rest are skipped). By default the kill switch ends the day and a stop condition
 * does not, since its halt is a result worth having. A halt by a stop condition the experiment
 * declares its expected outcome ({@code haltExpected}) is not a question: the day goes on with the
 * next experiment and the policy is not asked. {@link Handle#stop} always ends the day.
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
     * Starts the day and returns at once; after a halt it goes on as it always did ({@link
     * HaltPolicy#AS_BEFORE}).
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
        return start(day, experiments, environment, listeners, runListeners, HaltPolicy.AS_BEFORE);
    }

    /**
     * Starts the day and returns at once.
     *
     * @param onHalt asked after each halted experiment whether to resume with the next one, repeat it,
     *               or end the day
     */
    public Handle start(
            GameDay day,
            List<Experiment> experiments,
            Environment environment,
            List<GameDayListener> listeners,
            Function<Experiment, List<RunListener>> runListeners,
            HaltPolicy onHalt) {
        String id = newId(day);
        Day d = new Day(id, day, List.copyOf(experiments), environment, List.copyOf(listeners), runListeners, onHalt);
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
        private final HaltPolicy onHalt;
        private final CompletableFuture<GameDayResult> result = new CompletableFuture<>();
        private final Object deciding = new Object();
        private volatile @Nullable HaltReason stopped;
        private volatile @Nullable RunHandle current;
        /** The stop condition that halted the run going on, heard from its events (they all come before its result). */
        private volatile @Nullable String breached;
        /** The GameDay's thread while the halt policy is asked (it may wait for a person): stop interrupts it. */
        private @Nullable Thread asking;

        Day(
                String id,
                GameDay day,
                List<Experiment> experiments,
                Environment environment,
                List<GameDayListener> listeners,
                Function<Experiment, List<RunListener>> runListeners,
                HaltPolicy onHalt) {
            this.id = id;
            this.day = day;
            this.experiments = experiments;
            this.environment = environment;
            this.listeners = listeners;
            this.runListeners = runListeners;
            this.onHalt = onHalt;
        }

        void execute() {
            List<RunResult> results = new ArrayList<>();
            List<GameDayStep> steps = new ArrayList<>();
            List<String> course = new ArrayList<>();
            int total = experiments.size();
            GameDayOutcome outcome = GameDayOutcome.COMPLETED;
            String reason = "";
            try {
                emit(new GameDayEvent.Started(id, clock.instant(), day, experiments));
                int i = 0;
                int attempt = 1;
                while (i < total) {
                    Experiment e = experiments.get(i);
                    HaltReason s = stopped;
                    String engaged = engagedText();
                    RunResult r = null;
                    if (s == null && (engaged == null || !steps.isEmpty())) {
                        r = run(i, total, e);
                    }
                    if (r != null) {
                        results.add(r);
                        steps.add(new GameDayStep(i, e.name(), r.runId(), attempt, null, ""));
                    }
                    s = stopped;
                    engaged = engagedText();
                    boolean halted = r == null || r.outcome() == RunOutcome.HALTED || engaged != null;
                    if (!halted) {
                        i++;
                        attempt = 1;
                        continue;
                    }
                    AfterHalt decision;
                    String why;
                    boolean decided = false; // the policy's answer (a person's, mostly), not forced
                    java.util.Optional<String> expectedBy =
                            s == null && engaged == null && r != null ? expectedHalt(e) : java.util.Optional.empty();
                    if (expectedBy.isPresent()) {
                        // the outcome the experiment set out to show: the day goes on by itself, nobody is asked
                        why = GameDayStep.HALTED_AS_EXPECTED + expectedBy.get();
                        emit(new GameDayEvent.HaltDecided(
                                id, clock.instant(), i, total, e, AfterHalt.RESUME, why, true));
                        steps.set(steps.size() - 1, steps.get(steps.size() - 1).decided(AfterHalt.RESUME, why));
                        course.add("experiment " + (i + 1) + " " + why);
                        i++;
                        attempt = 1;
                        continue;
                    }
                    if (s != null) {
                        decision = AfterHalt.END;
                        why = "stopped (" + s + ")";
                    } else if (r == null && steps.isEmpty()) {
                        decision = AfterHalt.END; // engaged before the day's first experiment: nothing starts
                        why = java.util.Objects.requireNonNullElse(engaged, "the kill switch is engaged");
                    } else {
                        why = engaged != null ? engaged : r != null ? r.reason() : "the kill switch is engaged";
                        decision = ask(new HaltPolicy.Halt(
                                i,
                                total,
                                e,
                                r,
                                engaged != null,
                                why,
                                i + 1 < total ? experiments.get(i + 1).name() : ""));
                        decided = true;
                        HaltReason stoppedMeanwhile = stopped;
                        if (stoppedMeanwhile != null) {
                            decided = false;
                            why = "stopped (" + stoppedMeanwhile + ")";
                            decision = AfterHalt.END;
                        } else if (decision != AfterHalt.END && engagedText() != null) {
                            decided = false;
                            why = engagedText() + " (still, after the choice to " + verb(decision) + ")";
                            decision = AfterHalt.END;
                        }
                        emit(new GameDayEvent.HaltDecided(id, clock.instant(), i, total, e, decision, why));
                        if (r != null) {
                            steps.set(
                                    steps.size() - 1,
                                    steps.get(steps.size() - 1).decided(decision, why));
                        }
                    }
                    if (decision == AfterHalt.END) {
                        int from = r == null ? i : i + 1;
                        outcome = GameDayOutcome.STOPPED;
                        String ended = decided
                                ? "ended by " + onHalt.decider() + " after experiment " + (i + 1) + " of " + total
                                        + " was halted (" + why + ")"
                                : why;
                        reason = from == total
                                ? ended + (decided ? "" : " during the last experiment")
                                : ended + "; " + (total - from) + " experiment(s) did not run";
                        for (int j = from; j < total; j++) {
                            emit(new GameDayEvent.ExperimentSkipped(
                                    id, clock.instant(), j, total, experiments.get(j), why));
                            steps.add(new GameDayStep(j, experiments.get(j).name(), null, 1, null, why));
                        }
                        break;
                    }
                    course.add("experiment " + (i + 1) + " halted, then " + verb(decision));
                    if (decision == AfterHalt.REPEAT) {
                        attempt++;
                    } else {
                        if (r == null) {
                            emit(new GameDayEvent.ExperimentSkipped(id, clock.instant(), i, total, e, why));
                            steps.add(new GameDayStep(i, e.name(), null, 1, null, why));
                        }
                        i++;
                        attempt = 1;
                    }
                }
                if (outcome == GameDayOutcome.COMPLETED) {
                    reason = "all " + total + " experiment(s) ran";
                }
                if (!course.isEmpty()) {
                    reason = reason + "; " + String.join("; ", course);
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
            GameDayResult r = new GameDayResult(id, outcome, reason, results, steps);
            emit(new GameDayEvent.Finished(id, clock.instant(), day, outcome, reason, results));
            result.complete(r);
        }

        /**
         * The stop condition that halted the last run, when the experiment declares its halt the
         * expected outcome ({@code haltExpected}); empty for any other halt.
         */
        private java.util.Optional<String> expectedHalt(Experiment e) {
            String condition = breached;
            return e.stopConditions().stream()
                    .filter(c -> c.haltExpected() && c.name().equals(condition))
                    .map(dev.faultline.engine.model.StopCondition::name)
                    .findFirst();
        }

        /** Runs one experiment to its end; null when the kill switch kept it from starting. */
        private @Nullable RunResult run(int i, int total, Experiment e)
                throws InterruptedException, ExecutionException {
            RunHandle h;
            breached = null;
            List<RunListener> listeners = new ArrayList<>(runListeners.apply(e));
            listeners.add(event -> {
                if (event instanceof RunEvent.StopConditionBreached b && breached == null) {
                    breached = b.condition();
                }
            });
            try {
                h = runner.start(e, environment, listeners);
            } catch (KillSwitchEngagedException ex) {
                return null;
            }
            current = h;
            emit(new GameDayEvent.ExperimentStarted(id, clock.instant(), i, total, e, h.runId()));
            HaltReason s = stopped;
            if (s != null) {
                h.halt(s);
            }
            try {
                RunResult r = h.result().get();
                emit(new GameDayEvent.ExperimentFinished(id, clock.instant(), i, total, e, r));
                return r;
            } finally {
                current = null;
            }
        }

        /** Asks the halt policy; a stop while it waits ends the day. */
        private AfterHalt ask(HaltPolicy.Halt halt) throws InterruptedException {
            synchronized (deciding) {
                if (stopped != null) {
                    return AfterHalt.END;
                }
                asking = Thread.currentThread();
            }
            try {
                return onHalt.decide(halt);
            } catch (InterruptedException ex) {
                if (stopped != null) {
                    return AfterHalt.END;
                }
                throw ex;
            } finally {
                synchronized (deciding) {
                    asking = null;
                    if (stopped != null) {
                        Thread.interrupted(); // a stop's interrupt that came as the answer did: the day ends anyway
                    }
                }
            }
        }

        private static String verb(AfterHalt d) {
            return switch (d) {
                case RESUME -> "resumed with the next one";
                case REPEAT -> "repeated";
                case END -> "the day was ended";
            };
        }

        private @Nullable String engagedText() {
            return killSwitch.isEngaged()
                    ? "the kill switch is engaged"
                            + killSwitch
                                    .engagement()
                                    .map(en -> " (" + en.detail() + ")")
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
            synchronized (deciding) {
                Thread t = asking;
                if (t != null) {
                    t.interrupt();
                }
            }
        }
    }

    private String newId(GameDay d) {
        String name = d.name().length() > 24 ? d.name().substring(0, 24) : d.name();
        return ID_TIME.format(clock.instant()) + "-" + name + "-"
                + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
    }
}
