package dev.faultline.plugin.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.spi.BackendException;
import dev.faultline.engine.spi.DiscoveredTarget;
import dev.faultline.plugin.local.proxy.ChaosProxyServer;
import dev.faultline.plugin.local.proxy.ProxyConfig;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The local backend's candidate targets: a real child process and real child JVMs by name, the chaos
 * proxy's proxies and HTTP proxies, the host.
 */
class LocalTargetListingIT {
    private final String marker = "faultline-listing-" + UUID.randomUUID();

    @Test
    void aChildProcessIsListedByTheWordThatFindsIt() throws Exception {
        Process child = new ProcessBuilder("sh", "-c", "sleep 120; true", marker).start();
        try {
            await("the child sh marked " + marker + " and its sleep")
                    .atMost(Duration.ofSeconds(2))
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> child.descendants().findAny().isPresent()
                            && Processes.matching(marker).size() == 1);
            LocalBackend backend = new LocalBackend("http://127.0.0.1:1");

            List<DiscoveredTarget> listed = backend.listTargets("process");

            Target expected = new Target("process", Params.of("name", marker));
            assertThat(listed)
                    .filteredOn(d -> d.target().equals(expected))
                    .singleElement()
                    .satisfies(d -> {
                        assertThat(d.description()).isEqualTo("pid " + child.pid() + " (sh)");
                        assertThat(d.matches()).isEmpty();
                    });
            assertThat(backend.findTarget(expected)).startsWith("pid " + child.pid());
            assertThat(listed)
                    .as("this JVM and its ancestors are never offered")
                    .noneMatch(d -> d.description()
                            .startsWith("pid " + ProcessHandle.current().pid() + " "));
            assertThat(listed).extracting(d -> d.target().kind()).containsOnly("process");
        } finally {
            child.descendants().forEach(ProcessHandle::destroyForcibly);
            child.destroyForcibly();
        }
    }

    @Test
    void everyListedProcessIsOneThatFindTargetResolves() throws Exception {
        // a machine (a CI container) may run nothing but this build: a child of our own makes the list non-empty
        Process child = new ProcessBuilder("sleep", "120." + Math.abs(marker.hashCode() % 1000)).start();
        try {
            await("the child sleep")
                    .atMost(Duration.ofSeconds(2))
                    .until(() -> child.info().command().isPresent());
            LocalBackend backend = new LocalBackend("http://127.0.0.1:1");

            List<DiscoveredTarget> listed = backend.listTargets("process");

            assertThat(listed).isNotEmpty().hasSizeLessThanOrEqualTo(200);
            for (DiscoveredTarget d : listed.subList(0, Math.min(20, listed.size()))) {
                String name = d.target().selector().require("name");
                assertThat(Processes.matching(name)).as(name).hasSizeLessThanOrEqualTo(1);
            }
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void theChaosProxysProxiesAreListedWithWhereTheyListen() throws Exception {
        int listen;
        try (ServerSocket free = new ServerSocket(0)) {
            listen = free.getLocalPort();
        }
        try (ChaosProxyServer proxy = ChaosProxyServer.start(
                "127.0.0.1", 0, List.of(new ProxyConfig("payments", "127.0.0.1:" + listen, "127.0.0.1:9", true)))) {
            LocalBackend backend = new LocalBackend(proxy.apiUrl());

            assertThat(backend.listTargets("proxy"))
                    .containsExactly(DiscoveredTarget.single(
                            new Target("proxy", Params.of("name", "payments")),
                            "127.0.0.1:" + listen + " -> 127.0.0.1:9"));
        }
    }

    @Test
    void anUnreachableChaosProxyIsSaidInOneLine() {
        LocalBackend backend = new LocalBackend("http://127.0.0.1:1");

        assertThatThrownBy(() -> backend.listTargets("proxy"))
                .isInstanceOf(BackendException.class)
                .hasMessageContaining("127.0.0.1:1")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aChildJvmIsListedByItsMainClassAndTheAgentsLookupFindsItByThatName() throws Exception {
        // two JVMs of the same main class: each is offered by the word of its own that finds it alone
        try (JvmChild one = new JvmChild(marker);
                JvmChild two = new JvmChild(marker + "-two")) {
            LocalBackend backend = new LocalBackend("http://127.0.0.1:1");

            List<DiscoveredTarget> listed = backend.listTargets("jvm");

            assertThat(listed).extracting(d -> d.target().kind()).containsOnly("jvm");
            assertThat(listed)
                    .filteredOn(d -> d.description().equals("JVM pid " + one.process.pid() + " (JvmTargetMain)"))
                    .singleElement()
                    .satisfies(d -> assertThat(d.target()).isEqualTo(new Target("jvm", Params.of("name", marker))));
            assertThat(listed)
                    .filteredOn(d -> d.description().startsWith("JVM pid " + two.process.pid() + " "))
                    .singleElement()
                    .satisfies(d ->
                            assertThat(d.target().selector().require("name")).isEqualTo(marker + "-two"));
            for (String name : new String[] {marker, marker + "-two"}) {
                assertThat(Processes.matchingJvm(name)).as(name).hasSize(1);
            }
            assertThat(backend.findTarget(new Target("jvm", Params.of("name", marker))))
                    .startsWith("JVM pid " + one.process.pid());
            assertThat(listed)
                    .as("this JVM and its ancestors are never offered")
                    .noneMatch(d -> d.description()
                            .startsWith("JVM pid " + ProcessHandle.current().pid() + " "));
        }
    }

    @Test
    void aLoneJvmIsListedByItsMainClass() throws Exception {
        try (JvmChild one = new JvmChild(marker)) {
            LocalBackend backend = new LocalBackend("http://127.0.0.1:1");

            // in a container running only this build (and its forked test JVMs), the child's main class is its own
            assertThat(backend.listTargets("jvm"))
                    .filteredOn(d -> d.description().startsWith("JVM pid " + one.process.pid() + " "))
                    .singleElement()
                    .satisfies(d ->
                            assertThat(d.target().selector().require("name")).isIn("JvmTargetMain", marker));
        }
    }

    @Test
    void theChaosProxysHttpProxiesAreListedWithWhereTheyListenAndForward() throws Exception {
        try (ChaosProxyServer proxy = ChaosProxyServer.start("127.0.0.1", 0, List.of())) {
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            String listen = "";
            for (String name : new String[] {"payments", "inventory"}) {
                java.net.http.HttpResponse<String> created = http.send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(proxy.apiUrl() + "/faultline/http"))
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                        "{\"name\":\"" + name + "\",\"upstream\":\"127.0.0.1:9\"}"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                if (name.equals("payments")) {
                    listen = created.body().replaceAll(".*\"listen\":\"([^\"]+)\".*", "$1");
                }
            }
            LocalBackend backend = new LocalBackend(proxy.apiUrl());

            List<DiscoveredTarget> listed = backend.listTargets("httpProxy");

            assertThat(listed)
                    .extracting(d -> d.target().selector().require("name"))
                    .containsExactly("inventory", "payments");
            assertThat(listed.get(1))
                    .isEqualTo(DiscoveredTarget.single(
                            new Target("httpProxy", Params.of("name", "payments")), listen + " -> 127.0.0.1:9"));
            assertThat(backend.findTarget(listed.get(1).target())).startsWith("HTTP proxy payments");
            assertThat(backend.listTargets("proxy"))
                    .as("HTTP proxies are not TCP proxies")
                    .isEmpty();
        }
    }

    @Test
    void anUnreachableChaosProxyIsSaidInOneLineForHttpProxiesToo() {
        LocalBackend backend = new LocalBackend("http://127.0.0.1:1");

        assertThatThrownBy(() -> backend.listTargets("httpProxy"))
                .isInstanceOf(BackendException.class)
                .hasMessageContaining("127.0.0.1:1")
                .hasMessageNotContaining("\n");
    }

    @Test
    void theHostIsThisMachine() throws Exception {
        assertThat(new LocalBackend("http://127.0.0.1:1").listTargets("host"))
                .singleElement()
                .satisfies(d -> assertThat(d.target()).isEqualTo(new Target("host", Params.of("name", "local"))));
    }
}
