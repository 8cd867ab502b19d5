package dev.faultline.plugin.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.Probe;
import dev.faultline.engine.model.Tolerance;
import dev.faultline.engine.spi.BackendSettings;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How failures that a healthy Prometheus does not show on demand are met, against a local HTTP
 * server answering as the API documents: 503 before it is ready, its own query timeout, slow
 * answers, no server at all. Each is retried, then named; none counts as a passed sample.
 */
class PrometheusFailuresIT {
    private static final String VECTOR = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":"
            + "[{\"metric\":{},\"value\":[1700000000.5,\"0.25\"]}]}}";
    private MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private BackendSettings env() {
        return new BackendSettings("prometheus", Params.of("url", "http://127.0.0.1:" + server.getPort()));
    }

    private static Probe probe(String... params) {
        return new Probe("errors", "prometheus", Params.of(params), new Tolerance.Threshold(Tolerance.Op.LT, 1), true);
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .setHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    @Test
    void aServerNotReadyYetIsRetriedAndThenRead() throws Exception {
        server.enqueue(
                new MockResponse.Builder().code(503).body("Service Unavailable").build());
        server.enqueue(json(200, VECTOR)); // the check on open
        server.enqueue(json(503, "{\"status\":\"error\",\"errorType\":\"timeout\",\"error\":\"query timed out\"}"));
        server.enqueue(json(200, VECTOR));
        var source = new PrometheusProbeProvider().open(probe("query", "up", "retries", "1"), env());
        assertThat(source.read()).isEqualTo(0.25);
        assertThat(server.getRequestCount()).isEqualTo(4);
        var first = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(first.getUrl().encodedPath()).isEqualTo("/api/v1/query");
        assertThat(first.getBody().utf8()).startsWith("query=up&timeout=2000ms&time=");
        source.close();
    }

    @Test
    void aServerThatKeepsFailingIsNamedWithItsLastAnswerAndTheAttempts() throws Exception {
        server.enqueue(json(200, VECTOR));
        for (int i = 0; i < 3; i++) {
            server.enqueue(json(503, "{\"status\":\"error\",\"errorType\":\"timeout\",\"error\":\"query timed out\"}"));
        }
        try (var source = new PrometheusProbeProvider().open(probe("query", "up", "retries", "2"), env())) {
            assertThatThrownBy(source::read)
                    .hasMessage("probe 'errors': Prometheus at http://127.0.0.1:" + server.getPort()
                            + " answered HTTP 503 timeout: query timed out (3 attempts)");
        }
    }

    @Test
    void aSlowServerTimesOutAndARejectedQueryIsNotRetried() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .body(VECTOR)
                .headersDelay(2, TimeUnit.SECONDS)
                .build());
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .body(VECTOR)
                .headersDelay(2, TimeUnit.SECONDS)
                .build());
        assertThatThrownBy(() -> new PrometheusProbeProvider().open(probe("query", "up", "timeout", "300ms"), env()))
                .hasMessageContaining("did not answer in time (2 attempts)");
        server.enqueue(json(
                422,
                "{\"status\":\"error\",\"errorType\":\"execution\",\"error\":\"many-to-many matching not allowed\"}"));
        int before = server.getRequestCount();
        assertThatThrownBy(() -> new PrometheusProbeProvider().open(probe("query", "a / b", "retries", "3"), env()))
                .hasMessageContaining(
                        "rejects the query `a / b`: HTTP 422 execution: many-to-many matching not allowed");
        assertThat(server.getRequestCount() - before).isEqualTo(1);
    }

    @Test
    void noServerAtAllFailsTheOpen() throws Exception {
        int free = PrometheusServer.freePort();
        assertThatThrownBy(() -> new PrometheusProbeProvider()
                        .open(
                                probe("query", "up", "retries", "0"),
                                new BackendSettings("prometheus", Params.of("url", "http://127.0.0.1:" + free))))
                .hasMessageContaining("no Prometheus answers at http://127.0.0.1:" + free);
        assertThat(new PrometheusProbeProvider()
                        .check(new BackendSettings("prometheus", Params.of("url", "http://127.0.0.1:" + free)))
                        .isAvailable())
                .isFalse();
    }

    @Test
    void aTokenReferenceIsResolvedAndSentButAnUnsetOneIsNamed() throws Exception {
        assertThatThrownBy(() -> new PrometheusProbeProvider()
                        .open(
                                probe("query", "up"),
                                new BackendSettings(
                                        "prometheus",
                                        Params.of(
                                                "url",
                                                "http://127.0.0.1:" + server.getPort(),
                                                "token",
                                                "env:FAULTLINE_TEST_UNSET_TOKEN"))))
                .hasMessageContaining("the environment variable FAULTLINE_TEST_UNSET_TOKEN");
        java.nio.file.Path f = java.nio.file.Files.createTempFile("prom-token", "");
        try {
            java.nio.file.Files.writeString(f, "t0ken\n");
            server.enqueue(json(200, VECTOR));
            new PrometheusProbeProvider()
                    .open(
                            probe("query", "up"),
                            new BackendSettings(
                                    "prometheus",
                                    Params.of("url", "http://127.0.0.1:" + server.getPort(), "token", "file:" + f)))
                    .close();
            assertThat(server.takeRequest(1, TimeUnit.SECONDS).getHeaders().get("Authorization"))
                    .isEqualTo("Bearer t0ken");
        } finally {
            java.nio.file.Files.delete(f);
        }
    }
}
