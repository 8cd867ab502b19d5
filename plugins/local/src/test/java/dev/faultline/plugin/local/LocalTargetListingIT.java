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

/** The local backend's candidate targets: a real child process by name, the chaos proxy's proxies, the host. */
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
    void theHostIsThisMachine() throws Exception {
        assertThat(new LocalBackend("http://127.0.0.1:1").listTargets("host"))
                .singleElement()
                .satisfies(d -> assertThat(d.target()).isEqualTo(new Target("host", Params.of("name", "local"))));
    }
}
