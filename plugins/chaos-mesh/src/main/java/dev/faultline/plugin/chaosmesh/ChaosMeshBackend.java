package dev.faultline.plugin.chaosmesh;

import dev.faultline.engine.model.BlastRadius;
import dev.faultline.engine.model.Fault;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.spi.BackendException;
import dev.faultline.engine.spi.DiscoveredTarget;
import dev.faultline.engine.spi.FaultBackend;
import dev.faultline.engine.spi.FaultHandle;
import dev.faultline.engine.spi.FaultRequest;
import dev.faultline.engine.spi.FaultReset;
import dev.faultline.engine.spi.FaultVerification;
import dev.faultline.engine.spi.TargetCounts;
import dev.faultline.engine.spi.TargetDiscovery;
import dev.faultline.plugin.kube.KubeErrors;
import dev.faultline.plugin.kube.KubeSettings;
import dev.faultline.plugin.kube.Names;
import dev.faultline.plugin.kube.PodCandidates;
import dev.faultline.plugin.kube.PodSelection;
import dev.faultline.plugin.kube.PodTarget;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Injects a fault by creating a Chaos Mesh resource labelled with the run ({@code faultline.dev/run})
 * and the fault ({@code faultline.dev/fault}), and waits for its {@code AllInjected} condition.
 * Reverts by deleting it and waiting until it is gone (Chaos Mesh's finalizer holds it until the
 * targets are recovered); when deletion hangs it pauses it ({@code experiment.chaos-mesh.org/pause})
 * and reports the failure, so the engine retries and resets.
 */
public final class ChaosMeshBackend
        implements FaultBackend, TargetDiscovery, FaultVerification, FaultReset, TargetCounts {
    private static final Logger log = LoggerFactory.getLogger(ChaosMeshBackend.class);
    private static final Duration POLL = Duration.ofMillis(50);
    private final KubeSettings settings;
    private final KubernetesClient client;
    private final Clock clock;
    private final Set<String> namespacesUsed = ConcurrentHashMap.newKeySet();

    ChaosMeshBackend(KubeSettings settings, KubernetesClient client, Clock clock) {
        this.settings = settings;
        this.client = client;
        this.clock = clock;
    }

    @Override
    public String id() {
        return ChaosMeshBackendProvider.ID;
    }

    @Override
    public String findTarget(Target target) throws BackendException {
        PodTarget t = podTarget(target);
        return PodSelection.matching(client, settings, t).size() + " pod(s) match " + t.describe();
    }

    /**
     * A count of pods is Chaos Mesh's {@code fixed} mode ({@code one} for 1), so any pods target can
     * be rolled out over counts, unless it fixes its own {@code count}.
     */
    @Override
    public Optional<String> cannotCount(Target target, Fault fault) {
        try {
            return podTarget(target).count().isPresent()
                    ? Optional.of("target " + target.label() + " has its own count; remove it, as the rollout's"
                            + " targets give the count of each stage")
                    : Optional.empty();
        } catch (BackendException e) {
            return Optional.of(e.getMessage());
        }
    }

    @Override
    public int matching(Target target) throws BackendException {
        return PodSelection.matching(client, settings, podTarget(target)).size();
    }

    /** The namespace's pods, one target per label with how many pods carry it now. */
    @Override
    public List<DiscoveredTarget> listTargets(String kind) throws BackendException {
        return kind.equals("pods") ? PodCandidates.list(client, settings) : List.of();
    }

    /** The pods the target matches, checked against the blast radius, and the fault's CRD installed. */
    @Override
    public String findTarget(Target target, Fault fault, double share, BlastRadius blastRadius)
            throws BackendException {
        PodTarget t = podTarget(target);
        ChaosKind kind;
        try {
            kind = ChaosManifests.of(fault, t, ChaosMode.of(t.count(), share), Duration.ofMinutes(1))
                    .kind();
        } catch (IllegalArgumentException e) {
            throw new BackendException(id(), e.getMessage());
        }
        try {
            if (client.apiextensions()
                            .v1()
                            .customResourceDefinitions()
                            .withName(kind.crd())
                            .get()
                    == null) {
                throw new BackendException(
                        id(),
                        "Chaos Mesh is not installed in " + settings.where() + ": the CRD " + kind.crd()
                                + " is missing");
            }
        } catch (KubernetesClientException e) {
            if (e.getCode() != 403) { // a user who may not read CRDs learns it when creating the resource
                throw KubeErrors.explain(settings, "looking for the CRD " + kind.crd(), e);
            }
        }
        List<String> pods = PodSelection.matching(client, settings, t);
        ChaosMode mode = ChaosMode.of(t.count(), share);
        PodSelection selection = PodSelection.check(settings, t, pods, mode.affected(pods.size()), share, blastRadius);
        return selection.describe() + " (mode " + mode.mode() + (mode.value().isEmpty() ? "" : " " + mode.value())
                + ")";
    }

    @Override
    public FaultHandle prepare(FaultRequest request) throws BackendException {
        PodTarget t = podTarget(request.target());
        ChaosManifests.Manifest m = manifest(request, t);
        String name = Names.faultName(request.runId(), request.step());
        return new FaultHandle(
                id(),
                name,
                request.fault().describe() + " on " + t.describe() + " (" + m.kind().kind + ")",
                Params.of(
                        "kind",
                        m.kind().kind,
                        "namespace",
                        t.namespace(),
                        "name",
                        name,
                        "run",
                        Names.label(request.runId(), 63)));
    }

    @Override
    public void inject(FaultRequest request, FaultHandle handle) throws BackendException {
        PodTarget t = podTarget(request.target());
        ChaosManifests.Manifest m = manifest(request, t);
        Ref ref = Ref.of(handle);
        namespacesUsed.add(ref.namespace());
        GenericKubernetesResource r = new GenericKubernetesResource();
        r.setApiVersion(ChaosKind.GROUP + "/" + ChaosKind.VERSION);
        r.setKind(m.kind().kind);
        r.setMetadata(new ObjectMetaBuilder()
                .withName(ref.name())
                .withNamespace(ref.namespace())
                .withLabels(Map.of(
                        Names.RUN_LABEL,
                        handle.data().require("run"),
                        Names.FAULT_LABEL,
                        ref.name(),
                        Names.MANAGED_BY,
                        "faultline"))
                .build());
        r.setAdditionalProperty("spec", m.spec());
        try {
            resource(ref).resource(r).create();
            log.info("created {} {}/{}", ref.kind().kind, ref.namespace(), ref.name());
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) {
                log.info("{} {}/{} exists already", ref.kind().kind, ref.namespace(), ref.name());
            } else if (e.getCode() == 404) {
                throw new BackendException(
                        id(),
                        "Chaos Mesh is not installed in " + settings.where() + ": the "
                                + ref.kind().crd() + " CRD is missing",
                        e);
            } else {
                throw KubeErrors.explain(settings, "creating " + ref, e);
            }
        } catch (RuntimeException e) {
            throw KubeErrors.explain(settings, "creating " + ref, e);
        }
        if (!await(
                ref,
                settings.injectTimeout(),
                x -> x.isPresent()
                        && ChaosStatus.condition(x.get(), "AllInjected").orElse(false))) {
            String status = get(ref).map(ChaosStatus::describe).orElse("the resource is gone");
            throw new BackendException(
                    id(),
                    ref + " was created but Chaos Mesh did not confirm it injected within "
                            + settings.injectTimeout().toMillis() + " ms (" + status
                            + "); is the chaos-controller-manager running?");
        }
    }

    @Override
    public void revert(FaultHandle handle) throws BackendException {
        Ref ref = Ref.of(handle);
        namespacesUsed.add(ref.namespace());
        try {
            resource(ref).withName(ref.name()).delete();
        } catch (RuntimeException e) {
            if (!KubeErrors.notFound(e)) {
                throw KubeErrors.explain(settings, "deleting " + ref, e);
            }
        }
        if (await(ref, settings.deleteTimeout(), Optional::isEmpty)) {
            return;
        }
        String status = get(ref).map(ChaosStatus::describe).orElse("");
        pause(ref);
        throw new BackendException(
                id(),
                "deleting " + ref + " did not finish within "
                        + settings.deleteTimeout().toMillis()
                        + " ms (" + status + "): paused it with " + ChaosStatus.PAUSE_ANNOTATION + "=true; the"
                        + " chaos-controller-manager must remove its finalizer");
    }

    @Override
    public Verification verifyGone(FaultHandle handle) throws BackendException {
        Ref ref = Ref.of(handle);
        Optional<GenericKubernetesResource> r = get(ref);
        if (r.isEmpty()) {
            return new Verification(true, ref + " is deleted");
        }
        if (ChaosStatus.condition(r.get(), "AllRecovered").orElse(false)) {
            return new Verification(true, ref + " is recovered (" + ChaosStatus.describe(r.get()) + ")");
        }
        return new Verification(false, ref + " still exists (" + ChaosStatus.describe(r.get()) + ")");
    }

    /** Deletes every resource Faultline made in the namespaces it used or was told of; pauses those that stay. */
    @Override
    public String resetAll() throws BackendException {
        Set<String> namespaces = new TreeSet<>(settings.namespaces());
        namespaces.addAll(namespacesUsed);
        namespaces.add(settings.namespace());
        int deleted = 0;
        for (String ns : namespaces) {
            for (ChaosKind k : ChaosKind.values()) {
                deleted += ChaosCleanup.deleteAll(client, settings, k, ns);
            }
        }
        Instant end = clock.instant().plus(settings.deleteTimeout());
        int left = remaining(namespaces);
        while (left > 0 && clock.instant().isBefore(end)) {
            sleep();
            left = remaining(namespaces);
        }
        return "deleted " + deleted + " Chaos Mesh resource(s) labelled " + Names.RUN_LABEL + " in "
                + String.join(", ", namespaces) + (left == 0 ? "" : "; " + left + " still finalizing, paused");
    }

    private int remaining(Set<String> namespaces) throws BackendException {
        int n = 0;
        for (String ns : namespaces) {
            for (ChaosKind k : ChaosKind.values()) {
                n += ChaosCleanup.count(client, settings, k, ns);
            }
        }
        return n;
    }

    private void sleep() throws BackendException {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendException(id(), "interrupted");
        }
    }

    @Override
    public String manualCleanup(FaultHandle handle) {
        Ref ref = Ref.of(handle);
        return "kubectl" + (settings.context().isEmpty() ? "" : " --context " + settings.context()) + " -n "
                + ref.namespace() + " delete " + ref.kind().plural + " " + ref.name()
                + "  (all of Faultline's: kubectl delete " + ref.kind().plural + " -A -l " + Names.RUN_LABEL + ")";
    }

    @Override
    public void close() {
        client.close();
    }

    private PodTarget podTarget(Target target) throws BackendException {
        try {
            return PodTarget.of(target, settings.namespace());
        } catch (IllegalArgumentException e) {
            throw new BackendException(id(), e.getMessage());
        }
    }

    private ChaosManifests.Manifest manifest(FaultRequest request, PodTarget t) throws BackendException {
        try {
            return ChaosManifests.of(
                    request.fault(),
                    t,
                    ChaosMode.of(request.targets().isPresent() ? request.targets() : t.count(), request.share()),
                    request.duration());
        } catch (IllegalArgumentException e) {
            throw new BackendException(id(), "step '" + request.step() + "': " + e.getMessage());
        }
    }

    private io.fabric8.kubernetes.client.dsl.NonNamespaceOperation<
                    GenericKubernetesResource,
                    io.fabric8.kubernetes.api.model.GenericKubernetesResourceList,
                    Resource<GenericKubernetesResource>>
            resource(Ref ref) {
        return client.genericKubernetesResources(ref.kind().context()).inNamespace(ref.namespace());
    }

    private Optional<GenericKubernetesResource> get(Ref ref) throws BackendException {
        try {
            return Optional.ofNullable(resource(ref).withName(ref.name()).get());
        } catch (RuntimeException e) {
            throw KubeErrors.explain(settings, "reading " + ref, e);
        }
    }

    private void pause(Ref ref) {
        try {
            resource(ref)
                    .withName(ref.name())
                    .patch(
                            io.fabric8.kubernetes.client.dsl.base.PatchContext.of(
                                    io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE),
                            ChaosStatus.PAUSE_PATCH);
        } catch (RuntimeException e) {
            log.warn("could not pause {}: {}", ref, e.getMessage());
        }
    }

    /** Polls until {@code done} holds for the resource (empty: gone); false when the time is up first. */
    private boolean await(Ref ref, Duration within, Predicate<Optional<GenericKubernetesResource>> done)
            throws BackendException {
        Instant end = clock.instant().plus(within);
        while (true) {
            Optional<GenericKubernetesResource> r = get(ref);
            if (done.test(r)) {
                return true;
            }
            if (!clock.instant().isBefore(end)) {
                return false;
            }
            sleep();
        }
    }

    /** A resource named by a handle. */
    record Ref(ChaosKind kind, String namespace, String name) {
        static Ref of(FaultHandle h) {
            return new Ref(
                    ChaosKind.ofKind(h.data().require("kind")),
                    h.data().require("namespace"),
                    h.data().require("name"));
        }

        @Override
        public String toString() {
            return kind.kind + " " + namespace + "/" + name;
        }
    }
}
