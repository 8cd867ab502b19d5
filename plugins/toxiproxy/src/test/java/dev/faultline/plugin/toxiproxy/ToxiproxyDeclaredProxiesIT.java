package dev.faultline.plugin.toxiproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.ProxyFault;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.spi.Availability;
import dev.faultline.engine.spi.BackendException;
import dev.faultline.engine.spi.BackendSettings;
import dev.faultline.engine.spi.FaultHandle;
import dev.faultline.engine.spi.FaultRequest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The environment's declared proxies (as {@code faultline import} writes them from a Toxiproxy
 * configuration) against a local server answering as the Toxiproxy API documents: missing ones are
 * created in pre-flight with {@code POST /proxies}, existing ones are left alone, and only the ones
 * created are deleted, when the run closes the backend or by the recovery of a run that died.
 */
class ToxiproxyDeclaredProxiesIT {
    private ToxiproxyStub stub;

    @BeforeEach
    void start() throws Exception {
        stub = new ToxiproxyStub();
        stub.addProxy("redis"); // 127.0.0.1:26379 -> 127.0.0.1:6379, already on the server
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    /** The settings an imported {@code [redis, orders, payments]} configuration gives. */
    private BackendSettings declaring(String paymentsListen) {
        return new BackendSettings(
                "toxiproxy",
                Params.of(
                        "url", stub.url(),
                        "timeout", "1s",
                        "proxies", "redis,orders,payments",
                        "proxies.redis.listen", "127.0.0.1:36379",
                        "proxies.redis.upstream", "redis.internal:6379",
                        "proxies.redis.enabled", "true",
                        "proxies.payments.listen", paymentsListen,
                        "proxies.payments.upstream", "payments.internal:8080",
                        "proxies.payments.enabled", "true",
                        "proxies.orders.upstream", "orders.internal:8081",
                        "proxies.orders.enabled", "false"));
    }

    private static FaultRequest latencyOn(String proxy) {
        return FaultRequest.atShare(
                "run-9",
                "slow " + proxy,
                new ProxyFault.Latency(Duration.ofMillis(300), Duration.ZERO),
                new Target("proxy", Params.of("name", proxy)),
                1.0,
                Duration.ofSeconds(30));
    }

    @Test
    void preflightCreatesTheMissingProxiesLeavesTheOthersAloneAndTheEndOfTheRunDeletesOnlyThose() throws Exception {
        try (ToxiproxyBackend b = new ToxiproxyBackendProvider().create(declaring("127.0.0.1:28080"))) {
            assertThat(stub.proxyNames()).containsExactly("redis");

            String found = b.findTarget(latencyOn("payments").target());

            assertThat(found)
                    .isEqualTo("proxy payments (127.0.0.1:28080 -> payments.internal:8080), created for this run"
                            + " from the environment, listening on 127.0.0.1:28080");
            assertThat(stub.proxyNames()).containsExactlyInAnyOrder("redis", "payments", "orders");
            assertThat(stub.proxyJson("orders").path("enabled").asBoolean()).isFalse();
            assertThat(stub.proxyJson("orders").path("listen").asString()).startsWith("127.0.0.1:4");
            assertThat(stub.proxyJson("redis").path("listen").asString()).isEqualTo("127.0.0.1:26379");
            assertThat(b.findTarget(latencyOn("redis").target()))
                    .endsWith("the server's proxy listens on 127.0.0.1:26379 -> 127.0.0.1:6379, the environment"
                            + " declares 127.0.0.1:36379 -> redis.internal:6379: left as it is");
            assertThat(stub.calls())
                    .filteredOn(c -> !c.startsWith("GET"))
                    .containsExactly("POST /proxies", "POST /proxies");

            FaultRequest slow = latencyOn("payments");
            FaultHandle h = b.prepare(slow);
            assertThat(h.data().get("created")).hasValue("orders,payments");
            b.inject(slow, h);
            assertThat(stub.toxicNames("payments")).containsExactly("faultline-run-9-slow_payments");
            b.revert(h); // the end of the step: the run still needs its proxies
            assertThat(stub.toxicNames("payments")).isEmpty();
            assertThat(stub.proxyNames()).containsExactlyInAnyOrder("redis", "payments", "orders");
            assertThat(b.manualCleanup(h))
                    .endsWith("; curl -X DELETE " + stub.url() + "/proxies/orders; curl -X DELETE " + stub.url()
                            + "/proxies/payments");
        }
        assertThat(stub.proxyNames()).containsExactly("redis");
        assertThat(stub.calls())
                .filteredOn(c -> c.startsWith("DELETE /proxies/"))
                .hasSize(3);
        assertThat(stub.calls()).noneMatch(c -> c.startsWith("POST /populate") || c.startsWith("PATCH /proxies/redis"));
    }

    @Test
    void theRecoveryOfARunThatDiedWithAFaultOnDeletesTheProxiesItCreated() throws Exception {
        ToxiproxyBackend dead = new ToxiproxyBackendProvider().create(declaring("127.0.0.1:28080"));
        FaultRequest slow = latencyOn("payments");
        dead.findTarget(slow.target());
        FaultHandle h = dead.prepare(slow);
        dead.inject(slow, h);
        // The owner dies here: its backend is never closed. Recovery builds a backend from the journaled settings.
        try (ToxiproxyBackend recovery = new ToxiproxyBackendProvider().create(declaring("127.0.0.1:28080"))) {
            recovery.revert(h);
            assertThat(recovery.verifyGone(h).gone()).isTrue();
            assertThat(stub.proxyNames()).containsExactly("redis");
            recovery.revert(h); // twice is harmless
        }
        assertThat(stub.proxyNames()).containsExactly("redis");
    }

    @Test
    void aProxyThatCannotBeCreatedFailsPreflightSayingWhichAndWhatToChangeAndTheOthersAreStillRemoved()
            throws Exception {
        try (ToxiproxyBackend b = new ToxiproxyBackendProvider().create(declaring("127.0.0.1:26379"))) {
            assertThatThrownBy(() -> b.findTarget(latencyOn("orders").target()))
                    .isInstanceOf(BackendException.class)
                    .hasMessage("backend 'toxiproxy': creating proxy 'payments' (listen 127.0.0.1:26379, upstream"
                            + " payments.internal:8080) at " + stub.url() + " failed: 500 listen tcp 127.0.0.1:26379:"
                            + " bind: address already in use; change proxies.payments.listen or .upstream in the"
                            + " environment, or create the proxy on the server yourself");
        }
        assertThat(stub.proxyNames()).containsExactly("redis");
        assertThat(stub.calls()).contains("DELETE /proxies/orders");
    }

    @Test
    void aProxyNeitherOnTheServerNorDeclaredIsRefusedWithHowToDeclareIt() throws Exception {
        try (ToxiproxyBackend b = new ToxiproxyBackendProvider()
                .create(new BackendSettings("toxiproxy", Params.of("url", stub.url(), "timeout", "1s")))) {
            assertThatThrownBy(() -> b.findTarget(latencyOn("payments").target()))
                    .hasMessageEndingWith("has no proxy 'payments' (it has: redis); create it there, or declare it in"
                            + " the environment (toxiproxy proxies: payments, proxies.payments.upstream: HOST:PORT)");
        }
        assertThat(stub.calls()).noneMatch(c -> c.startsWith("POST") || c.startsWith("DELETE"));
    }

    @Test
    void checkingTheServerCreatesNothingAndADeclarationWithoutUpstreamIsRefused() {
        Availability a = new ToxiproxyBackendProvider().check(declaring("127.0.0.1:28080"));
        assertThat(a.isAvailable()).as(a.detail()).isTrue();
        assertThat(stub.proxyNames()).isEqualTo(Set.of("redis"));

        BackendSettings broken = new BackendSettings(
                "toxiproxy", Params.of("url", stub.url(), "proxies", "payments", "proxies.payments.listen", ":1"));
        assertThatThrownBy(() -> new ToxiproxyBackendProvider().create(broken))
                .hasMessage(
                        "backend 'toxiproxy': settings: proxies.payments.upstream is missing: the address proxy 'payments'"
                                + " forwards to (host:port)");
        assertThat(List.of(new ToxiproxyBackendProvider()
                        .check(new BackendSettings(
                                "toxiproxy",
                                Params.of(
                                        "url",
                                        stub.url(),
                                        "proxies",
                                        "a",
                                        "proxies.a.upstream",
                                        "x:1",
                                        "proxies.a.enabled",
                                        "yes")))
                        .detail()))
                .containsExactly("backend 'toxiproxy': settings: proxies.a.enabled is true or false, not 'yes'");
    }
}
