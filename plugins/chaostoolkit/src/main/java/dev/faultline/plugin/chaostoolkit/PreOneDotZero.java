package dev.faultline.plugin.chaostoolkit;

import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Recognises the experiment format of Chaos Toolkit before its 1.0 specification (chaostoolkit-lib
 * up to 0.5, 2017): method steps with a {@code title}, an {@code action} and {@code probes} with
 * {@code steady} and {@code close}; activities whose {@code type} is the provider ({@code python},
 * {@code http}, {@code process}) and which name a {@code layer}.
 */
final class PreOneDotZero {
    private PreOneDotZero() {}

    /** The path of the first part written in the old format, or empty. */
    static Optional<String> check(JsonNode root) {
        JsonNode method = root.path("method");
        for (int i = 0; i < method.size(); i++) {
            JsonNode step = method.get(i);
            String path = "method[" + i + "]";
            if (step.path("action").isObject()) {
                return Optional.of(path + ".action");
            }
            JsonNode probes = step.path("probes");
            if (probes.isObject() && (probes.has("steady") || probes.has("close"))) {
                return Optional.of(path + ".probes");
            }
            if (step.has("layer")) {
                return Optional.of(path + ".layer");
            }
            String type = step.path("type").asString("");
            if (type.equals("python") || type.equals("http") || type.equals("process")) {
                return Optional.of(path + ".type");
            }
        }
        return Optional.empty();
    }

    /** Whether the text's top level looks like an old experiment (cheap, for recognising). */
    static boolean looksOld(JsonNode root) {
        return root.has("title") && root.path("method").isArray() && check(root).isPresent();
    }
}
