package dev.faultline.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.engine.model.JvmFault;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.spi.FaultHandle;
import dev.faultline.engine.spi.FaultRequest;
import dev.faultline.plugin.local.LocalBackend;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
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
        String body = http.send(
                        HttpRequest.newBuilder(URI.create(s.orderUrl() + "/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        return body.lines()
                .filter(l -> l.startsWith("sandbox_orders_total{outcome=\"" + outcome + "\"}"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
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
            assertThat(services)
                    .extracting(SandboxState.Service::name)
                    .containsExactly(
                            "sandbox-payment",
                            "sandbox-db",
                            "sandbox-cache",
                            "sandbox-proxy",
                            "sandbox-inventory",
                            "sandbox-order",
                            "sandbox-loadgen");
            // from the moment the start returns: the warm-up before it (JIT, pools) may lose a few
            // orders on a loaded machine, which is what the start's wait for the order flow is for
            double okAtStart = orders(s, "ok");
            double failedAtStart = orders(s, "failed");
            assertThat(await(() -> orders(s, "ok") >= okAtStart + 20, 10_000)).isTrue();
            assertThat(orders(s, "failed") - failedAtStart)
                    .as("orders failed after the start (%s failed during the warm-up)", failedAtStart)
                    .isZero();
            assertThat(SandboxState.read(home)).isPresent();
        }
        for (SandboxState.Service svc : services) {
            assertThat(ProcessHandle.of(svc.pid()).map(ProcessHandle::isAlive).orElse(false))
                    .as(svc.name())
                    .isFalse();
        }
        assertThat(SandboxState.read(home)).isEmpty();
    }

    private double metric(String url, String line) throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        return body.lines()
                .filter(l -> l.startsWith(line + " ") || l.startsWith(line + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void poolFaultsInTheDatabaseProcessAreRetriedAndTheLoadRateCanChange() throws Exception {
        try (RunningSandbox s = Sandbox.start(options());
                LocalBackend backend = new LocalBackend(s.proxyApiUrl())) {
            String db = "http://127.0.0.1:" + (BASE + 8) + "/metrics";
            assertThat(await(() -> orders(s, "ok") >= 20, 10_000)).isTrue();
            FaultRequest pool = FaultRequest.atShare(
                    "it",
                    "pool",
                    new JvmFault.JvmException(
                            new JvmFault.JvmMethod(ConnectionPool.class.getName(), "acquire"),
                            "java.sql.SQLTransientConnectionException",
                            "pool exhausted"),
                    new Target("jvm", Params.of("name", "sandbox-db")),
                    0.3,
                    Duration.ofSeconds(30));
            FaultHandle h = backend.prepare(pool);
            double okBefore = orders(s, "ok");
            double failedBefore = orders(s, "failed");
            backend.inject(pool, h);
            assertThat(await(
                            () -> metric(db, "sandbox_db_queries_total{kind=\"insert\",outcome=\"failed\"}") >= 20,
                            10_000))
                    .as("the pool fails calls")
                    .isTrue();
            assertThat(await(() -> orders(s, "ok") >= okBefore + 60, 10_000)).isTrue();
            backend.revert(h);
            assertThat(backend.verifyGone(h).gone()).isTrue();
            double ok = orders(s, "ok") - okBefore;
            double failed = orders(s, "failed") - failedBefore;
            assertThat(ok / (ok + failed)).as("retries carry orders through").isGreaterThanOrEqualTo(0.95);

            HttpResponse<String> set = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (BASE + 3) + "/rate"))
                            .POST(HttpRequest.BodyPublishers.ofString("5"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(set.body()).isEqualTo("{\"rate\":5}");
            assertThat(metric(s.loadgenMetricsUrl(), "sandbox_loadgen_rate")).isEqualTo(5);
            assertThat(http.send(
                                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (BASE + 3) + "/rate"))
                                            .POST(HttpRequest.BodyPublishers.ofString("fast"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .statusCode())
                    .isEqualTo(400);
        }
    }

    @Test
    void whenTheCacheIsDownInventoryFallsBackToTheDatabase() throws Exception {
        try (RunningSandbox s = Sandbox.start(options())) {
            String inventory = "http://127.0.0.1:" + (BASE + 5) + "/metrics";
            assertThat(await(() -> orders(s, "ok") >= 20, 10_000)).isTrue();
            http.send(
                    HttpRequest.newBuilder(URI.create(s.proxyApiUrl() + "/proxies/cache"))
                            .POST(HttpRequest.BodyPublishers.ofString("{\"enabled\":false}"))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            double fallbacks = metric(inventory, "sandbox_inventory_fallbacks_total");
            double failed = orders(s, "failed");
            assertThat(await(() -> metric(inventory, "sandbox_inventory_fallbacks_total") >= fallbacks + 40, 10_000))
                    .isTrue();
            assertThat(orders(s, "failed")).isEqualTo(failed);
        }
    }

    @Test
    void aKilledServiceIsRestartedByTheWatchdog() throws Exception {
        try (RunningSandbox s = Sandbox.start(options())) {
            long before = s.services().get(0).pid();
            ProcessHandle.of(before).orElseThrow().destroyForcibly();
            assertThat(await(
                            () -> s.services().get(0).pid() != before
                                    && ProcessHandle.of(s.services().get(0).pid())
                                            .map(ProcessHandle::isAlive)
                                            .orElse(false),
                            15_000))
                    .isTrue();
            double ok = orders(s, "ok");
            assertThat(await(() -> orders(s, "ok") > ok + 10, 10_000))
                    .as("orders succeed again")
                    .isTrue();
        }
    }

    @Test
    void aPortInUseIsNamedWithTheServiceAndAWayOut() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", BASE + 1));
            assertThatThrownBy(() -> Sandbox.start(options()))
                    .isInstanceOf(SandboxException.class)
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
        new SandboxState(
                        deadOwner.pid(),
                        Instant.EPOCH,
                        List.of(new SandboxState.Service("sandbox-payment", orphan.pid(), started, BASE + 1)))
                .write(home);

        List<String> stopped = Sandbox.stopOrphans(home);

        assertThat(stopped).singleElement().asString().contains("stopped sandbox-payment (pid " + orphan.pid() + ")");
        assertThat(orphan.isAlive()).isFalse();
        assertThat(Sandbox.stopOrphans(home)).isEmpty();
    }
}
