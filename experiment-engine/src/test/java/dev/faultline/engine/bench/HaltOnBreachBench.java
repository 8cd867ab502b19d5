package dev.faultline.engine.bench;

import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.Probe;
import dev.faultline.engine.model.Timing;
import dev.faultline.engine.model.Tolerance;
import dev.faultline.engine.spi.MetricSource;
import dev.faultline.engine.spi.MetricSourceProvider;
import dev.faultline.engine.spi.run.RunOutcome;
import dev.faultline.engine.spi.run.RunResult;
import dev.faultline.engine.testkit.ExperimentBuilder;
import dev.faultline.engine.testkit.SimulatedBackend;
import dev.faultline.engine.testkit.SimulatedBackendProvider;
import dev.faultline.engine.testkit.SimulatedSystem;
import dev.faultline.engine.testkit.TestRig;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Halt on breach: the time from the moment a probe read returns a value that breaches a stop
 * condition to the moment the first revert call reaches the backend. Target: under 50 ms.
 * 200 runs, each breaching on its first sample under the fault. Run: {@code scripts/bench HaltOnBreachBench}.
 */
public final class HaltOnBreachBench {
    private HaltOnBreachBench() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        SimulatedSystem system = new SimulatedSystem()
                .metric("errors", 0)
                .target("proxy/payments")
                .impact("proxy/payments", "errors", 1);
        AtomicLong breachReadAt = new AtomicLong();
        AtomicLong firstRevertAt = new AtomicLong();
        SimulatedBackend backend =
                new SimulatedBackend(system).onRevert(() -> firstRevertAt.compareAndSet(0, System.nanoTime()));
        MetricSourceProvider probes = new MetricSourceProvider() {
            public String type() {
                return "simulated";
            }

            public List<String> validate(Params p) {
                return List.of();
            }

            public MetricSource open(Probe probe) {
                return () -> {
                    double v = system.read("errors");
                    if (v > 0) {
                        breachReadAt.compareAndSet(0, System.nanoTime());
                    }
                    return v;
                };
            }
        };
        List<Double> millis = new ArrayList<>();
        try (TestRig rig = new TestRig(
                Files.createTempDirectory("faultline-bench"),
                List.of(new SimulatedBackendProvider(backend)),
                List.of(probes))) {
            for (int i = 0; i < runs; i++) {
                breachReadAt.set(0);
                firstRevertAt.set(0);
                RunResult r = rig.runner
                        .start(
                                ExperimentBuilder.experiment()
                                        .probe(ExperimentBuilder.probe(
                                                "errors", "errors", new Tolerance.Threshold(Tolerance.Op.LT, 10)))
                                        .stopWhen("errors", new Tolerance.Threshold(Tolerance.Op.GT, 0))
                                        .timing(new Timing(Duration.ZERO, Duration.ofMillis(20), 1, Duration.ZERO, 1))
                                        .fault("err", 0, Duration.ofSeconds(10), "payments")
                                        .build(),
                                TestRig.environment(),
                                List.of())
                        .result()
                        .get(30, TimeUnit.SECONDS);
                if (r.outcome() != RunOutcome.HALTED || firstRevertAt.get() == 0) {
                    throw new IllegalStateException("run " + i + " did not halt: " + r.summary());
                }
                millis.add((firstRevertAt.get() - breachReadAt.get()) / 1e6);
            }
        }
        Collections.sort(millis);
        System.out.printf(
                "halt on breach over %d runs: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                runs, millis.get(runs / 2), millis.get((int) Math.ceil(runs * 0.99) - 1), millis.get(runs - 1));
    }
}
