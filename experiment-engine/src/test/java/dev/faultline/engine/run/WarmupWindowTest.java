package dev.faultline.engine.run;

import static dev.faultline.engine.testkit.ExperimentBuilder.experiment;
import static dev.faultline.engine.testkit.ExperimentBuilder.probe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.Probe;
import dev.faultline.engine.model.Timing;
import dev.faultline.engine.model.Tolerance;
import dev.faultline.engine.model.Tolerance.Op;
import dev.faultline.engine.spi.MetricSource;
import dev.faultline.engine.spi.MetricSourceProvider;
import dev.faultline.engine.spi.run.RunOutcome;
import dev.faultline.engine.spi.run.RunResult;
import dev.faultline.engine.testkit.SimulatedBackend;
import dev.faultline.engine.testkit.SimulatedBackendProvider;
import dev.faultline.engine.testkit.SimulatedSystem;
import dev.faultline.engine.testkit.TestRig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warm-up is the window of the first baseline sample: sources are marked when it begins, so a
 * counter-based probe never judges the baseline on what a service counted during its cold start.
 */
class WarmupWindowTest {
    @TempDir
    Path home;

    private final SimulatedSystem system =
            new SimulatedSystem().metric("errors", 0).target("proxy/payments");
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private TestRig rig;

    /** Probe type {@code simulated} that writes down each mark and read, in order. */
    private final MetricSourceProvider recording = new MetricSourceProvider() {
        @Override
        public String type() {
            return "simulated";
        }

        @Override
        public List<String> validate(Params params) {
            return List.of();
        }

        @Override
        public MetricSource open(Probe probe) {
            String metric = probe.params().require("metric");
            return new MetricSource() {
                @Override
                public double read() {
                    calls.add("read");
                    return system.read(metric);
                }

                @Override
                public void mark() {
                    calls.add("mark");
                }
            };
        }
    };

    @BeforeEach
    void wire() {
        rig = new TestRig(
                home, List.of(new SimulatedBackendProvider(new SimulatedBackend(system))), List.of(recording));
    }

    @AfterEach
    void unwire() {
        rig.close();
    }

    private RunResult run(Duration warmup) throws Exception {
        return rig.runner
                .start(
                        experiment()
                                .probe(probe("errors", "errors", new Tolerance.Threshold(Op.LT, 1)))
                                .fault("slow-payments", 0, Duration.ofMillis(100), "payments")
                                .timing(new Timing(warmup, Duration.ofMillis(50), 2, Duration.ofMillis(100), 1))
                                .build(),
                        TestRig.environment(),
                        List.of())
                .result()
                .get(30, TimeUnit.SECONDS);
    }

    @Test
    void everySourceIsMarkedOnceWhenTheWarmupBeginsBeforeItsFirstRead() throws Exception {
        RunResult r = run(Duration.ofMillis(200));

        assertThat(r.outcome()).isEqualTo(RunOutcome.HELD);
        assertThat(calls).first().isEqualTo("mark");
        assertThat(calls).filteredOn("mark"::equals).hasSize(1);
        assertThat(calls).filteredOn("read"::equals).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void withoutAWarmupNothingIsMarkedAndTheFirstSampleIsReadAtOnce() throws Exception {
        RunResult r = run(Duration.ZERO);

        assertThat(r.outcome()).isEqualTo(RunOutcome.HELD);
        assertThat(calls).doesNotContain("mark").first().isEqualTo("read");
    }
}
