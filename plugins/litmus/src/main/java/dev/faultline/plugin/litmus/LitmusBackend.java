package dev.faultline.plugin.litmus;

import dev.faultline.engine.model.BlastRadius;
import dev.faultline.engine.model.Fault;
import dev.faultline.engine.model.Hypothesis;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.PodFault;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.spi.BackendException;
import dev.faultline.engine.spi.DiscoveredTarget;
import dev.faultline.engine.spi.FaultBackend;
import dev.faultline.engine.spi.FaultHandle;
import dev.faultline.engine.spi.FaultRequest;
import dev.faultline.engine.spi.FaultReset;
import dev.faultline.engine.spi.FaultVerification;
import dev.faultline.engine.spi.HypothesisAware;
import dev.faultline.engine.spi.TargetCounts;
import dev.faultline.engine.spi.TargetDiscovery;
import dev.faultline.plugin.kube.KubeSettings;
import dev.faultline.plugin.kube.Names;
import dev.faultline.plugin.kube.NodeCandidates;
import dev.faultline.plugin.kube.PodCandidates;
import dev.faultline.plugin.kube.PodSelection;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Injects a fault by creating a ChaosEngine ({@code engineState: active}) labelled with the run,
 * confirmed when its ChaosResult is running; reverts by setting {@code engineState: stop}, reading
 * the ChaosResult's verdict and deleting the engine.
 */
public final class LitmusBackend
        implements FaultBackend, TargetDiscovery, FaultVerification, FaultReset, HypothesisAware, TargetCounts {
    private static final Logger log = LoggerFactory.getLogger(LitmusBackend.class);
    private final KubeSettings settings;
    private final String serviceAccount;
    private final String prometheusUrl;
    private final KubernetesClient client;
    private final ChaosEngines engines;
    private final LitmusPrerequisites prerequisites;
    private final Set<String> namespacesUsed = ConcurrentHashMap.newKeySet();
    private volatile List<Map<String, Object>> probes = List.of();

    LitmusBackend(
            KubeSettings settings, String serviceAccount, String prometheusUrl, KubernetesClient client, Clock clock) {
        this.settings = settings;
        this.serviceAccount = serviceAccount;
        this.prometheusUrl = prometheusUrl;
        this.client = client;
        this.engines = new ChaosEngines(settings, client, clock);
        this.prerequisites = new LitmusPrerequisites(settings, serviceAccount, client);
    }

    @Override
    public String id() {
        return LitmusBackendProvider.ID;
    }

    @Override
    public void useHypothesis(Hypothesis hypothesis) {
        probes = LitmusProbes.of(hypothesis, prometheusUrl);
    }

    /** Pods by label with how many each label matches now (as Chaos Mesh lists them), and the cluster's nodes. */
    @Override
    public List<DiscoveredTarget> listTargets(String kind) throws BackendException {
        return switch (kind) {
            case "pods" -> PodCandidates.list(client, settings);
            case "nodes" -> NodeCandidates.list(client, settings);
            default -> List.of();
        };
    }

    /**
     * A count of pods becomes the pods-affected percentage that makes Litmus pick exactly that many
     * of the pods matching now ({@link #percentFor}); pods named one by one, and nodes, have no count.
     */
    @Override
    public Optional<String> cannotCount(Target target, Fault fault) {
        try {
            LitmusTarget t = target(target);
            if (t.pods().isEmpty()) {
                return Optional.of("Litmus faults on a node hit that node; a rollout over targets needs a pods target");
            }
            if (!t.pods().get().podNames().isEmpty() || t.pods().get().count().isPresent()) {
                return Optional.of("target " + target.label()
                        + " names its pods or gives its own count; select them by label for a rollout over targets");
            }
            return Optional.empty();
        } catch (BackendException e) {
            return Optional.of(e.getMessage());
        }
    }

    @Override
    public int matching(Target target) throws BackendException {
        LitmusTarget t = target(target);
        if (t.pods().isEmpty()) {
            throw new BackendException(id(), "target " + target.label() + " is not a pods target");
        }
        return PodSelection.matching(client, settings, t.pods().get()).size();
    }

    /**
     * The smallest {@code PODS_AFFECTED_PERC} with which Litmus (max(1, percent × pods / 100), whole
     * numbers) picks exactly {@code count} of {@code pods} pods.
     *
     * @throws BackendException when no whole percentage gives that count (more than 100 pods)
     */
    static int percentFor(int count, int pods) throws BackendException {
        if (count > pods) {
            throw new BackendException(
                    LitmusBackendProvider.ID,
                    "a stage of " + count + " pods, but only " + pods + " match; lower the rollout's targets");
        }
        for (int p = 1; p <= 100; p++) {
            if (Math.max(1, p * pods / 100) == count) {
                return p;
            }
        }
        throw new BackendException(
                LitmusBackendProvider.ID,
                "Litmus picks pods by a whole percentage: no percentage picks exactly " + count + " of " + pods
                        + " pods; choose another count or narrow the selector");
    }

    @Override
    public String findTarget(Target target) throws BackendException {
        LitmusTarget t = target(target);
        return t.pods().isPresent()
                ? PodSelection.matching(client, settings, t.pods().get()).size() + " pod(s) match " + t.describe()
                : prerequisites.node(t);
    }

    /** The pods (or node), the blast radius, the ChaosExperiment definition and the service account. */
    @Override
    public String findTarget(Target target, Fault fault, double share, BlastRadius blastRadius)
            throws BackendException {
        LitmusTarget t = target(target);
        LitmusExperiment x = experiment(fault, t);
        prerequisites.requireExperiment(t.namespace(), x.name());
        prerequisites.requireServiceAccount(t.namespace());
        if (t.pods().isEmpty()) {
            return prerequisites.node(t) + "; ChaosExperiment " + x.name() + " and service account " + serviceAccount
                    + " found";
        }
        List<String> pods = PodSelection.matching(client, settings, t.pods().get());
        List<String> named = t.pods().get().podNames();
        int affected = !named.isEmpty() ? pods.size() : Math.max(1, percent(share) * pods.size() / 100);
        return PodSelection.check(settings, t.pods().get(), pods, affected, share, blastRadius)
                        .describe() + "; ChaosExperiment " + x.name() + " and service account " + serviceAccount
                + " found";
    }

    @Override
    public FaultHandle prepare(FaultRequest request) throws BackendException {
        LitmusTarget t = target(request.target());
        LitmusExperiment x = experiment(request.fault(), t);
        String name = Names.faultName(request.runId(), request.step());
        return new FaultHandle(
                id(),
                name,
                request.fault().describe() + " on " + t.describe() + " (Litmus " + x.name() + ")",
                Params.of(
                        "namespace",
                        t.namespace(),
                        "name",
                        name,
                        "experiment",
                        x.name(),
                        "run",
                        Names.label(request.runId(), 63)));
    }

    @Override
    public void inject(FaultRequest request, FaultHandle handle) throws BackendException {
        LitmusTarget t = target(request.target());
        LitmusExperiment x = experiment(request.fault(), t);
        String ns = handle.data().require("namespace");
        String name = handle.data().require("name");
        namespacesUsed.add(ns);
        GenericKubernetesResource engine = LitmusEngine.of(
                ns,
                name,
                handle.data().require("run"),
                t,
                x,
                serviceAccount,
                share(request, t),
                request.duration(),
                probes);
        engines.create(ns, name, engine);
        log.info("created ChaosEngine {}/{} ({})", ns, name, x.name());
        String result = name + "-" + x.name();
        if (!engines.await(
                settings.injectTimeout(),
                () -> engines.phase(ns, result)
                        .filter(p -> !p.equals("Initialized"))
                        .isPresent())) {
            throw new BackendException(
                    id(),
                    "ChaosEngine " + ns + "/" + name + " was created but its ChaosResult "
                            + result + " did not report running within "
                            + settings.injectTimeout().toMillis()
                            + " ms; is the chaos-operator running, and may service account " + serviceAccount
                            + " run it?");
        }
    }

    @Override
    public void revert(FaultHandle handle) throws BackendException {
        String ns = handle.data().require("namespace");
        String name = handle.data().require("name");
        namespacesUsed.add(ns);
        engines.stop(ns, name);
        String result = name + "-" + handle.data().require("experiment");
        if (!engines.await(
                settings.deleteTimeout(),
                () -> engines.get(ns, name).isEmpty()
                        || engines.phase(ns, result)
                                .map(ph -> !ph.equals("Running") && !ph.equals("Initialized"))
                                .orElse(true))) {
            log.warn(
                    "ChaosResult {}/{} still running {} ms after engineState: stop",
                    ns,
                    result,
                    settings.deleteTimeout().toMillis());
        }
        String verdict = verdict(handle);
        log.info("ChaosEngine {}/{} stopped; {}", ns, name, verdict);
        engines.delete(ns, name);
        if (!engines.await(settings.deleteTimeout(), () -> engines.get(ns, name).isEmpty())) {
            throw new BackendException(
                    id(),
                    "ChaosEngine " + ns + "/" + name + " is stopped but its deletion did not"
                            + " finish within " + settings.deleteTimeout().toMillis()
                            + " ms; the chaos-operator must remove its"
                            + " finalizer");
        }
    }

    /** The ChaosResult's verdict: "verdict Pass (probes 100%)", or why there is none. */
    String verdict(FaultHandle handle) throws BackendException {
        String ns = handle.data().require("namespace");
        String result = handle.data().require("name") + "-" + handle.data().require("experiment");
        return engines.verdict(ns, result);
    }

    @Override
    public Verification verifyGone(FaultHandle handle) throws BackendException {
        String ns = handle.data().require("namespace");
        String name = handle.data().require("name");
        Optional<GenericKubernetesResource> e = engines.get(ns, name);
        if (e.isEmpty()) {
            return new Verification(true, "ChaosEngine " + ns + "/" + name + " is deleted; " + verdict(handle));
        }
        Object status = e.get().getAdditionalProperties().get("status");
        String engineStatus = status instanceof Map<?, ?> m ? String.valueOf(m.get("engineStatus")) : "";
        boolean stopped = engineStatus.equals("stopped") || engineStatus.equals("completed");
        return new Verification(
                stopped, "ChaosEngine " + ns + "/" + name + " is " + engineStatus + "; " + verdict(handle));
    }

    @Override
    public String resetAll() throws BackendException {
        Set<String> namespaces = new TreeSet<>(settings.namespaces());
        namespaces.addAll(namespacesUsed);
        namespaces.add(settings.namespace());
        int n = 0;
        for (String ns : namespaces) {
            List<GenericKubernetesResource> found = engines.faultlines(ns);
            for (GenericKubernetesResource e : found) {
                engines.stop(ns, e.getMetadata().getName());
                try {
                    engines.delete(ns, e.getMetadata().getName());
                } catch (BackendException ex) {
                    log.warn(
                            "reset: could not delete ChaosEngine {}/{}: {}",
                            ns,
                            e.getMetadata().getName(),
                            ex.getMessage());
                }
                n++;
            }
        }
        return "stopped and deleted " + n + " ChaosEngine(s) labelled " + Names.RUN_LABEL + " in "
                + String.join(", ", namespaces);
    }

    @Override
    public String manualCleanup(FaultHandle handle) {
        String ns = handle.data().require("namespace");
        String ctx = settings.context().isEmpty() ? "" : " --context " + settings.context();
        return "kubectl" + ctx + " -n " + ns + " patch chaosengine "
                + handle.data().require("name")
                + " --type merge -p '{\"spec\":{\"engineState\":\"stop\"}}' && kubectl" + ctx + " -n " + ns
                + " delete chaosengine " + handle.data().require("name");
    }

    @Override
    public void close() {
        client.close();
    }

    private LitmusTarget target(Target target) throws BackendException {
        try {
            return LitmusTarget.of(target, settings.namespace());
        } catch (IllegalArgumentException e) {
            throw new BackendException(id(), e.getMessage());
        }
    }

    private LitmusExperiment experiment(Fault fault, LitmusTarget t) throws BackendException {
        try {
            if (fault instanceof PodFault.NodeDrain != t.pods().isEmpty()) {
                throw new IllegalArgumentException(
                        fault instanceof PodFault.NodeDrain
                                ? "a node-drain needs a nodes target, e.g. target: {nodes: {name: worker-1}}"
                                : "a " + fault.type() + " fault needs a pods target");
            }
            return LitmusExperiment.of(fault, t.pods().map(p -> p.container()).orElse(""));
        } catch (IllegalArgumentException e) {
            throw new BackendException(id(), e.getMessage());
        }
    }

    /** The request's share, or for a count of pods the share whose percentage picks exactly that many. */
    private double share(FaultRequest request, LitmusTarget t) throws BackendException {
        if (request.targets().isEmpty() || t.pods().isEmpty()) {
            return request.share();
        }
        int pods = PodSelection.matching(client, settings, t.pods().get()).size();
        return percentFor(request.targets().getAsInt(), pods) / 100.0;
    }

    static int percent(double share) {
        return Math.max(1, (int) Math.floor(share * 100 + 1e-9));
    }
}
