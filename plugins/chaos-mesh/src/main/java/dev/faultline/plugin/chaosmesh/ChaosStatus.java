package dev.faultline.plugin.chaosmesh;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a Chaos Mesh resource's {@code status.conditions} ({@code AllInjected}, {@code AllRecovered}, {@code Paused}). */
final class ChaosStatus {
    static final String PAUSE_ANNOTATION = "experiment.chaos-mesh.org/pause";

    private ChaosStatus() {}

    /** The condition's status: true, false, or empty when the controller has not set it yet. */
    static Optional<Boolean> condition(GenericKubernetesResource r, String type) {
        Object status = r.getAdditionalProperties().get("status");
        if (!(status instanceof Map<?, ?> s) || !(s.get("conditions") instanceof List<?> conditions)) {
            return Optional.empty();
        }
        for (Object c : conditions) {
            if (c instanceof Map<?, ?> m && type.equals(m.get("type"))) {
                return Optional.of("True".equals(m.get("status")));
            }
        }
        return Optional.empty();
    }

    /** For messages: "AllInjected=False, Selected=True" or "no status yet". */
    static String describe(GenericKubernetesResource r) {
        Object status = r.getAdditionalProperties().get("status");
        if (!(status instanceof Map<?, ?> s)
                || !(s.get("conditions") instanceof List<?> conditions)
                || conditions.isEmpty()) {
            return "no status yet";
        }
        StringBuilder b = new StringBuilder();
        for (Object c : conditions) {
            if (c instanceof Map<?, ?> m) {
                b.append(b.isEmpty() ? "" : ", ")
                        .append(m.get("type"))
                        .append('=')
                        .append(m.get("status"));
                if (m.get("reason") instanceof String reason && !reason.isEmpty()) {
                    b.append(" (").append(reason).append(')');
                }
            }
        }
        return b.toString();
    }

    static boolean paused(GenericKubernetesResource r) {
        return "true"
                .equals(
                        r.getMetadata().getAnnotations() == null
                                ? null
                                : r.getMetadata().getAnnotations().get(PAUSE_ANNOTATION));
    }

    /** The resource with the pause annotation set, for an edit. */
    static GenericKubernetesResource withPause(GenericKubernetesResource r) {
        if (r.getMetadata().getAnnotations() == null) {
            r.getMetadata().setAnnotations(new java.util.HashMap<>());
        }
        r.getMetadata().getAnnotations().put(PAUSE_ANNOTATION, "true");
        return r;
    }

    /** The merge patch that sets the pause annotation (a patch, so it never conflicts with the controller). */
    static final String PAUSE_PATCH = "{\"metadata\":{\"annotations\":{\"" + PAUSE_ANNOTATION + "\":\"true\"}}}";
}
