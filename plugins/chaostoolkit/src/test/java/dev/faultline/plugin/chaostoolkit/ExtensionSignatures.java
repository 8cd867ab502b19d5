package dev.faultline.plugin.chaostoolkit;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The signatures of the Chaos Toolkit extension functions an export writes, read from the extensions'
 * sources (chaostoolkit-kubernetes 5d786b99, chaostoolkit-toxiproxy c1d7c485, chaostoolkit-prometheus
 * 0de417c3): what chaoslib's python provider checks by importing the module. Changes when an
 * extension's function changes or an export starts calling another one.
 */
final class ExtensionSignatures {
    private ExtensionSignatures() {}

    /** A Python function: its parameters in order, and which of them have no default. */
    record Signature(List<String> parameters, Set<String> required) {}

    /** module → function → signature; {@code configuration} and {@code secrets} left out (chaoslib injects them). */
    private static final Map<String, Map<String, Signature>> SIGNATURES = Map.of(
            "chaostoxi.toxic.actions",
            Map.of(
                    "create_toxic",
                    new Signature(
                            List.of("for_proxy", "toxic_name", "toxic_type", "stream", "toxicity", "attributes"),
                            Set.of("for_proxy", "toxic_name", "toxic_type")),
                    "delete_toxic",
                    new Signature(List.of("for_proxy", "toxic_name"), Set.of("for_proxy", "toxic_name"))),
            "chaostoxi.proxy.actions",
            Map.of(
                    "disable_proxy", new Signature(List.of("proxy_name"), Set.of("proxy_name")),
                    "enable_proxy", new Signature(List.of("proxy_name"), Set.of("proxy_name"))),
            "chaosk8s.pod.actions",
            Map.of(
                    "terminate_pods",
                    new Signature(
                            List.of(
                                    "label_selector",
                                    "name_pattern",
                                    "all",
                                    "rand",
                                    "mode",
                                    "qty",
                                    "grace_period",
                                    "ns",
                                    "order"),
                            Set.of())),
            "chaosk8s.crd.actions",
            Map.of(
                    "create_custom_object",
                    new Signature(
                            List.of("group", "version", "plural", "ns", "resource", "resource_as_yaml_file"),
                            Set.of("group", "version", "plural")),
                    "delete_custom_object",
                    new Signature(
                            List.of("group", "version", "plural", "name", "ns"),
                            Set.of("group", "version", "plural", "name"))),
            "chaosprometheus.probes",
            Map.of("query", new Signature(List.of("query", "when", "timeout", "verify_tls"), Set.of("query"))));

    /** The functions of {@code module}, or none when it counts as not installed. */
    static Optional<Map<String, Signature>> module(String module) {
        return Optional.ofNullable(SIGNATURES.get(module));
    }
}
