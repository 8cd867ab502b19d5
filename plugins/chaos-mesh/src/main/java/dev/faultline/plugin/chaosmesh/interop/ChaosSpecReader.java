package dev.faultline.plugin.chaosmesh.interop;

import dev.faultline.engine.model.Fault;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.spi.interop.ConversionNote;
import dev.faultline.engine.spi.interop.ImportException;
import dev.faultline.plugin.chaosmesh.interop.ChaosSelectors.Selection;
import dev.faultline.plugin.kube.interop.ManifestNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The spec of one of Chaos Mesh's eight chaos kinds as Faultline faults (a {@code netem} or a
 * StressChaos with several stressors gives several). Whatever a Faultline fault cannot say exactly
 * becomes a {@link ConversionNote}; a malformed value is an {@link ImportException} at its line.
 *
 * <p>The kinds themselves are read by {@link PodChaosReader}, {@link NetworkChaosReader} and
 * {@link AppChaosReader}; the selector and mode by {@link ChaosSelectors}.
 */
final class ChaosSpecReader extends ChaosKindReader {
    /** The chaos kinds, as {@code kind} names them, and the field a Workflow or Schedule embeds them in. */
    static final Map<String, String> EMBEDDED = new LinkedHashMap<>();

    static {
        EMBEDDED.put("PodChaos", "podChaos");
        EMBEDDED.put("NetworkChaos", "networkChaos");
        EMBEDDED.put("StressChaos", "stressChaos");
        EMBEDDED.put("IOChaos", "ioChaos");
        EMBEDDED.put("TimeChaos", "timeChaos");
        EMBEDDED.put("HTTPChaos", "httpChaos");
        EMBEDDED.put("DNSChaos", "dnsChaos");
        EMBEDDED.put("JVMChaos", "jvmChaos");
    }

    private static final Set<String> COMMON = Set.of("selector", "mode", "value", "duration", "containerNames");
    private static final Map<String, Set<String>> HANDLED = Map.of(
            "PodChaos", Set.of("action", "gracePeriod"),
            "NetworkChaos",
                    Set.of(
                            "action",
                            "delay",
                            "loss",
                            "duplicate",
                            "corrupt",
                            "bandwidth",
                            "direction",
                            "target",
                            "externalTargets"),
            "StressChaos", Set.of("stressors"),
            "IOChaos", Set.of("action", "volumePath", "path", "percent", "delay", "errno"),
            "TimeChaos", Set.of("timeOffset"),
            "HTTPChaos",
                    Set.of("target", "port", "path", "method", "request_headers", "abort", "delay", "replace", "patch"),
            "DNSChaos", Set.of("action", "patterns"),
            "JVMChaos", Set.of("action", "class", "method", "exception", "latency", "returnValue"));

    /**
     * @param source how notes name the resource or template: {@code NetworkChaos web-delay}
     * @param notes where what is not carried over exactly is written
     */
    ChaosSpecReader(String source, List<ConversionNote> notes) {
        super(source, notes);
    }

    static boolean isChaosKind(String kind) {
        return EMBEDDED.containsKey(kind);
    }

    /** The faults of {@code spec}, a {@code kind} chaos named {@code name}, in namespace {@code namespace}. */
    List<ChaosFault> read(String kind, String name, ManifestNode spec, String namespace) throws ImportException {
        if (!spec.isMap()) {
            throw spec.problem("a " + kind + "'s spec is a mapping");
        }
        for (String key : spec.keys()) {
            if (!COMMON.contains(key) && !HANDLED.getOrDefault(kind, Set.of()).contains(key)) {
                note(spec, key, "left out: Faultline's " + kind + " faults have no equivalent of '" + key + "'");
            }
        }
        Selection sel = ChaosSelectors.read(spec, namespace, source, notes);
        Optional<Duration> duration = ownDuration(spec);
        List<Fault> faults = new ArrayList<>();
        PodChaosReader pods = new PodChaosReader(source, notes);
        NetworkChaosReader network = new NetworkChaosReader(source, notes);
        AppChaosReader app = new AppChaosReader(source, notes);
        try {
            switch (kind) {
                case "PodChaos" -> faults.add(pods.pod(spec));
                case "NetworkChaos" -> faults.addAll(network.network(spec, sel.target()));
                case "StressChaos" -> faults.addAll(pods.stress(spec));
                case "IOChaos" -> pods.io(spec).ifPresent(faults::add);
                case "TimeChaos" -> faults.add(app.time(spec));
                case "HTTPChaos" -> app.http(spec).ifPresent(faults::add);
                case "DNSChaos" -> faults.add(app.dns(spec));
                case "JVMChaos" -> app.jvm(spec).ifPresent(faults::add);
                default -> throw spec.problem("'" + kind + "' is not one of Chaos Mesh's chaos kinds");
            }
        } catch (IllegalArgumentException e) {
            notes.add(new ConversionNote(source, "left out: " + e.getMessage()));
        }
        Target target = sel.target();
        if (kind.equals("HTTPChaos") && spec.has("port")) {
            target = new Target("pods", target.selector().with("port", spec.text("port", "")));
        }
        List<ChaosFault> out = new ArrayList<>();
        for (Fault f : faults) {
            String stepName = faults.size() == 1 ? name : name + "-" + f.type();
            out.add(new ChaosFault(stepName, f, target, sel.share(), duration));
        }
        return out;
    }

    private static Optional<Duration> ownDuration(ManifestNode spec) throws ImportException {
        Optional<ManifestNode> d = spec.get("duration");
        return d.isEmpty() ? Optional.empty() : Optional.of(positive(d.get()));
    }

    static Duration positive(ManifestNode n) throws ImportException {
        Duration d = duration(n);
        if (d.isNegative() || d.isZero()) {
            throw n.problem("a duration must be above zero, not " + n.text());
        }
        return d;
    }
}
