package dev.faultline.plugin.litmus;

import dev.faultline.engine.model.Target;
import dev.faultline.plugin.kube.PodTarget;
import java.util.Optional;

/** What a Litmus fault hits: pods (by label, in a namespace) or a node (by name or label). */
record LitmusTarget(String namespace, Optional<PodTarget> pods, String node, String nodeLabel) {

    static LitmusTarget of(Target t, String defaultNamespace) {
        if (t.kind().equals("nodes")) {
            return new LitmusTarget(
                    defaultNamespace,
                    Optional.empty(),
                    t.selector().get("name").orElse(""),
                    t.selector().get("labels").orElse(""));
        }
        PodTarget p = PodTarget.of(t, defaultNamespace);
        if (p.count().isPresent()) {
            throw new IllegalArgumentException("Litmus selects pods by percentage: give the step a share, or the target"
                    + " podNames, instead of a count");
        }
        if (!p.fields().isEmpty()) {
            throw new IllegalArgumentException("Litmus selects pods by labels or podNames, not by fieldSelectors");
        }
        return new LitmusTarget(p.namespace(), Optional.of(p), "", "");
    }

    String describe() {
        return pods.map(PodTarget::describe).orElseGet(() -> "node " + (node.isEmpty() ? nodeLabel : node));
    }
}
