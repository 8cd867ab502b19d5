package dev.faultline.app.session;

import dev.faultline.app.Composition;
import dev.faultline.app.StartupRecovery;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.runbook.LoadedRunbook;
import dev.faultline.engine.runbook.RunbookException;
import dev.faultline.engine.runbook.RunbookProblem;
import dev.faultline.engine.schedule.Schedule;
import dev.faultline.engine.schedule.ScheduledOutcome;
import dev.faultline.engine.schedule.ScheduledRunLauncher;
import dev.faultline.engine.spi.run.RunEvent;
import dev.faultline.engine.spi.run.RunResult;
import dev.faultline.engine.store.StoreException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A schedule's run, a run like any other: through the same {@link RunSession} as {@code faultline
 * run} and the app (the kill switch checked, the sandbox leased, the fault journal, recovery of what a
 * crashed Faultline left behind, the run recorded, Slack told when it is set up, with a message of its
 * own naming the schedule and never a GameDay's participants). Nobody is there to confirm a production
 * environment, so a schedule never runs in one: the run is refused and recorded as such.
 */
public final class ScheduledRuns implements ScheduledRunLauncher {
    private final Composition composition;
    private final Consumer<String> say;
    private final Consumer<String> warn;

    /**
     * @param say  lines for people (the sandbox starting, the notifiers on)
     * @param warn what goes wrong without stopping the run
     */
    public ScheduledRuns(Composition composition, Consumer<String> say, Consumer<String> warn) {
        this.composition = composition;
        this.say = say;
        this.warn = warn;
    }

    @Override
    public CompletableFuture<ScheduledOutcome> start(Schedule schedule, Instant due, Consumer<String> started) {
        CompletableFuture<ScheduledOutcome> done = new CompletableFuture<>();
        Thread.ofVirtual().name("faultline-schedule-" + schedule.name()).start(() -> {
            try {
                done.complete(run(schedule, started));
            } catch (RuntimeException e) {
                done.complete(refused("could not run: " + e.getMessage()));
            }
        });
        return done;
    }

    private ScheduledOutcome run(Schedule schedule, Consumer<String> started) {
        LoadedRunbook runbook;
        try {
            runbook = withEnvironment(composition.loader.load(Path.of(schedule.runbook())), schedule.environment());
        } catch (RunbookException e) {
            return refused(e.problems().stream().map(RunbookProblem::toString).collect(Collectors.joining("; ")));
        }
        SessionCallbacks callbacks = new SessionCallbacks() {
            @Override
            public void beforeStart() {
                StartupRecovery.run(composition).forEach(warn);
            }

            @Override
            public boolean confirmProduction(String environment, Subject subject) {
                return false;
            }

            @Override
            public void say(String line) {
                say.accept(line);
            }

            @Override
            public void warn(String line) {
                warn.accept(line);
            }

            @Override
            public void onEvent(RunEvent event) {
                if (event instanceof RunEvent.RunStarted s) {
                    started.accept(s.runId());
                }
            }
        };
        RunRequest request = new RunRequest(runbook, Origin.SCHEDULER, Notify.IF_SET_UP, null, schedule.name());
        try (RunSession<RunResult> session = RunSession.startRun(composition, request, callbacks)) {
            RunResult r = session.await();
            return new ScheduledOutcome(r.runId(), r.outcome().name(), r.reason());
        } catch (RunRefused e) {
            return refused(String.join("; ", e.lines()));
        } catch (StoreException e) {
            return refused(String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return refused("interrupted while the run was going on");
        } catch (ExecutionException e) {
            return refused("the run failed: " + e.getCause());
        }
    }

    private static ScheduledOutcome refused(String why) {
        return new ScheduledOutcome(null, ScheduledOutcome.REFUSED, why);
    }

    /** The runbook as it is, or its experiment moved to the schedule's environment. */
    static LoadedRunbook withEnvironment(LoadedRunbook r, String environment) {
        Experiment e = r.experiment();
        if (environment.isEmpty() || environment.equals(e.environment())) {
            return r;
        }
        return new LoadedRunbook(
                r.file(),
                r.text(),
                r.sha256(),
                new Experiment(
                        e.name(),
                        e.title(),
                        e.description(),
                        e.labels(),
                        environment,
                        e.hypothesis(),
                        e.method(),
                        e.blastRadius(),
                        e.stopConditions(),
                        e.rollbacks(),
                        e.timing()));
    }
}
