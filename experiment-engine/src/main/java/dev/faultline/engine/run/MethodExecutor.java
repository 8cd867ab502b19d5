package dev.faultline.engine.run;

import dev.faultline.engine.model.MethodStep;
import dev.faultline.engine.model.Probe;
import dev.faultline.engine.spi.run.HaltReason;
import dev.faultline.engine.spi.run.RunEvent;
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
        if (step instanceof MethodStep.FaultStep f) {
            faults.execute(f, began);
            return run.halted()
                    ? "ended by the halt"
                    : run.rolloutStop().map(r -> "ended: " + r).orElse("done");
        }
        if (step instanceof MethodStep.WaitStep w) {
            return run.sleepUnlessHalted(w.duration())
                    ? "waited " + dev.faultline.engine.model.Durations.format(w.duration())
                    : "ended by the halt";
        }
        MethodStep.WaitUntilStep u = (MethodStep.WaitUntilStep) step;
        return waitUntil(u, began);
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
        if (step instanceof MethodStep.FaultStep f) {
            return f.fault().describe() + " on " + f.target().label() + " via " + f.backend() + " for "
                    + dev.faultline.engine.model.Durations.format(f.duration());
        }
        if (step instanceof MethodStep.WaitStep w) {
            return "wait " + dev.faultline.engine.model.Durations.format(w.duration());
        }
        MethodStep.WaitUntilStep u = (MethodStep.WaitUntilStep) step;
        return "wait until " + u.probe() + " holds, at most "
                + dev.faultline.engine.model.Durations.format(u.timeout());
    }
}
