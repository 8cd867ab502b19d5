package dev.faultline.plugin.chaostoolkit;

import dev.faultline.engine.model.Fault;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.PodFault;
import dev.faultline.engine.model.ProxyFault;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.spi.interop.ConversionNote;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Chaos Toolkit actions that are faults Faultline has: Toxiproxy toxics and proxies, pod kills, Chaos Mesh
 * resources and network faults; and the actions that delete them again.
 */
final class FaultActions extends ImportContext {
    FaultActions(ImportContext shared) {
        super(shared);
    }

    /** A fault made by an action, where it goes, and how long the source says it lasts (null: not said). */
    record FaultAction(
            Fault fault,
            Target target,
            String backend,
            double share,
            @Nullable Duration duration,
            Optional<String> key) {}

    Optional<FaultAction> faultAction(JsonNode provider, String source) {
        if (!provider.get("type").asString().equals("python")) {
            return Optional.empty();
        }
        String module = provider.get("module").asString();
        String func = provider.get("func").asString();
        JsonNode args = provider.path("arguments");
        try {
            if (module.equals("chaostoxi.toxic.actions") && func.startsWith("create_")) {
                return toxic(func, args, source);
            }
            if (module.equals("chaostoxi.proxy.actions") && func.equals("disable_proxy")) {
                String proxy = args.path("proxy_name").asString();
                return Optional.of(new FaultAction(
                        new ProxyFault.Down(),
                        proxyTarget(proxy),
                        "toxiproxy",
                        1,
                        null,
                        Optional.of("proxy/" + proxy)));
            }
            if (module.equals("chaosk8s.pod.actions") && func.equals("terminate_pods")) {
                return podKill(args, source);
            }
            if (module.equals("chaosk8s.crd.actions")
                    && (func.equals("create_custom_object") || func.equals("create_cluster_custom_object"))
                    && args.path("group").asString("").equals(ChaosMeshResources.GROUP)) {
                JsonNode resource = args.path("resource");
                if (!resource.isObject()) {
                    notes.add(
                            new ConversionNote(
                                    source,
                                    "its Chaos Mesh resource is in a separate file ("
                                            + args.path("resource_as_yaml_file").asString("?")
                                            + "): import that file with the Chaos Mesh importer; here it became a command step"));
                    return Optional.empty();
                }
                return chaosMesh(resource, source);
            }
            if (module.equals("chaosk8s.chaosmesh.network.actions")) {
                return chaosMeshNetwork(func, args, source);
            }
        } catch (IllegalArgumentException e) {
            notes.add(new ConversionNote(
                    source, "could not be read as a Faultline fault (" + e.getMessage() + "): became a command step"));
        }
        return Optional.empty();
    }

    static Target proxyTarget(String proxy) {
        return new Target("proxy", Params.of("name", proxy));
    }

    Optional<FaultAction> toxic(String func, JsonNode args, String source) {
        String proxy = args.path("for_proxy").asString();
        String toxicName = args.path("toxic_name").asString();
        String type;
        JsonNode attrs;
        double toxicity = 1;
        switch (func) {
            case "create_toxic" -> {
                type = args.path("toxic_type").asString();
                attrs = args.path("attributes");
                toxicity = args.path("toxicity").asDouble(1);
                if (args.path("stream").asString("downstream").equals("upstream")) {
                    notes.add(new ConversionNote(
                            source, "an upstream toxic: Faultline's proxy faults act on the connection as a whole"));
                }
            }
            case "create_latency_toxic" -> {
                type = "latency";
                attrs = args;
            }
            case "create_bandwith_degradation_toxic" -> {
                type = "bandwidth";
                attrs = args;
            }
            case "create_slow_connection_close_toxic" -> {
                type = "slow_close";
                attrs = args;
            }
            case "create_timeout_toxic" -> {
                type = "timeout";
                attrs = args;
            }
            case "create_slicer_toxic" -> {
                type = "slicer";
                attrs = args;
            }
            case "create_limiter_toxic" -> {
                type = "limit_data";
                attrs = JsonNodeFactory.instance
                        .objectNode()
                        .put("bytes", args.path("bytes_limit").asLong());
            }
            default -> {
                return Optional.empty();
            }
        }
        Fault fault = switch (type) {
            case "latency" -> new ProxyFault.Latency(ms(attrs, "latency"), ms(attrs, "jitter"), 0);
            case "bandwidth" -> new ProxyFault.Bandwidth(attrs.path("rate").asLong());
            case "slow_close" -> new ProxyFault.SlowClose(ms(attrs, "delay"));
            case "timeout" -> new ProxyFault.ConnectionTimeout(ms(attrs, "timeout"));
            case "reset_peer" -> new ProxyFault.ResetPeer(ms(attrs, "timeout"));
            case "slicer" ->
                new ProxyFault.Slicer(
                        attrs.path("average_size").asLong(),
                        attrs.path("size_variation").asLong(),
                        Duration.ofNanos(attrs.path("delay").asLong() * 1000));
            case "limit_data" -> new ProxyFault.LimitData(attrs.path("bytes").asLong());
            default -> null;
        };
        if (fault == null) {
            notes.add(new ConversionNote(
                    source, "toxic type '" + type + "' has no Faultline equivalent: became a command step"));
            return Optional.empty();
        }
        return Optional.of(new FaultAction(
                fault,
                proxyTarget(proxy),
                "toxiproxy",
                toxicity,
                null,
                Optional.of("toxic/" + proxy + "/" + toxicName)));
    }

    static Duration ms(JsonNode attrs, String key) {
        return Duration.ofMillis(attrs.path(key).asLong(0));
    }

    Optional<FaultAction> podKill(JsonNode args, String source) {
        Map<String, String> sel = new TreeMap<>();
        sel.put("namespace", args.path("ns").asString("default"));
        String labels = args.path("label_selector").asString("");
        if (labels.isBlank()) {
            notes.add(
                    new ConversionNote(
                            source,
                            "kills pods without a label selector (by name pattern or all of a namespace): Faultline never selects a whole namespace; became a command step"));
            return Optional.empty();
        }
        sel.put("labels", labels.replace(" ", ""));
        String mode = args.path("mode").asString("fixed");
        if (args.path("all").asBoolean(false)) {
            // every matching pod: no count
        } else if (mode.equals("percentage")) {
            notes.add(new ConversionNote(
                    source,
                    "kills " + args.path("qty").asInt(1)
                            + "% of the pods: Faultline's pod-kill on every matching pod, limited by the share"));
            return Optional.of(new FaultAction(
                    new PodFault.PodKill(grace(args)),
                    new Target("pods", new Params(sel)),
                    "chaos-mesh",
                    Math.max(0.01, Math.min(1, args.path("qty").asInt(1) / 100.0)),
                    null,
                    Optional.empty()));
        } else {
            sel.put("count", String.valueOf(Math.max(1, args.path("qty").asInt(1))));
        }
        if (args.path("name_pattern").isString()) {
            notes.add(new ConversionNote(source, "its name_pattern was left out: Faultline selects pods by labels"));
        }
        return Optional.of(new FaultAction(
                new PodFault.PodKill(grace(args)),
                new Target("pods", new Params(sel)),
                "chaos-mesh",
                1,
                null,
                Optional.empty()));
    }

    static Duration grace(JsonNode args) {
        return Duration.ofSeconds(Math.max(0, args.path("grace_period").asLong(-1)));
    }

    Optional<FaultAction> chaosMesh(JsonNode resource, String source) {
        List<String> why = new ArrayList<>();
        Optional<ChaosMeshResources.Read> r = ChaosMeshResources.read(resource, why);
        if (r.isEmpty()) {
            notes.add(new ConversionNote(source, String.join("; ", why) + ": became a command step"));
            return Optional.empty();
        }
        String name = resource.path("metadata").path("name").asString("");
        return Optional.of(new FaultAction(
                r.get().fault(),
                r.get().target(),
                "chaos-mesh",
                r.get().share(),
                r.get().duration(),
                Optional.of("chaos-mesh/" + resource.path("kind").asString() + "/" + name)));
    }

    Optional<FaultAction> chaosMeshNetwork(String func, JsonNode args, String source) {
        var nodes = JsonNodeFactory.instance;
        var resource = nodes.objectNode();
        resource.put("kind", "NetworkChaos");
        resource.putObject("metadata")
                .put("name", args.path("name").asString())
                .put("namespace", args.path("ns").asString("default"));
        var spec = resource.putObject("spec");
        spec.put("mode", args.path("mode").asString("one"));
        if (args.has("mode_value")) {
            spec.put("value", args.path("mode_value").asString());
        }
        var selector = spec.putObject("selector");
        JsonNode labels = args.path("label_selectors");
        if (labels.isString()) {
            var l = selector.putObject("labelSelectors");
            for (String pair : labels.asString().split(",")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    l.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
                }
            }
        } else if (labels.isObject()) {
            selector.set("labelSelectors", labels);
        }
        selector.putArray("namespaces").add(args.path("ns").asString("default"));
        switch (func) {
            case "add_latency" -> {
                spec.put("action", "delay");
                var d = spec.putObject("delay");
                d.put("latency", args.path("latency").asString("0"));
                if (args.has("jitter")) {
                    d.put("jitter", args.path("jitter").asString());
                }
            }
            case "set_loss" -> {
                spec.put("action", "loss");
                spec.putObject("loss").put("loss", args.path("loss").asString("0"));
            }
            case "duplicate_packets" -> {
                spec.put("action", "duplicate");
                spec.putObject("duplicate")
                        .put("duplicate", args.path("duplicate").asString("0"));
            }
            case "corrupt_packets" -> {
                spec.put("action", "corrupt");
                spec.putObject("corrupt").put("corrupt", args.path("corrupt").asString("0"));
            }
            default -> {
                return Optional.empty();
            }
        }
        return chaosMesh(resource, source);
    }

    /** What a deleting action undoes, in the keys {@link FaultAction#key()} gives. */
    static Optional<String> revertKey(JsonNode provider) {
        if (!provider.get("type").asString().equals("python")) {
            return Optional.empty();
        }
        String module = provider.get("module").asString();
        String func = provider.get("func").asString();
        JsonNode args = provider.path("arguments");
        if (module.equals("chaostoxi.toxic.actions") && func.equals("delete_toxic")) {
            return Optional.of("toxic/" + args.path("for_proxy").asString() + "/"
                    + args.path("toxic_name").asString());
        }
        if (module.equals("chaostoxi.proxy.actions") && func.equals("enable_proxy")) {
            return Optional.of("proxy/" + args.path("proxy_name").asString());
        }
        if (module.equals("chaosk8s.crd.actions")
                && (func.equals("delete_custom_object") || func.equals("delete_cluster_custom_object"))) {
            String plural = args.path("plural").asString("");
            String kind =
                    plural.equals("networkchaos") ? "NetworkChaos" : plural.equals("podchaos") ? "PodChaos" : plural;
            return Optional.of("chaos-mesh/" + kind + "/" + args.path("name").asString());
        }
        if (module.equals("chaosk8s.chaosmesh.network.actions") && func.equals("delete_network_fault")) {
            return Optional.of("chaos-mesh/NetworkChaos/" + args.path("name").asString());
        }
        return Optional.empty();
    }
}
