package dev.faultline.engine.run;

import dev.faultline.engine.command.CommandOutcome;
import dev.faultline.engine.command.CommandRunner;
import dev.faultline.engine.model.CommandStep;
import dev.faultline.engine.model.MethodStep;
import dev.faultline.engine.model.Probe;
import dev.faultline.engine.spi.run.HaltReason;
import dev.faultline.engine.spi.run.RunEvent;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the method's timeline: one thread per lane, lanes in parallel, steps of a lane in order,
 * each at its explicit offset or after the previous one. Returns when every lane is done or the run
 * is halted.
 */
final class MethodExecutor {
    private static final Logger log = LoggerFactory.getLogger(MethodExecutor.class);

    private final RunContext run;
    private final FaultStepExecutor faults;
    private final Consumer<HaltReason> halt;
    private final CommandRunner commands = new CommandRunner();

    MethodExecutor(RunContext run, FaultStepExecutor faults, Consumer<HaltReason> halt) {
        this.run = run;
        this.faults = faults;
        this.halt = halt;
    }

    void execute(Instant start) throws InterruptedException {
        Map<Integer, List<MethodStep>> lanes = new TreeMap<>();
        run.experiment
                .method()
                .forEach(s ->
                        lanes.computeIfAbsent(s.lane(), k -> new ArrayList<>()).add(s));
        List<Thread> threads = new ArrayList<>();
        lanes.forEach((lane, steps) -> {
            Thread t = new Thread(() -> runLane(steps, start), "faultline-run-" + run.runId + "-lane-" + lane);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        });
        for (Thread t : threads) {
            t.join();
        }
    }

    private void runLane(List<MethodStep> steps, Instant start) {
        Duration cursor = Duration.ZERO;
        for (MethodStep step : steps) {
            Duration offset = step.explicitStart().orElse(cursor);
            if (!run.sleepUnlessHalted(Duration.between(run.now(), start.plus(offset)))) {
                return;
            }
            Instant began = run.now();
            run.emit(new RunEvent.StepStarted(run.runId, began, step.name(), step.lane(), describe(step)));
            String detail;
            try {
                detail = execute(step, began);
            } catch (RuntimeException e) {
                log.error("step {} failed", step.name(), e);
                halt.accept(new HaltReason(HaltReason.Source.METHOD, "step '" + step.name() + "' failed: " + e));
                detail = "failed: " + e.getMessage();
            }
            run.emit(new RunEvent.StepFinished(run.runId, run.now(), step.name(), detail));
            if (run.methodEnded()) {
                return;
            }
            cursor = Duration.between(start, run.now());
        }
    }

    private String execute(MethodStep step, Instant began) {
        return switch (step) {
            case MethodStep.FaultStep f -> {
                faults.execute(f, began);
                yield run.halted()
                        ? "ended by the halt"
                        : run.rolloutStop().map(r -> "ended: " + r).orElse("done");
            }
            case MethodStep.WaitStep w ->
                run.sleepUnlessHalted(w.duration())
                        ? "waited " + dev.faultline.engine.model.Durations.format(w.duration())
                        : "ended by the halt";
            case MethodStep.WaitUntilStep u -> waitUntil(u, began);
            case CommandStep c -> command(c);
        };
    }

    /** Runs the step's process; anything but exit 0 within its timeout halts the run. */
    private String command(CommandStep c) {
        CommandOutcome o;
        try {
            o = commands.run(c.command(), run::halted);
        } catch (IOException e) {
            String why = "command '" + c.name() + "': " + e.getMessage();
            halt.accept(new HaltReason(HaltReason.Source.METHOD, why));
            return why;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        if (o.stopped()) {
            return "ended by the halt";
        }
        if (!o.succeeded()) {
            String why = "command '" + c.name() + "' " + o.summary();
            halt.accept(new HaltReason(HaltReason.Source.METHOD, why));
            return why;
        }
        return o.summary();
    }

    /** Waits until a sample of the probe taken after {@code began} is within its tolerance. */
    private String waitUntil(MethodStep.WaitUntilStep u, Instant began) {
        Probe probe = run.experiment
                .hypothesis()
                .probe(u.probe())
                .orElseThrow(() -> new IllegalStateException("no hypothesis probe " + u.probe()));
        Instant deadline = began.plus(u.timeout());
        Duration poll = Duration.ofMillis(
                Math.min(100, run.experiment.timing().probeInterval().toMillis()));
        while (run.now().isBefore(deadline)) {
            var s = run.latest(probe.name());
            if (s.isPresent() && !s.get().at().isBefore(began) && s.get().within()) {
                return probe.name() + " holds after "
                        + Duration.between(began, run.now()).toMillis() + " ms";
            }
            if (!run.sleepUnlessHalted(poll)) {
                return "ended by the halt";
            }
        }
        String why = "wait-until '" + u.name() + "': " + probe.name() + " did not hold (" + probe.expectText()
                + ") within " + dev.faultline.engine.model.Durations.format(u.timeout());
        halt.accept(new HaltReason(HaltReason.Source.METHOD, why));
        return why;
    }

    private static String describe(MethodStep step) {
        return switch (step) {
            case MethodStep.FaultStep f ->
                f.fault().describe() + " on " + f.target().label() + " via " + f.backend() + " for "
                        + dev.faultline.engine.model.Durations.format(f.duration());
            case MethodStep.WaitStep w -> "wait " + dev.faultline.engine.model.Durations.format(w.duration());
            case MethodStep.WaitUntilStep u ->
                "wait until " + u.probe() + " holds, at most "
                        + dev.faultline.engine.model.Durations.format(u.timeout());
            case CommandStep c ->
                "run " + c.command().describe() + ", at most "
                        + dev.faultline.engine.model.Durations.format(
                                c.command().timeout());
        };
    }
}
