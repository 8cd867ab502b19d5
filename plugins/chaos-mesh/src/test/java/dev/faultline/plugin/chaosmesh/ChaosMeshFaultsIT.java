package dev.faultline.plugin.chaosmesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.engine.model.BlastRadius;
import dev.faultline.engine.model.Fault;
import dev.faultline.engine.model.FileSystemFault;
import dev.faultline.engine.model.HttpFault;
import dev.faultline.engine.model.JvmFault;
import dev.faultline.engine.model.NetworkFault;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.PodFault;
import dev.faultline.engine.model.ProxyFault;
import dev.faultline.engine.model.StressFault;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.spi.BackendException;
import dev.faultline.engine.spi.FaultHandle;
import dev.faultline.engine.spi.FaultRequest;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every fault kind, as the manifest the upstream CRD accepts; inject, status, revert on the mock server. */
class ChaosMeshFaultsIT {
    private static final Target WEB = new Target(
            "pods", Params.of("namespace", "shop", "labels", "app=payment", "port", "8080", "container", "app"));
    private static final Fault LOSS = new NetworkFault.PacketLoss(0.1, 0);

    @TempDir
    Path dir;

    private ChaosMeshFixture fixture;
    private ChaosMeshBackend backend;

    @BeforeEach
    void start() throws Exception {
        fixture = new ChaosMeshFixture(dir, true);
        backend = (ChaosMeshBackend) new ChaosMeshBackendProvider().create(fixture.settings());
    }

    @AfterEach
    void stop() {
        backend.close();
        fixture.close();
    }

    private static FaultRequest request(String step, Fault f, Target t, double share) {
        return FaultRequest.atShare("run-7", step, f, t, share, Duration.ofMinutes(1));
    }

    @Test
    void everyFaultKindGoesInAsAValidResourceAndComesOut() throws Exception {
        Map<Fault, String> faults = new java.util.LinkedHashMap<>();
        faults.put(new ProxyFault.Latency(Duration.ofMillis(300), Duration.ofMillis(50), 0.25), "NetworkChaos");
        faults.put(new NetworkFault.PacketLoss(0.2, 0.1), "NetworkChaos");
        faults.put(new NetworkFault.PacketDuplicate(0.05, 0), "NetworkChaos");
        faults.put(new NetworkFault.PacketCorrupt(0.07, 0.5), "NetworkChaos");
        faults.put(new NetworkFault.Partition("to", "app=db", List.of()), "NetworkChaos");
        faults.put(new NetworkFault.Partition("both", "", List.of("example.com")), "NetworkChaos");
        faults.put(new ProxyFault.Down(), "NetworkChaos");
        faults.put(new ProxyFault.Bandwidth(64), "NetworkChaos");
        faults.put(new StressFault.CpuStress(2, 80), "StressChaos");
        faults.put(new StressFault.MemoryStress(256_000_000), "StressChaos");
        faults.put(new PodFault.PodKill(Duration.ofSeconds(5)), "PodChaos");
        faults.put(new PodFault.PodFailure(), "PodChaos");
        faults.put(new PodFault.ContainerKill(List.of()), "PodChaos");
        faults.put(
                new HttpFault(
                        "POST", "/pay/**", Map.of(), 503, Duration.ZERO, false, "", false, Map.of("X-Chaos", "yes")),
                "HTTPChaos");
        faults.put(new HttpFault("", "/", Map.of(), 0, Duration.ofSeconds(2), false, "", false, Map.of()), "HTTPChaos");
        faults.put(new HttpFault("", "/", Map.of(), 0, Duration.ZERO, true, "", false, Map.of()), "HTTPChaos");
        faults.put(new FileSystemFault.IoLatency(Duration.ofMillis(100), "/data", "/data/**", 0.5), "IOChaos");
        faults.put(new FileSystemFault.IoFault(5, "/data", "", 1), "IOChaos");
        faults.put(new PodFault.TimeShift(Duration.ofMinutes(-10)), "TimeChaos");
        faults.put(new NetworkFault.DnsFault("error", List.of("*.example.com")), "DNSChaos");
        JvmFault.JvmMethod acquire = new JvmFault.JvmMethod("com.shop.db.Pool", "acquire");
        faults.put(new JvmFault.JvmException(acquire, "java.sql.SQLException", "pool \"main\" exhausted"), "JVMChaos");
        faults.put(new JvmFault.JvmLatency(acquire, Duration.ofMillis(500)), "JVMChaos");
        faults.put(new JvmFault.JvmReturn(acquire, "null"), "JVMChaos");
        int i = 0;
        for (var e : faults.entrySet()) {
            FaultRequest r = request("step-" + i++, e.getKey(), WEB, 0.5);
            FaultHandle h = backend.prepare(r);
            assertThat(h.data().require("kind")).as(e.getKey().describe()).isEqualTo(e.getValue());
            backend.inject(r, h);
            GenericKubernetesResource made =
                    fixture.resource(e.getValue(), h.id()).orElseThrow();
            assertThat(made.getMetadata().getLabels())
                    .containsEntry("faultline.dev/run", "run-7")
                    .containsEntry("faultline.dev/fault", h.id());
            backend.revert(h);
            assertThat(fixture.resource(e.getValue(), h.id()))
                    .as(e.getKey().describe())
                    .isEmpty();
            assertThat(backend.verifyGone(h).gone()).isTrue();
        }
        assertThat(fixture.cluster.checked()).hasSizeGreaterThanOrEqualTo(faults.size());
        assertThat(fixture.cluster.rejected()).isEmpty();
    }

    @Test
    void shareAndCountBecomeModeAndValue() throws Exception {
        FaultRequest half = request("half", new PodFault.PodFailure(), ChaosMeshFixture.PAYMENT, 0.5);
        backend.inject(half, backend.prepare(half));
        Map<?, ?> spec =
                (Map<?, ?>) fixture.resource("PodChaos", backend.prepare(half).id())
                        .orElseThrow()
                        .getAdditionalProperties()
                        .get("spec");
        assertThat(spec.get("mode")).isEqualTo("fixed-percent");
        assertThat(spec.get("value")).isEqualTo("50");
        Target one = new Target("pods", ChaosMeshFixture.PAYMENT.selector().with("count", "1"));
        FaultRequest single = request("one", new PodFault.PodFailure(), one, 1);
        backend.inject(single, backend.prepare(single));
        Map<?, ?> spec1 =
                (Map<?, ?>) fixture.resource("PodChaos", backend.prepare(single).id())
                        .orElseThrow()
                        .getAdditionalProperties()
                        .get("spec");
        assertThat(spec1.get("mode")).isEqualTo("one");
        FaultRequest all = request("all", new PodFault.PodFailure(), ChaosMeshFixture.PAYMENT, 1);
        backend.inject(all, backend.prepare(all));
        assertThat(((Map<?, ?>) fixture.resource(
                                        "PodChaos", backend.prepare(all).id())
                                .orElseThrow()
                                .getAdditionalProperties()
                                .get("spec"))
                        .get("mode"))
                .isEqualTo("all");
        assertThat(backend.resetAll())
                .contains("deleted 3 Chaos Mesh resource(s)")
                .doesNotContain("still");
        assertThat(fixture.cluster
                        .admin()
                        .genericKubernetesResources(ChaosKind.POD.context())
                        .inNamespace("shop")
                        .list()
                        .getItems())
                .isEmpty();
    }

    @Test
    void aRolloutsCountOfTargetsIsFixedModeAndEachStageIsReinjectedWithItsCount() throws Exception {
        assertThat(backend.cannotCount(ChaosMeshFixture.PAYMENT, LOSS)).isEmpty();
        assertThat(backend.matching(ChaosMeshFixture.PAYMENT)).isEqualTo(4);
        Target counted = new Target("pods", ChaosMeshFixture.PAYMENT.selector().with("count", "2"));
        assertThat(backend.cannotCount(counted, LOSS))
                .hasValueSatisfying(why -> assertThat(why)
                        .endsWith(
                                "has its own count; remove it, as the rollout's targets give the count of each stage"));
        FaultRequest first = request("pods-failing", new PodFault.PodFailure(), ChaosMeshFixture.PAYMENT, 1)
                .withTargets(1);
        FaultHandle h = backend.prepare(first);
        backend.inject(first, h);
        assertThat(spec(h).get("mode")).isEqualTo("one");
        backend.revert(h); // Chaos Mesh cannot change a running resource: the next stage goes in again
        FaultRequest second = first.withTargets(3);
        backend.inject(second, h);
        assertThat(spec(h).get("mode")).isEqualTo("fixed");
        assertThat(spec(h).get("value")).isEqualTo("3");
        backend.revert(h);
    }

    private Map<?, ?> spec(FaultHandle h) {
        return (Map<?, ?>) fixture.resource("PodChaos", h.id())
                .orElseThrow()
                .getAdditionalProperties()
                .get("spec");
    }

    @Test
    void aFieldTheApiServerWouldRejectFailsTheSchemaCheck() {
        GenericKubernetesResource bad = new GenericKubernetesResource();
        bad.setApiVersion("chaos-mesh.org/v1alpha1");
        bad.setKind("NetworkChaos");
        bad.setMetadata(
                new ObjectMetaBuilder().withName("bad").withNamespace("shop").build());
        bad.setAdditionalProperty(
                "spec",
                Map.of(
                        "action",
                        "delay",
                        "mode",
                        "most",
                        "selector",
                        Map.of(),
                        "delay",
                        Map.of("latency", "1s", "jiter", "1s")));
        assertThatThrownBy(() -> fixture.cluster
                        .admin()
                        .genericKubernetesResources(ChaosKind.NETWORK.context())
                        .inNamespace("shop")
                        .resource(bad)
                        .create())
                .isInstanceOf(KubernetesClientException.class)
                .satisfies(e ->
                        assertThat(((KubernetesClientException) e).getCode()).isEqualTo(422))
                .hasMessageContaining("mode")
                .hasMessageContaining("jiter");
        assertThat(fixture.cluster.rejected()).hasSize(1);
    }

    @Test
    void preflightListsThePodsAndRefusesWhatTheBlastRadiusForbids() throws Exception {
        assertThat(backend.findTarget(ChaosMeshFixture.PAYMENT, LOSS, 0.5, BlastRadius.UNLIMITED))
                .contains("4 pod(s) match pods app=payment in shop")
                .contains("the fault hits 2")
                .contains("fixed-percent 50");
        BlastRadius twoPods = new BlastRadius(List.of(), 1.0, Duration.ofHours(1), 2);
        assertThatThrownBy(() -> backend.findTarget(ChaosMeshFixture.PAYMENT, LOSS, 1, twoPods))
                .hasMessageContaining("would hit 4 of the 4 pods")
                .hasMessageContaining("maxTargets of 2");
        BlastRadius quarter = new BlastRadius(List.of(), 0.25, Duration.ofHours(1), 10);
        Target three = new Target("pods", ChaosMeshFixture.PAYMENT.selector().with("count", "3"));
        assertThatThrownBy(() -> backend.findTarget(three, LOSS, 0.25, quarter))
                .hasMessageContaining("3 of the 4 pods")
                .hasMessageContaining("maxShare of 25%");
        assertThatThrownBy(() -> backend.findTarget(ChaosMeshFixture.PAYMENT, LOSS, 0.1, BlastRadius.UNLIMITED))
                .hasMessageContaining("hits none");
    }

    @Test
    void aMissingNamespaceOrASelectorMatchingNothingIsRefused() {
        assertThatThrownBy(
                        () -> backend.findTarget(new Target("pods", Params.of("namespace", "nope", "labels", "app=x"))))
                .isInstanceOf(BackendException.class)
                .hasMessageContaining("namespace 'nope' does not exist");
        assertThatThrownBy(() ->
                        backend.findTarget(new Target("pods", Params.of("namespace", "shop", "labels", "app=cart"))))
                .hasMessageContaining("pods app=cart in shop matches no pod");
        assertThatThrownBy(() -> backend.findTarget(new Target("proxy", Params.of("name", "payments"))))
                .hasMessageContaining("is not a pods target");
    }

    @Test
    void aFaultChaosMeshCannotMakeIsRefusedAtPrepare() {
        FaultRequest noPort = request(
                "h",
                new HttpFault("", "/", Map.of(), 503, Duration.ZERO, false, "", false, Map.of()),
                ChaosMeshFixture.PAYMENT,
                1);
        assertThatThrownBy(() -> backend.prepare(noPort)).hasMessageContaining("needs the target's port");
        FaultRequest noContainer = request("c", new PodFault.ContainerKill(List.of()), ChaosMeshFixture.PAYMENT, 1);
        assertThatThrownBy(() -> backend.prepare(noContainer)).hasMessageContaining("container-kill needs containers");
    }

    @Test
    void aHungDeletionIsPausedAndReported() throws Exception {
        FaultRequest r = request("hang", new NetworkFault.PacketLoss(0.3, 0), ChaosMeshFixture.PAYMENT, 1);
        FaultHandle h = backend.prepare(r);
        backend.inject(r, h);
        fixture.controller.stuck = true;
        assertThatThrownBy(() -> backend.revert(h))
                .hasMessageContaining("did not finish within 1000 ms")
                .hasMessageContaining("experiment.chaos-mesh.org/pause=true");
        GenericKubernetesResource left =
                fixture.resource("NetworkChaos", h.id()).orElseThrow();
        assertThat(ChaosStatus.paused(left)).isTrue();
        assertThat(backend.manualCleanup(h)).contains("kubectl --context test -n shop delete networkchaos " + h.id());
        fixture.controller.stuck = false;
        backend.revert(h);
        assertThat(fixture.resource("NetworkChaos", h.id())).isEmpty();
    }

    @Test
    void anInjectionTheControllerNeverConfirmsFailsWithinTheTimeLimit() throws Exception {
        fixture.controller.stop();
        FaultRequest r = request("dead", new PodFault.PodFailure(), ChaosMeshFixture.PAYMENT, 1);
        FaultHandle h = backend.prepare(r);
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> backend.inject(r, h))
                .hasMessageContaining("did not confirm it injected within 2000 ms")
                .hasMessageContaining("no status yet");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
        fixture.controller.running = true;
        backend.revert(h);
    }

    @Test
    void aNewBackendFindsWhatACrashedRunLeftByLabel() throws Exception {
        FaultRequest r = request("left", new StressFault.CpuStress(1, 50), ChaosMeshFixture.PAYMENT, 1);
        backend.inject(r, backend.prepare(r));
        try (ChaosMeshBackend after = (ChaosMeshBackend) new ChaosMeshBackendProvider()
                .create(ChaosMeshFixture.settings(fixture.kubeconfig, "test", "namespaces", "shop,other"))) {
            assertThat(after.resetAll())
                    .contains("deleted 1 Chaos Mesh resource(s)")
                    .contains("other, shop")
                    .doesNotContain("still");
        }
        assertThat(fixture.cluster
                        .admin()
                        .genericKubernetesResources(ChaosKind.STRESS.context())
                        .inNamespace("shop")
                        .list()
                        .getItems())
                .isEmpty();
    }
}
