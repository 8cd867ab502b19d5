package dev.faultline.plugin.litmus;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/** The LitmusChaos kinds (group {@code litmuschaos.io}, version {@code v1alpha1}). */
final class LitmusKinds {
    static final String GROUP = "litmuschaos.io";
    static final String VERSION = "v1alpha1";
    static final ResourceDefinitionContext ENGINE = context("ChaosEngine", "chaosengines");
    static final ResourceDefinitionContext EXPERIMENT = context("ChaosExperiment", "chaosexperiments");
    static final ResourceDefinitionContext RESULT = context("ChaosResult", "chaosresults");

    private LitmusKinds() {}

    private static ResourceDefinitionContext context(String kind, String plural) {
        return new ResourceDefinitionContext.Builder()
                .withGroup(GROUP)
                .withVersion(VERSION)
                .withKind(kind)
                .withPlural(plural)
                .withNamespaced(true)
                .build();
    }

    static String crd(ResourceDefinitionContext c) {
        return c.getPlural() + "." + GROUP;
    }
}
