package dev.faultline.plugin.chaostoolkit;

import dev.faultline.engine.model.Durations;
import dev.faultline.engine.model.Fault;
import dev.faultline.engine.model.NetworkFault;
import dev.faultline.engine.model.Numbers;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.PodFault;
import dev.faultline.engine.model.ProxyFault;
import dev.faultline.engine.model.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Chaos Mesh resources a Chaos Toolkit experiment creates through the Kubernetes extension
 * ({@code chaosk8s.crd.actions.create_custom_object}), as Faultline faults on a pods target, and
 * back: {@code PodChaos} pod-kill, pod-failure and container-kill; {@code NetworkChaos} delay, loss,
 * duplicate and corrupt.
 */
final class ChaosMeshResources {
    static final String GROUP = "chaos-mesh.org";
    static final String VERSION = "v1alpha1";

    private ChaosMeshResources() {}

    /** A fault read from a resource, with its target and how long it lasts. */
    record Read(
            Fault fault,
            Target target,
            double share,
            @Nullable Duration duration) {}

    /** The fault of {@code resource}, or empty (with why) when Faultline has no such fault. */
    static Optional<Read> read(JsonNode resource, List<String> why) {
        String kind = resource.path("kind").asString("");
        JsonNode spec = resource.path("spec");
        String action = spec.path("action").asString("");
        Fault fault;
        try {
            fault = switch (kind + "/" + action) {
                case "PodChaos/pod-kill" ->
                    new PodFault.PodKill(Duration.ofSeconds(
                            Math.max(0, spec.path("gracePeriod").asLong(0))));
                case "PodChaos/pod-failure" -> new PodFault.PodFailure();
                case "PodChaos/container-kill" -> new PodFault.ContainerKill(texts(spec.path("containerNames")));
                case "NetworkChaos/delay" ->
                    new ProxyFault.Latency(
                            Durations.parse(spec.path("delay").path("latency").asString("0"), "latency"),
                            Durations.parse(spec.path("delay").path("jitter").asString("0"), "jitter"),
                            percent(spec.path("delay").path("correlation")));
                case "NetworkChaos/loss" ->
                    new NetworkFault.PacketLoss(
                            percent(spec.path("loss").path("loss")),
                            percent(spec.path("loss").path("correlation")));
                case "NetworkChaos/duplicate" ->
                    new NetworkFault.PacketDuplicate(
                            percent(spec.path("duplicate").path("duplicate")),
                            percent(spec.path("duplicate").path("correlation")));
                case "NetworkChaos/corrupt" ->
                    new NetworkFault.PacketCorrupt(
                            percent(spec.path("corrupt").path("corrupt")),
                            percent(spec.path("corrupt").path("correlation")));
                default -> null;
            };
        } catch (IllegalArgumentException e) {
            why.add("a " + kind + " '" + action + "' Faultline cannot read: " + e.getMessage());
            return Optional.empty();
        }
        if (fault == null) {
            why.add("a " + (kind.isEmpty() ? "resource" : kind) + (action.isEmpty() ? "" : " '" + action + "'")
                    + " has no Faultline equivalent");
            return Optional.empty();
        }
        JsonNode selector = spec.path("selector");
        Map<String, String> sel = new TreeMap<>();
        String ns = selector.path("namespaces")
                .path(0)
                .asString(resource.path("metadata").path("namespace").asString("default"));
        sel.put("namespace", ns);
        JsonNode labels = selector.path("labelSelectors");
        if (labels.isObject() && !labels.isEmpty()) {
            sel.put("labels", labelText(labels));
        } else if (selector.path("pods").isObject()) {
            List<String> names = new ArrayList<>();
            selector.path("pods").forEach(list -> list.forEach(p -> names.add(p.asString())));
            sel.put("podNames", String.join(",", names));
        } else {
            why.add("its selector names no labels or pods; Faultline never selects a whole namespace");
            return Optional.empty();
        }
        String mode = spec.path("mode").asString("one");
        double share = 1;
        if (mode.equals("one")) {
            sel.put("count", "1");
        } else if (mode.equals("fixed")) {
            sel.put("count", spec.path("value").asString("1"));
        } else if (mode.equals("fixed-percent") || mode.equals("random-max-percent")) {
            share = Double.parseDouble(spec.path("value").asString("100")) / 100;
        }
        Duration duration =
                spec.has("duration") ? Durations.parse(spec.path("duration").asString(), "duration") : null;
        return Optional.of(new Read(fault, new Target("pods", new Params(sel)), share, duration));
    }

    /** The resource for {@code fault} on {@code target}, or empty when Chaos Mesh through this route cannot make it. */
    static Optional<ObjectNode> write(String name, Fault fault, Target target, double share, Duration duration) {
        if (!target.kind().equals("pods")) {
            return Optional.empty();
        }
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode r = f.objectNode();
        r.put("apiVersion", GROUP + "/" + VERSION);
        ObjectNode meta = r.putObject("metadata");
        meta.put("name", name);
        Params sel = target.selector();
        meta.put("namespace", sel.get("namespace").orElse("default"));
        ObjectNode spec = f.objectNode();
        switch (fault) {
            case PodFault.PodKill k -> {
                r.put("kind", "PodChaos");
                spec.put("action", "pod-kill");
                spec.put("gracePeriod", k.gracePeriod().toSeconds());
            }
            case PodFault.PodFailure p -> {
                r.put("kind", "PodChaos");
                spec.put("action", "pod-failure");
            }
            case PodFault.ContainerKill c -> {
                r.put("kind", "PodChaos");
                spec.put("action", "container-kill");
                ArrayNode names = spec.putArray("containerNames");
                c.containers().forEach(names::add);
            }
            case ProxyFault.Latency l -> {
                r.put("kind", "NetworkChaos");
                spec.put("action", "delay");
                ObjectNode d = spec.putObject("delay");
                d.put("latency", Durations.format(l.latency()));
                if (!l.jitter().isZero()) {
                    d.put("jitter", Durations.format(l.jitter()));
                }
                if (l.correlation() > 0) {
                    d.put("correlation", Numbers.format(l.correlation() * 100));
                }
            }
            case NetworkFault.PacketLoss l -> {
                r.put("kind", "NetworkChaos");
                spec.put("action", "loss");
                network(spec.putObject("loss"), "loss", l.probability(), l.correlation());
            }
            case NetworkFault.PacketDuplicate d -> {
                r.put("kind", "NetworkChaos");
                spec.put("action", "duplicate");
                network(spec.putObject("duplicate"), "duplicate", d.probability(), d.correlation());
            }
            case NetworkFault.PacketCorrupt c -> {
                r.put("kind", "NetworkChaos");
                spec.put("action", "corrupt");
                network(spec.putObject("corrupt"), "corrupt", c.probability(), c.correlation());
            }
            default -> {
                return Optional.empty();
            }
        }
        String count = sel.get("count").orElse("");
        if (count.equals("1")) {
            spec.put("mode", "one");
        } else if (!count.isEmpty()) {
            spec.put("mode", "fixed");
            spec.put("value", count);
        } else if (share < 1) {
            spec.put("mode", "fixed-percent");
            spec.put("value", Numbers.format(share * 100));
        } else {
            spec.put("mode", "all");
        }
        ObjectNode selector = spec.putObject("selector");
        selector.putArray("namespaces").add(sel.get("namespace").orElse("default"));
        sel.get("labels").ifPresent(l -> {
            ObjectNode labels = selector.putObject("labelSelectors");
            for (String pair : l.split(",")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    labels.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
        });
        sel.get("podNames").ifPresent(p -> {
            ArrayNode names =
                    selector.putObject("pods").putArray(sel.get("namespace").orElse("default"));
            for (String n : p.split(",")) {
                names.add(n);
            }
        });
        if (!(fault instanceof PodFault.PodKill) && !(fault instanceof PodFault.ContainerKill)) {
            spec.put("duration", Durations.format(duration));
        }
        r.set("spec", spec);
        return Optional.of(r);
    }

    static String plural(String kind) {
        return kind.toLowerCase(java.util.Locale.ROOT);
    }

    private static void network(ObjectNode n, String key, double probability, double correlation) {
        n.put(key, Numbers.format(probability * 100));
        if (correlation > 0) {
            n.put("correlation", Numbers.format(correlation * 100));
        }
    }

    static String labelText(JsonNode labels) {
        Map<String, String> m = new TreeMap<>();
        for (String k : labels.propertyNames()) {
            m.put(k, labels.get(k).asString());
        }
        StringBuilder b = new StringBuilder();
        m.forEach(
                (k, v) -> b.append(b.isEmpty() ? "" : ",").append(k).append('=').append(v));
        return b.toString();
    }

    private static double percent(JsonNode n) {
        if (n.isMissingNode() || n.isNull()) {
            return 0;
        }
        return Double.parseDouble(n.asString().strip()) / 100;
    }

    private static List<String> texts(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.forEach(x -> out.add(x.asString()));
        return out;
    }
}
