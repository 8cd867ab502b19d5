package dev.faultline.plugin.chaosmesh;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/** The Chaos Mesh kinds Faultline creates (group {@code chaos-mesh.org}, version {@code v1alpha1}). */
enum ChaosKind {
    NETWORK("NetworkChaos", "networkchaos"),
    STRESS("StressChaos", "stresschaos"),
    POD("PodChaos", "podchaos"),
    HTTP("HTTPChaos", "httpchaos"),
    IO("IOChaos", "iochaos"),
    TIME("TimeChaos", "timechaos"),
    DNS("DNSChaos", "dnschaos"),
    JVM("JVMChaos", "jvmchaos");

    static final String GROUP = "chaos-mesh.org";
    static final String VERSION = "v1alpha1";

    final String kind;
    final String plural;

    ChaosKind(String kind, String plural) {
        this.kind = kind;
        this.plural = plural;
    }

    ResourceDefinitionContext context() {
        return new ResourceDefinitionContext.Builder()
                .withGroup(GROUP)
                .withVersion(VERSION)
                .withKind(kind)
                .withPlural(plural)
                .withNamespaced(true)
                .build();
    }

    /** The CRD's name: {@code networkchaos.chaos-mesh.org}. */
    String crd() {
        return plural + "." + GROUP;
    }

    static ChaosKind ofKind(String kind) {
        for (ChaosKind k : values()) {
            if (k.kind.equals(kind)) {
                return k;
            }
        }
        throw new IllegalArgumentException("not a Chaos Mesh kind Faultline makes: " + kind);
    }
}
