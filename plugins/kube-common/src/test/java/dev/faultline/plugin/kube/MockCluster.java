package dev.faultline.plugin.kube;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * fabric8's Kubernetes mock server in CRUD mode on 127.0.0.1, made strict: custom resources are
 * checked against the upstream CRD schemas (see {@link CrdSchemas}). Tests seed it with
 * namespaces, pods and CRDs, and get a kubeconfig file pointing at it.
 */
public final class MockCluster implements AutoCloseable {
    public static final String TOKEN = "test-token";
    public static final String EXPIRED_TOKEN = SchemaCheckingDispatcher.EXPIRED_TOKEN;
    /** The mock server logs every request through java.util.logging; kept quiet (a strong reference keeps the level). */
    private static final java.util.logging.Logger MOCK_LOG = quiet("io.fabric8.mockwebserver");

    private final KubernetesMockServer server;
    private final SchemaCheckingDispatcher dispatcher;
    private final KubernetesClient admin;
    private final CrdSchemas schemas;

    public MockCluster(CrdSchemas schemas) {
        this.schemas = schemas;
        this.dispatcher = new SchemaCheckingDispatcher(schemas);
        this.server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
        try {
            server.init(InetAddress.getByName("127.0.0.1"), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        this.admin = server.createClient();
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger l = java.util.logging.Logger.getLogger(name);
        l.setLevel(java.util.logging.Level.WARNING);
        return l;
    }

    /** A client with full rights, for seeding and for looking at the cluster from outside the backend. */
    public KubernetesClient admin() {
        return admin;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getPort();
    }

    /** Every custom resource checked against its CRD schema ({@code plural/name}). */
    public List<String> checked() {
        return dispatcher.checked();
    }

    /** Custom resources the schema refused, with the reasons. */
    public List<String> rejected() {
        return dispatcher.rejected();
    }

    public int deleteRequests() {
        return dispatcher.deletes.get();
    }

    /** Registers every CRD of the schemas with the server (as if the fault tool were installed). */
    public MockCluster installCrds() {
        for (JsonNode crd : schemas.crds().values()) {
            installCrd(crd);
        }
        return this;
    }

    /** Registers the CRDs whose plural is one of {@code plurals}. */
    public MockCluster installCrds(String... plurals) {
        List<String> wanted = List.of(plurals);
        schemas.crds().values().stream()
                .filter(c -> wanted.contains(c.at("/spec/names/plural").asString()))
                .forEach(this::installCrd);
        return this;
    }

    private void installCrd(JsonNode crd) {
        JsonNode copy = crd.deepCopy();
        copy.at("/spec/versions").forEach(v -> ((tools.jackson.databind.node.ObjectNode) v).remove("schema"));
        // the schema is checked by the dispatcher, not by the mock
        CustomResourceDefinition d = Serialization.unmarshal(copy.toString(), CustomResourceDefinition.class);
        admin.apiextensions().v1().customResourceDefinitions().resource(d).create();
        server.expectCustomResource(new CustomResourceDefinitionContext.Builder()
                .withGroup(d.getSpec().getGroup())
                .withVersion(d.getSpec().getVersions().get(0).getName())
                .withKind(d.getSpec().getNames().getKind())
                .withPlural(d.getSpec().getNames().getPlural())
                .withScope(d.getSpec().getScope())
                .withStatusSubresource(false)
                .build());
    }

    public MockCluster namespace(String name) {
        admin.namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .endMetadata()
                        .build())
                .create();
        return this;
    }

    public MockCluster pods(String namespace, Map<String, String> labels, String... names) {
        for (String n : names) {
            admin.pods()
                    .inNamespace(namespace)
                    .resource(new PodBuilder()
                            .withNewMetadata()
                            .withName(n)
                            .withNamespace(namespace)
                            .withLabels(labels)
                            .endMetadata()
                            .withNewSpec()
                            .addNewContainer()
                            .withName("app")
                            .withImage("example/app:1")
                            .endContainer()
                            .endSpec()
                            .build())
                    .create();
        }
        return this;
    }

    public MockCluster serviceAccount(String namespace, String name) {
        admin.serviceAccounts()
                .inNamespace(namespace)
                .resource(new ServiceAccountBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .withNamespace(namespace)
                        .endMetadata()
                        .build())
                .create();
        return this;
    }

    /** A kubeconfig file with context {@code context} pointing here, authenticating with {@code token}. */
    public Path kubeconfig(Path dir, String context, String token) throws IOException {
        return writeKubeconfig(dir, context, url(), token);
    }

    /** A kubeconfig with one context for any server URL (e.g. one that never answers). */
    public static Path writeKubeconfig(Path dir, String context, String url, String token) throws IOException {
        Path f = dir.resolve("kubeconfig-" + context);
        Files.writeString(f, """
                apiVersion: v1
                kind: Config
                current-context: %1$s
                clusters:
                - name: %1$s
                  cluster:
                    server: %2$s
                contexts:
                - name: %1$s
                  context:
                    cluster: %1$s
                    user: %1$s
                users:
                - name: %1$s
                  user:
                    token: %3$s
                """.formatted(context, url, token));
        return f;
    }

    @Override
    public void close() {
        admin.close();
        server.destroy();
    }
}
