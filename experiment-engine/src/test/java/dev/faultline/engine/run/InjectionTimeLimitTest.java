package dev.faultline.engine.run;

import static dev.faultline.engine.testkit.ExperimentBuilder.experiment;
import static dev.faultline.engine.testkit.ExperimentBuilder.probe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.Tolerance;
import dev.faultline.engine.model.Tolerance.Op;
import dev.faultline.engine.spi.run.RunOutcome;
import dev.faultline.engine.spi.run.RunResult;
import dev.faultline.engine.testkit.SimulatedBackend;
import dev.faultline.engine.testkit.SimulatedBackendProvider;
import dev.faultline.engine.testkit.SimulatedProbes;
import dev.faultline.engine.testkit.SimulatedSystem;
import dev.faultline.engine.testkit.TestRig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An injection slower than the run's limit for one backend call (TestRig.FAST: 300 ms) fails the
 * step, unless the backend asks for a longer limit for it ({@code InjectionTimeLimit}, as the local
 * backend does for the first attach to a JVM).
 */
class InjectionTimeLimitTest {
    @TempDir
    Path home;

    private final SimulatedSystem system =
            new SimulatedSystem().metric("latency", 100).target("proxy/payments");
    private final SimulatedBackend backend = new SimulatedBackend(system).injectTakes(Duration.ofSeconds(1));
    private TestRig rig;

    @BeforeEach
    void wire() {
        rig = new TestRig(home, List.of(new SimulatedBackendProvider(backend)), List.of(new SimulatedProbes(system)));
    }

    @AfterEach
    void unwire() {
        rig.close();
    }

    private RunResult run() throws Exception {
        Experiment e = experiment()
                .probe(probe("p99", "latency", new Tolerance.Threshold(Op.LT, 200)))
                .fault("slow-payments", 0, Duration.ofMillis(300), "payments")
                .build();
        return rig.runner.start(e, TestRig.environment(), List.of()).result().get(30, TimeUnit.SECONDS);
    }

    @Test
    void anInjectionSlowerThanTheCallLimitFailsTheStep() throws Exception {
        RunResult r = run();

        assertThat(r.outcome()).isEqualTo(RunOutcome.HALTED);
        assertThat(r.reason()).contains("could not be injected").contains("no answer within 300 ms");
        assertThat(system.faultsInEffect()).isZero();
        assertThat(rig.journal.openFaults()).isEmpty();
    }

    @Test
    void aBackendThatAsksForLongerGetsItForTheInjection() throws Exception {
        backend.injectWithin(Duration.ofSeconds(10));

        RunResult r = run();

        assertThat(r.outcome()).as(r.reason()).isEqualTo(RunOutcome.HELD);
        assertThat(r.faults())
                .singleElement()
                .satisfies(f -> assertThat(f.confirmedGone()).isTrue());
        assertThat(system.injections()).isEqualTo(1);
        assertThat(rig.journal.openFaults()).isEmpty();
    }

    @Test
    void aShorterLimitThanTheUsualIsNotTaken() throws Exception {
        backend.injectTakes(Duration.ofMillis(150)).injectWithin(Duration.ofMillis(50));

        assertThat(run().outcome()).isEqualTo(RunOutcome.HELD);
    }
}
