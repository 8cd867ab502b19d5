package dev.faultline.plugin.litmus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.env.Environment;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.runbook.RunbookLoader;
import dev.faultline.engine.safety.RevertPolicy;
import dev.faultline.engine.spi.run.RunOutcome;
import dev.faultline.engine.spi.run.RunResult;
import dev.faultline.engine.testkit.TestRig;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real runner with the Litmus backend on the mock cluster: pre-flight hands the hypothesis to
 * the backend, whose ChaosEngine carries it as an httpProbe; the ChaosResult is left with its
 * verdict. The probes Faultline itself samples are simulated (no application runs here).
 */
class LitmusRunIT {
    private static final String RUNBOOK = """
            apiVersion: faultline.dev/v1
            kind: Experiment
            metadata: {name: mock-pod-delete}
            spec:
              environment: staging
              timing: {warmup: 0s, probeInterval: 200ms, baselineSamples: 1, recoveryWindow: 0s, verificationSamples: 1}
              hypothesis:
                probes:
                  - name: health
                    expect: "200"
                    http: {url: 'http://order.shop.svc:8080/health', measure: status}
              method:
                - name: delete-pods
                  backend: litmus
                  duration: 1s
                  share: 50%
                  target:
                    pods: {namespace: shop, labels: {app: payment}}
                  fault: {type: pod-kill}
              blastRadius: {maxShare: 50%, maxDuration: 1m, maxTargets: 2}
            """;

    @TempDir
    Path dir;

    private LitmusFixture fixture;
    private TestRig rig;

    @BeforeEach
    void start() throws Exception {
        fixture = new LitmusFixture(dir, true);
        rig = new TestRig(
                dir.resolve("home"),
                List.of(new LitmusBackendProvider()),
                List.of(new SteadyProbes("http", 200)),
                RevertPolicy.DEFAULT);
    }

    @AfterEach
    void stop() {
        rig.close();
        fixture.close();
    }

    @Test
    void aRunCreatesAnEngineWithTheHypothesisAsProbesAndLeavesItsVerdict() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        var watch = fixture.cluster
                .admin()
                .genericKubernetesResources(LitmusKinds.ENGINE)
                .inNamespace("shop")
                .watch(new io.fabric8.kubernetes.client.Watcher<GenericKubernetesResource>() {
                    @Override
                    public void eventReceived(Action action, GenericKubernetesResource r) {
                        seen.add(String.valueOf(r.getAdditionalProperties().get("spec")));
                    }

                    @Override
                    public void onClose(io.fabric8.kubernetes.client.WatcherException cause) {}
                });
        try {
            Experiment e = new RunbookLoader().parse(RUNBOOK, "mock.yaml").experiment();
            Environment env = new Environment("staging", false, false, Map.of("litmus", fixture.settings()));
            RunResult r = rig.runner.start(e, env, List.of()).result().get(60, TimeUnit.SECONDS);
            assertThat(r.outcome()).as(r.reason()).isEqualTo(RunOutcome.HELD);
        } finally {
            watch.close();
        }
        assertThat(seen)
                .anyMatch(s -> s.contains("httpProbe/inputs") && s.contains("http://order.shop.svc:8080/health"));
        assertThat(fixture.cluster
                        .admin()
                        .genericKubernetesResources(LitmusKinds.ENGINE)
                        .inNamespace("shop")
                        .list()
                        .getItems())
                .isEmpty();
        assertThat(fixture.cluster
                        .admin()
                        .genericKubernetesResources(LitmusKinds.RESULT)
                        .inNamespace("shop")
                        .list()
                        .getItems())
                .singleElement()
                .asString()
                .contains("verdict=Pass");
        assertThat(rig.journal.openFaults()).isEmpty();
        assertThat(fixture.cluster.rejected()).isEmpty();
    }
}
