package dev.faultline.plugin.toxiproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.engine.model.Fault;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.ProxyFault;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.spi.BackendException;
import dev.faultline.engine.spi.BackendSettings;
import dev.faultline.engine.spi.FaultBackendContract;
import dev.faultline.engine.spi.FaultBackendProvider;
import dev.faultline.engine.spi.FaultHandle;
import dev.faultline.engine.spi.FaultRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The backend against a local HTTP server answering exactly as the Toxiproxy API documents, status
 * codes and error bodies included. The effect of a fault is the toxic (or the disabled proxy) on the server.
 */
class ToxiproxyStubIT extends FaultBackendContract {
    private ToxiproxyStub stub;

    @BeforeEach
    void start() throws Exception {
        stub = new ToxiproxyStub();
        stub.addProxy("redis");
        stub.addProxy("payments");
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Override
    protected BackendSettings settings() {
        return new BackendSettings("toxiproxy", Params.of("url", stub.url(), "timeout", "1s"));
    }

    @Override
    protected FaultBackendProvider provider() {
        return new ToxiproxyBackendProvider();
    }

    @Override
    protected boolean resetRemovesTheFault() {
        return true;
    }

    @Override
    protected FaultRequest request() {
        return request(new ProxyFault.Latency(Duration.ofMillis(300), Duration.ofMillis(50)), 1.0);
    }

    private static FaultRequest request(Fault f, double share) {
        return FaultRequest.atShare(
                "run-7",
                "slow redis",
                f,
                new Target("proxy", Params.of("name", "redis")),
                share,
                Duration.ofSeconds(30));
    }

    @Override
    protected boolean effectPresent(FaultHandle handle) {
        return stub.toxicNames("redis").contains(handle.data().require("toxic"));
    }

    private ToxiproxyBackend backend(String... extra) throws BackendException {
        Params p = settings().values();
        for (int i = 0; i < extra.length; i += 2) {
            p = p.with(extra[i], extra[i + 1]);
        }
        return new ToxiproxyBackendProvider().create(new BackendSettings("toxiproxy", p));
    }

    @Test
    void everyFaultBecomesItsToxicWithTheShareAsToxicityOnTheEnvironmentsStream() throws Exception {
        List<Fault> faults = List.of(
                new ProxyFault.Latency(Duration.ofMillis(300), Duration.ofMillis(50)),
                new ProxyFault.Bandwidth(64),
                new ProxyFault.SlowClose(Duration.ofMillis(700)),
                new ProxyFault.ConnectionTimeout(Duration.ofSeconds(2)),
                new ProxyFault.ResetPeer(Duration.ofMillis(10)),
                new ProxyFault.Slicer(100, 20, Duration.ofMillis(3)),
                new ProxyFault.LimitData(1024));
        List<String> expected = List.of(
                "{\"latency\":300,\"jitter\":50}",
                "{\"rate\":64}",
                "{\"delay\":700}",
                "{\"timeout\":2000}",
                "{\"timeout\":10}",
                "{\"average_size\":100,\"size_variation\":20,\"delay\":3000}",
                "{\"bytes\":1024}");
        try (ToxiproxyBackend b = backend("stream", "upstream")) {
            for (int i = 0; i < faults.size(); i++) {
                FaultRequest r = FaultRequest.atShare(
                        "run-7",
                        "step " + i,
                        faults.get(i),
                        new Target("proxy", Params.of("name", "redis")),
                        0.25,
                        Duration.ofSeconds(30));
                FaultHandle h = b.prepare(r);
                b.inject(r, h);
                var stored = stub.toxic("redis", h.data().require("toxic"));
                assertThat(stored.path("name").asString()).isEqualTo("faultline-run-7-step_" + i);
                assertThat(stored.path("type").asString())
                        .isEqualTo(Toxics.type(faults.get(i)).orElseThrow());
                assertThat(stored.path("stream").asString()).isEqualTo("upstream");
                assertThat(stored.path("toxicity").asDouble()).isEqualTo(0.25);
                assertThat(stored.path("attributes").toString()).isEqualTo(expected.get(i));
            }
        }
    }

    @Test
    void downDisablesTheProxyAndRevertEnablesIt() throws Exception {
        FaultRequest down = request(new ProxyFault.Down(), 1.0);
        try (ToxiproxyBackend b = backend()) {
            FaultHandle h = b.prepare(down);
            b.inject(down, h);
            assertThat(stub.enabled("redis")).isFalse();
            assertThat(b.verifyGone(h).gone()).isFalse();
            b.revert(h);
            b.revert(h);
            assertThat(stub.enabled("redis")).isTrue();
            assertThat(b.verifyGone(h).gone()).isTrue();
            assertThatThrownBy(() -> b.prepare(request(new ProxyFault.Down(), 0.5)))
                    .hasMessageContaining("down takes a whole proxy");
        }
    }

    @Test
    void aResetRemovesOnlyFaultlinesToxicsAndTheProxiesItDisabled() throws Exception {
        stub.addToxic("redis", "users-own-latency", "latency");
        stub.addToxic("payments", "faultline-crashed-run-step", "latency");
        try (ToxiproxyBackend b = backend()) {
            FaultHandle slow = b.prepare(request());
            b.inject(request(), slow);
            FaultRequest down = FaultRequest.atShare(
                    "run-7",
                    "down",
                    new ProxyFault.Down(),
                    new Target("proxy", Params.of("name", "payments")),
                    1.0,
                    Duration.ofSeconds(30));
            b.inject(down, b.prepare(down));
            assertThat(b.resetAll()).startsWith("2 Faultline toxic(s) removed and 1 proxy(ies) enabled");
        }
        assertThat(stub.toxicNames("redis")).containsExactly("users-own-latency");
        assertThat(stub.toxicNames("payments")).isEmpty();
        assertThat(stub.enabled("payments")).isTrue();
    }

    @Test
    void anInjectionRetriedAfterItLandedIsAcceptedButAForeignToxicOfTheSameNameIsNot() throws Exception {
        try (ToxiproxyBackend b = backend()) {
            FaultHandle h = b.prepare(request());
            b.inject(request(), h);
            b.inject(request(), h); // 409 toxic already exists: read back, same toxic
            assertThat(stub.toxicNames("redis")).containsExactly(h.data().require("toxic"));
            FaultRequest other = request(new ProxyFault.LimitData(10), 1.0);
            assertThatThrownBy(() -> b.inject(other, b.prepare(other)))
                    .hasMessageContaining(
                            "already has a toxic named faultline-run-7-slow_redis that is not this limit_data toxic");
        }
    }

    @Test
    void targetsAreFoundOrNamedWithWhatTheServerHas() throws Exception {
        try (ToxiproxyBackend b = backend()) {
            assertThat(b.findTarget(new Target("proxy", Params.of("name", "redis"))))
                    .isEqualTo("proxy redis (127.0.0.1:26379 -> 127.0.0.1:6379)");
            assertThatThrownBy(() -> b.findTarget(new Target("proxy", Params.of("name", "mysql"))))
                    .hasMessage("backend 'toxiproxy': the Toxiproxy server at " + stub.url()
                            + " has no proxy 'mysql' (it has: redis, payments); create it there, or declare it in the"
                            + " environment (toxiproxy proxies: mysql, proxies.mysql.upstream: HOST:PORT)");
            assertThatThrownBy(() -> b.prepare(FaultRequest.atShare(
                            "r",
                            "s",
                            new ProxyFault.Down(),
                            new Target("process", Params.of("name", "x")),
                            1.0,
                            Duration.ofSeconds(1))))
                    .hasMessageContaining("Toxiproxy targets are proxies: target: {proxy: NAME}, not process/x");
            FaultRequest missing = FaultRequest.atShare(
                    "r",
                    "s",
                    new ProxyFault.LimitData(5),
                    new Target("proxy", Params.of("name", "mysql")),
                    1.0,
                    Duration.ofSeconds(1));
            assertThatThrownBy(() -> b.inject(missing, b.prepare(missing)))
                    .hasMessageContaining("failed: 404 proxy not found");
        }
    }

    @Test
    void aServerThatTimesOutOrAnswersTooSlowlyOrNotAtAllIsNamed() throws Exception {
        assertThat(new ToxiproxyBackendProvider().check(settings()).detail())
                .isEqualTo("Toxiproxy 2.12.0 at " + stub.url());
        try (ToxiproxyBackend b = backend()) {
            stub.timeOut(true);
            assertThatThrownBy(() -> b.inject(request(), b.prepare(request())))
                    .hasMessageContaining("failed: 503 (the server timed out)");
            stub.timeOut(false);
            stub.delay(3_000);
            assertThatThrownBy(() -> b.revert(b.prepare(request())))
                    .hasMessageContaining(
                            "did not answer DELETE /proxies/redis/toxics/faultline-run-7-slow_redis in time");
        } finally {
            stub.delay(0);
        }
        int free;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            free = s.getLocalPort();
        }
        var down = new ToxiproxyBackendProvider()
                .check(new BackendSettings("toxiproxy", Params.of("url", "http://127.0.0.1:" + free)));
        assertThat(down.isAvailable()).isFalse();
        assertThat(down.detail()).contains("no Toxiproxy server answers at http://127.0.0.1:" + free);
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> backend("stream", "sideways"))
                .hasMessageContaining("stream is upstream or downstream");
        assertThatThrownBy(() -> backend("token", "env:FAULTLINE_TEST_UNSET_TOKEN"))
                .hasMessageContaining("FAULTLINE_TEST_UNSET_TOKEN");
    }
}
