package dev.faultline.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandbox's real processes on 127.0.0.1, on a port base of its own (28080). */
class SandboxIT {
    private static final int BASE = 28080;

    @TempDir
    Path home;

    private final HttpClient http = HttpClient.newHttpClient();

    private SandboxOptions options() {
        return SandboxOptions.defaults(home).withPortBase(BASE).withRate(50);
    }

    private double orders(RunningSandbox s, String outcome) throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create(s.orderUrl() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return body.lines().filter(l -> l.startsWith("sandbox_orders_total{outcome=\"" + outcome + "\"}"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static boolean await(java.util.concurrent.Callable<Boolean> condition, long millis) throws Exception {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            if (condition.call()) {
                return true;
            }
            Thread.sleep(100);
        }
        return condition.call();
    }

    @Test
    void theShopTakesOrdersThroughTheProxyAndCloseLeavesNoProcess() throws Exception {
        List<SandboxState.Service> services;
        try (RunningSandbox s = Sandbox.start(options())) {
            services = s.services();
            assertThat(services).extracting(SandboxState.Service::name)
                    .containsExactly("sandbox-payment", "sandbox-proxy", "sandbox-order", "sandbox-loadgen");
            assertThat(await(() -> orders(s, "ok") >= 20, 10_000)).isTrue();
            assertThat(orders(s, "failed")).isZero();
            assertThat(SandboxState.read(home)).isPresent();
        }
        for (SandboxState.Service svc : services) {
            assertThat(ProcessHandle.of(svc.pid()).map(ProcessHandle::isAlive).orElse(false)).as(svc.name()).isFalse();
        }
        assertThat(SandboxState.read(home)).isEmpty();
    }

    @Test
    void aKilledServiceIsRestartedByTheWatchdog() throws Exception {
        try (RunningSandbox s = Sandbox.start(options())) {
            long before = s.services().get(0).pid();
            ProcessHandle.of(before).orElseThrow().destroyForcibly();
            assertThat(await(() -> s.services().get(0).pid() != before
                    && ProcessHandle.of(s.services().get(0).pid()).map(ProcessHandle::isAlive).orElse(false), 15_000)).isTrue();
            double ok = orders(s, "ok");
            assertThat(await(() -> orders(s, "ok") > ok + 10, 10_000)).as("orders succeed again").isTrue();
        }
    }

    @Test
    void aPortInUseIsNamedWithTheServiceAndAWayOut() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", BASE + 1));
            assertThatThrownBy(() -> Sandbox.start(options())).isInstanceOf(SandboxException.class)
                    .hasMessageContaining("port " + (BASE + 1) + " (sandbox-payment) is already in use")
                    .hasMessageContaining("--port-base");
        }
    }

    @Test
    void aSandboxLeftByADeadOwnerIsStopped() throws Exception {
        Process orphan = new ProcessBuilder("sleep", "60").start();
        Process deadOwner = new ProcessBuilder("true").start();
        deadOwner.waitFor();
        Instant started = orphan.info().startInstant().orElseThrow();
        new SandboxState(deadOwner.pid(), Instant.EPOCH, List.of(new SandboxState.Service("sandbox-payment",
                orphan.pid(), started, BASE + 1))).write(home);

        List<String> stopped = Sandbox.stopOrphans(home);

        assertThat(stopped).singleElement().asString().contains("stopped sandbox-payment (pid " + orphan.pid() + ")");
        assertThat(orphan.isAlive()).isFalse();
        assertThat(Sandbox.stopOrphans(home)).isEmpty();
    }
}
