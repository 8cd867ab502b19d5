package dev.faultline.engine.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.MethodStep.FaultStep;
import dev.faultline.engine.model.NetworkFault;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.PodFault;
import dev.faultline.engine.model.ProxyFault;
import dev.faultline.engine.model.Target;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Kubernetes fault kinds and the pods/nodes targets: read, checked, written back. */
class ClusterFaultRunbookTest {
    private static final String POD =
            "{pods: {namespace: shop, labels: {app: payment, app.kubernetes.io/part-of: shop}}}";
    private final RunbookLoader loader = new RunbookLoader();
    private final RunbookWriter writer = new RunbookWriter();

    private String runbook(String target, String fault) {
        String base =
                RunbookLoaderTest.GOOD.replace("targets: [proxy/payments, process/sandbox-payment]", "targets: []");
        return base.replace("target: {proxy: payments}", "target: " + target)
                .replace("fault: {type: latency, latency: 300ms, jitter: 50ms}", "fault: " + fault);
    }

    private FaultStep firstStep(Experiment e) {
        return e.faultSteps().get(0);
    }

    private List<RunbookProblem> problems(String text) {
        try {
            loader.parse(text, "t.yaml");
        } catch (RunbookException e) {
            return e.problems();
        }
        throw new AssertionError("expected problems");
    }

    @Test
    void everyKubernetesFaultTypeRoundTrips() throws Exception {
        for (String[] f : List.of(
                new String[] {POD, "{type: latency, latency: 100ms, jitter: 10ms, correlation: 25%}"},
                new String[] {POD, "{type: packet-loss, probability: 20%, correlation: 10%}"},
                new String[] {POD, "{type: packet-duplicate, probability: 5%}"},
                new String[] {POD, "{type: packet-corrupt, probability: 7%, correlation: 50%}"},
                new String[] {POD, "{type: partition, direction: to, peerLabels: {app: db}}"},
                new String[] {POD, "{type: partition, direction: both, externalTargets: [example.com, 10.0.0.0/8]}"},
                new String[] {POD, "{type: pod-kill, gracePeriod: 5s}"},
                new String[] {POD, "{type: pod-kill}"},
                new String[] {POD, "{type: pod-failure}"},
                new String[] {"{pods: {namespace: shop, podNames: [a, b], container: app}}", "{type: container-kill}"},
                new String[] {POD, "{type: container-kill, containers: [app, sidecar]}"},
                new String[] {POD, "{type: time-shift, offset: -10m}"},
                new String[] {POD, "{type: time-shift, offset: 1h30m}"},
                new String[] {POD, "{type: dns, action: random, patterns: ['*.example.com']}"},
                new String[] {
                    POD, "{type: io-latency, delay: 100ms, volumePath: /data, path: '/data/**', probability: 50%}"
                },
                new String[] {POD, "{type: io-fault, errno: 5, volumePath: /data}"},
                new String[] {"{nodes: {name: worker-1}}", "{type: node-drain}"},
                new String[] {"{nodes: {labels: {pool: spot}}}", "{type: node-drain}"},
                new String[] {
                    "{pods: {namespace: shop, labels: {app: web}, fieldSelectors: {status.phase: Running},"
                            + " count: 2, port: 8080}}",
                    "{type: http, path: '/pay*', abort: 503}"
                },
                new String[] {POD, "{type: cpu-stress, workers: 2, load: 80%}"},
                new String[] {POD, "{type: memory-stress, size: 256MB}"})) {
            Experiment e = loader.parse(runbook(f[0], f[1]), "t.yaml").experiment();
            String yaml = writer.toYaml(e);
            assertThat(loader.parse(yaml, "written.yaml").experiment()).as(yaml).isEqualTo(e);
        }
    }

    @Test
    void aPodsTargetKeepsLabelsAsASelector() throws Exception {
        FaultStep s = firstStep(loader.parse(runbook(POD, "{type: packet-loss, probability: 20%}"), "t.yaml")
                .experiment());
        assertThat(s.target())
                .isEqualTo(new Target(
                        "pods",
                        Params.of("namespace", "shop", "labels", "app=payment,app.kubernetes.io/part-of=shop")));
        assertThat(s.fault()).isEqualTo(new NetworkFault.PacketLoss(0.2, 0));
    }

    @Test
    void kubernetesFaultAttributesAreRead() throws Exception {
        assertThat(firstStep(loader.parse(runbook(POD, "{type: time-shift, offset: -10m}"), "t.yaml")
                                .experiment())
                        .fault())
                .isEqualTo(new PodFault.TimeShift(Duration.ofMinutes(-10)));
        assertThat(firstStep(loader.parse(runbook(POD, "{type: latency, latency: 1s, correlation: 50%}"), "t.yaml")
                                .experiment())
                        .fault())
                .isEqualTo(new ProxyFault.Latency(Duration.ofSeconds(1), Duration.ZERO, 0.5));
    }

    @Test
    void badKubernetesTargetsAndFaultsAreLocatedProblems() {
        assertThat(problems(runbook("{pods: {namespace: shop}}", "{type: pod-kill}")))
                .anySatisfy(p -> assertThat(p.message()).contains("needs labels, fieldSelectors or podNames"));
        assertThat(problems(runbook("{pods: {namespace: shop, labels: app=x}}", "{type: pod-kill}")))
                .anySatisfy(p -> assertThat(p.message()).contains("'labels' should be a mapping"));
        assertThat(problems(runbook("{pods: {namespace: shop, label: {app: x}}}", "{type: pod-kill}")))
                .anySatisfy(p -> assertThat(p.message()).contains("unknown field 'label' of a pods target"));
        assertThat(problems(runbook(POD, "{type: packet-loss}")))
                .anySatisfy(p -> assertThat(p.message()).contains("needs 'probability'"));
        assertThat(problems(runbook(POD, "{type: io-latency, delay: 1s}")))
                .anySatisfy(p -> assertThat(p.message()).contains("volumePath"));
        assertThat(problems(runbook(POD, "{type: dns, action: lie}"))).isNotEmpty();
        assertThat(problems(runbook(POD, "{type: pod-kill, latency: 1s}")))
                .anySatisfy(p -> assertThat(p.message()).contains("'latency' does not apply to a pod-kill fault"));
        assertThat(problems(runbook("{pods: {namespace: shop, labels: {a: b}, count: 0}}", "{type: pod-kill}")))
                .anySatisfy(p -> assertThat(p.message()).contains("count must be"));
    }
}
