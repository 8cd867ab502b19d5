package dev.faultline.plugin.litmus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.engine.model.BlastRadius;
import dev.faultline.engine.model.Fault;
import dev.faultline.engine.model.Hypothesis;
import dev.faultline.engine.model.NetworkFault;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.PodFault;
import dev.faultline.engine.model.Probe;
import dev.faultline.engine.model.ProxyFault;
import dev.faultline.engine.model.StressFault;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.model.Tolerance;
import dev.faultline.engine.spi.Availability;
import dev.faultline.engine.spi.FaultHandle;
import dev.faultline.engine.spi.FaultRequest;
import dev.faultline.plugin.kube.MockCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every Litmus experiment as a ChaosEngine the upstream CRD accepts; probes, verdicts, pre-flight refusals. */
class LitmusFaultsIT {
    @TempDir
    Path dir;

    private LitmusFixture fixture;
    private LitmusBackend backend;

    @BeforeEach
    void start() throws Exception {
        fixture = new LitmusFixture(dir, true);
        backend = (LitmusBackend) new LitmusBackendProvider().create(fixture.settings());
    }

    @AfterEach
    void stop() {
        backend.close();
        fixture.close();
    }

    private static FaultRequest request(String step, Fault f, Target t, double share) {
        return FaultRequest.atShare("run-9", step, f, t, share, Duration.ofMinutes(1));
    }

    @Test
    void everyExperimentGoesInAsAValidEngineAndComesOut() throws Exception {
        Target app = new Target("pods", LitmusFixture.PAYMENT.selector().with("container", "app"));
        Map<Fault, String> faults = new java.util.LinkedHashMap<>();
        faults.put(new PodFault.PodKill(Duration.ZERO), "pod-delete");
        faults.put(new PodFault.ContainerKill(List.of()), "container-kill");
        faults.put(new ProxyFault.Latency(Duration.ofMillis(200), Duration.ofMillis(20)), "pod-network-latency");
        faults.put(new NetworkFault.PacketLoss(0.2, 0), "pod-network-loss");
        faults.put(new NetworkFault.PacketCorrupt(0.1, 0), "pod-network-corruption");
        faults.put(new NetworkFault.PacketDuplicate(0.1, 0), "pod-network-duplication");
        faults.put(new StressFault.CpuStress(2, 90), "pod-cpu-hog");
        faults.put(new StressFault.MemoryStress(500_000_000), "pod-memory-hog");
        faults.put(new StressFault.DiskStress(1_048_576_000, StressFault.DiskIo.FILL, 0, ""), "disk-fill");
        int i = 0;
        for (var e : faults.entrySet()) {
            FaultRequest r = request("s" + i++, e.getKey(), app, 0.5);
            assertThat(backend.findTarget(app, e.getKey(), 0.5, BlastRadius.UNLIMITED))
                    .contains("the fault hits 2");
            FaultHandle h = backend.prepare(r);
            assertThat(h.data().require("experiment")).isEqualTo(e.getValue());
            backend.inject(r, h);
            GenericKubernetesResource engine = fixture.engine(h.id()).orElseThrow();
            assertThat(engine.getMetadata().getLabels()).containsEntry("faultline.dev/run", "run-9");
            assertThat(engine.toString()).contains("PODS_AFFECTED_PERC").contains("value=50");
            backend.revert(h);
            assertThat(fixture.engine(h.id())).isEmpty();
            assertThat(backend.verifyGone(h).detail()).contains("verdict Pass");
        }
        Target node = new Target("nodes", Params.of("name", "worker-1"));
        FaultRequest drain = request("drain", new PodFault.NodeDrain(), node, 1);
        assertThat(backend.findTarget(node, new PodFault.NodeDrain(), 1, BlastRadius.UNLIMITED))
                .contains("node worker-1");
        FaultHandle h = backend.prepare(drain);
        backend.inject(drain, h);
        assertThat(fixture.engine(h.id()).orElseThrow().toString())
                .contains("TARGET_NODE")
                .contains("worker-1");
        backend.revert(h);
        assertThat(fixture.cluster.checked()).hasSizeGreaterThanOrEqualTo(faults.size() + 1);
        assertThat(fixture.cluster.rejected()).isEmpty();
    }

    @Test
    void hypothesisProbesBecomeLitmusProbesWhereTheyFit() throws Exception {
        backend.useHypothesis(new Hypothesis(
                "steady",
                List.of(
                        new Probe(
                                "health",
                                "http",
                                Params.of("url", "http://payment.shop/health", "measure", "status"),
                                new Tolerance.Exact(200),
                                true),
                        new Probe(
                                "errors",
                                "prometheus",
                                Params.of("query", "sum(rate(errors_total[1m]))"),
                                new Tolerance.Threshold(Tolerance.Op.LT, 5),
                                true),
                        new Probe(
                                "latency",
                                "http",
                                Params.of("url", "http://payment.shop/"),
                                new Tolerance.Range(0, 300),
                                true),
                        new Probe("after", "prometheus", Params.of("query", "up"), new Tolerance.Exact(1), false))));
        FaultRequest r = request("probed", new PodFault.PodKill(Duration.ZERO), LitmusFixture.PAYMENT, 0.25);
        FaultHandle h = backend.prepare(r);
        backend.inject(r, h);
        String engine = fixture.engine(h.id()).orElseThrow().toString();
        assertThat(engine)
                .contains("httpProbe/inputs")
                .contains("url=http://payment.shop/health")
                .contains("responseCode=200")
                .contains("promProbe/inputs")
                .contains("endpoint=http://prometheus.monitoring:9090")
                .contains("criteria=<")
                .doesNotContain("name=latency")
                .doesNotContain("name=after");
        fixture.operator.verdict = "Fail";
        fixture.operator.probeSuccess = "50";
        backend.revert(h);
        assertThat(backend.verifyGone(h).detail()).contains("verdict Fail (probes 50%)");
        assertThat(fixture.cluster.rejected()).isEmpty();
    }

    @Test
    void preflightRefusesAMissingExperimentServiceAccountOrTooLargeABlastRadius() throws Exception {
        fixture.cluster
                .admin()
                .genericKubernetesResources(LitmusKinds.EXPERIMENT)
                .inNamespace("shop")
                .withName("pod-cpu-hog")
                .delete();
        assertThatThrownBy(() -> backend.findTarget(
                        LitmusFixture.PAYMENT, new StressFault.CpuStress(1, 50), 1, BlastRadius.UNLIMITED))
                .hasMessageContaining("ChaosExperiment 'pod-cpu-hog' is not defined in namespace 'shop'");
        try (LitmusBackend other = (LitmusBackend)
                new LitmusBackendProvider().create(fixture.settings("serviceAccount", "chaos-runner"))) {
            assertThatThrownBy(() -> other.findTarget(
                            LitmusFixture.PAYMENT, new PodFault.PodKill(Duration.ZERO), 1, BlastRadius.UNLIMITED))
                    .hasMessageContaining("service account 'chaos-runner' does not exist");
        }
        BlastRadius one = new BlastRadius(List.of(), 1.0, Duration.ofHours(1), 1);
        assertThatThrownBy(
                        () -> backend.findTarget(LitmusFixture.PAYMENT, new PodFault.PodKill(Duration.ZERO), 0.5, one))
                .hasMessageContaining("would hit 2 of the 4 pods")
                .hasMessageContaining("maxTargets of 1");
        assertThatThrownBy(() -> backend.findTarget(
                        new Target("pods", Params.of("namespace", "shop", "labels", "app=x")),
                        new PodFault.PodKill(Duration.ZERO),
                        1,
                        BlastRadius.UNLIMITED))
                .hasMessageContaining("matches no pod");
        assertThatThrownBy(() -> backend.findTarget(
                        new Target("nodes", Params.of("name", "worker-9")),
                        new PodFault.NodeDrain(),
                        1,
                        BlastRadius.UNLIMITED))
                .hasMessageContaining("node 'worker-9' does not exist");
        assertThatThrownBy(() -> backend.prepare(
                        request("t", new PodFault.TimeShift(Duration.ofMinutes(1)), LitmusFixture.PAYMENT, 1)))
                .hasMessageContaining("no experiment for a 'time-shift' fault");
    }

    @Test
    void aMissingLitmusOrAnExpiredTokenIsAPreflightFailure() throws Exception {
        try (LitmusFixture bare = new LitmusFixture(
                dir.resolve("..")
                                .resolve(dir.getFileName() + "-bare")
                                .normalize()
                                .toFile()
                                .mkdirs()
                        ? dir.resolveSibling(dir.getFileName() + "-bare")
                        : dir,
                false)) {
            Availability a = new LitmusBackendProvider().check(bare.settings());
            assertThat(a.isAvailable()).isFalse();
            assertThat(a.detail()).contains("LitmusChaos is not installed in context 'test'");
        }
        Path expired = fixture.cluster.kubeconfig(dir, "stale", MockCluster.EXPIRED_TOKEN);
        Availability a = new LitmusBackendProvider()
                .check(fixture.settings("kubeconfig", expired.toString(), "context", "stale"));
        assertThat(a.detail()).contains("token is expired or revoked");
        assertThat(new LitmusBackendProvider().check(fixture.settings()).isAvailable())
                .isTrue();
    }

    @Test
    void anEngineTheOperatorNeverRunsFailsWithinTheTimeLimitAndIsCleanedUp() throws Exception {
        fixture.operator.stop();
        FaultRequest r = request("dead", new PodFault.PodKill(Duration.ZERO), LitmusFixture.PAYMENT, 1);
        FaultHandle h = backend.prepare(r);
        assertThatThrownBy(() -> backend.inject(r, h)).hasMessageContaining("did not report running within 2000 ms");
        fixture.operator.running = true;
        assertThat(backend.resetAll()).contains("stopped and deleted 1 ChaosEngine(s)");
    }

    @Test
    void whatLitmusExperimentsCannotExpressIsRefused() {
        assertThatThrownBy(() -> LitmusExperiment.of(new StressFault.MemoryStress(256_000_000, 16_000_000), ""))
                .hasMessageContaining("leave out 'growth'");
        assertThatThrownBy(() -> LitmusExperiment.of(new StressFault.DiskStress(256_000_000), ""))
                .hasMessageContaining("takes 'io: fill'");
        assertThat(LitmusExperiment.of(new StressFault.DiskStress(256_000_000, StressFault.DiskIo.FILL, 0, ""), "")
                        .env())
                .containsEntry("EPHEMERAL_STORAGE_MEBIBYTES", "244");
    }
}
