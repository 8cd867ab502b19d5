package dev.faultline.plugin.chaosmesh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.env.Environment;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.runbook.RunbookLoader;
import dev.faultline.engine.safety.RevertPolicy;
import dev.faultline.engine.spi.run.RunOutcome;
import dev.faultline.engine.spi.run.RunResult;
import dev.faultline.engine.testkit.TestRig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real runner (pre-flight, inject, planned end, revert, journal) with the Chaos Mesh backend on
 * the mock cluster. The probes are simulated (no application runs on a mock cluster).
 */
class ChaosMeshRunIT {
    private static final String RUNBOOK = """
            apiVersion: faultline.dev/v1
            kind: Experiment
            metadata: {name: mock-payment-loss}
            spec:
              environment: staging
              timing: {warmup: 0s, probeInterval: 200ms, baselineSamples: 1, recoveryWindow: 0s, verificationSamples: 1}
              hypothesis:
                probes:
                  - name: health
                    expect: "200"
                    http: {url: 'http://order.shop.svc:8080/health', measure: status}
              method:
                - name: lossy
                  backend: chaos-mesh
                  duration: 1s
                  share: SHARE
                  target:
                    pods: {namespace: shop, labels: {app: payment}}
                  fault: {type: packet-loss, probability: 10%}
              blastRadius: {maxShare: 100%, maxDuration: 1m, maxTargets: 2}
            """;

    @TempDir
    Path dir;

    private ChaosMeshFixture fixture;
    private TestRig rig;

    @BeforeEach
    void start() throws Exception {
        fixture = new ChaosMeshFixture(dir, true);
        rig = new TestRig(
                dir.resolve("home"),
                List.of(new ChaosMeshBackendProvider()),
                List.of(new SteadyProbes("http", 200)),
                RevertPolicy.DEFAULT);
    }

    @AfterEach
    void stop() {
        rig.close();
        fixture.close();
    }

    private RunResult run(String share) throws Exception {
        Experiment e = new RunbookLoader()
                .parse(RUNBOOK.replace("SHARE", share), "mock.yaml")
                .experiment();
        Environment env = new Environment("staging", false, false, Map.of("chaos-mesh", fixture.settings()));
        return rig.runner.start(e, env, List.of()).result().get(60, TimeUnit.SECONDS);
    }

    @Test
    void aRunInjectsThroughChaosMeshAndLeavesNothingBehind() throws Exception {
        RunResult r = run("50%");
        assertThat(r.outcome()).as(r.reason()).isEqualTo(RunOutcome.HELD);
        assertThat(fixture.cluster.checked()).anyMatch(c -> c.startsWith("networkchaos/fl-"));
        assertThat(fixture.cluster
                        .admin()
                        .genericKubernetesResources(ChaosKind.NETWORK.context())
                        .inNamespace("shop")
                        .list()
                        .getItems())
                .isEmpty();
        assertThat(rig.journal.openFaults()).isEmpty();
        assertThat(fixture.cluster.rejected()).isEmpty();
    }

    @Test
    void preflightAbortsARunWhoseSelectorWouldHitMorePodsThanTheBlastRadiusAllows() throws Exception {
        RunResult r = run("100%");
        assertThat(r.outcome()).isEqualTo(RunOutcome.ABORTED);
        assertThat(r.reason()).contains("would hit 4 of the 4 pods").contains("maxTargets of 2");
        assertThat(fixture.cluster.checked()).isEmpty();
    }
}
