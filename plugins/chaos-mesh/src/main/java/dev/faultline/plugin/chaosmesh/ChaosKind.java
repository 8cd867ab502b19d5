package dev.faultline.plugin.chaosmesh;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/** The Chaos Mesh kinds Faultline creates (group {@code chaos-mesh.org}, version {@code v1alpha1}). */
enum ChaosKind {
    NETWORK("NetworkChaos", "networkchaos", "networkChaos"),
    STRESS("StressChaos", "stresschaos", "stressChaos"),
    POD("PodChaos", "podchaos", "podChaos"),
    HTTP("HTTPChaos", "httpchaos", "httpChaos"),
    IO("IOChaos", "iochaos", "ioChaos"),
    TIME("TimeChaos", "timechaos", "timeChaos"),
    DNS("DNSChaos", "dnschaos", "dnsChaos"),
    JVM("JVMChaos", "jvmchaos", "jvmChaos");

    static final String GROUP = "chaos-mesh.org";
    static final String VERSION = "v1alpha1";

    final String kind;
    final String plural;
    /**
     * The field that holds this kind's spec where another resource embeds it: a Workflow's template,
     * a Schedule ({@code networkChaos}, {@code ioChaos}, ...).
     */
    final String field;

    ChaosKind(String kind, String plural, String field) {
        this.kind = kind;
        this.plural = plural;
        this.field = field;
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
