package dev.faultline.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The readiness wait on a real HTTP server on 127.0.0.1 whose order counters follow a script, one
 * page per read: first failing orders (a cold shop on a busy machine), then confirmed ones.
 */
class OrderFlowTest {
    private HttpServer server;
    private final AtomicInteger reads = new AtomicInteger();

    private URI serve(List<double[]> pages) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/metrics", x -> {
            double[] p = pages.get(Math.min(reads.getAndIncrement(), pages.size() - 1));
            byte[] body = ("# TYPE sandbox_orders counter\n"
                            + "sandbox_orders_total{outcome=\"failed\"} " + p[1] + "\n"
                            + "sandbox_orders_total{outcome=\"ok\"} " + p[0] + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, body.length);
            try (OutputStream o = x.getResponseBody()) {
                o.write(body);
            }
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/metrics");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void waitsPastFailingOrdersUntilTwoWindowsInARowAreSteady() throws Exception {
        URI m = serve(List.of(
                new double[] {120, 0}, // the warm-up's orders: counted before the first window
                new double[] {120, 20}, // all failed
                new double[] {130, 30}, // half failed
                new double[] {150, 30}, // steady
                new double[] {151, 31}, // too few and one failed: starts again
                new double[] {171, 31},
                new double[] {191, 31}));
        new OrderFlow(m, Duration.ofMillis(20), 2, 10).awaitSteady(Instant.now().plusSeconds(10));
        assertThat(reads.get())
                .as("pages read: the first, then one a window up to the second steady one")
                .isEqualTo(7);
    }

    @Test
    void aShopThatNeverSettlesFailsTheStartSayingWhatItSaw() throws Exception {
        URI m = serve(List.of(new double[] {0, 0}, new double[] {0, 20}, new double[] {0, 40}));
        assertThatThrownBy(() -> new OrderFlow(m, Duration.ofMillis(20), 2, 10)
                        .awaitSteady(Instant.now().plusMillis(300)))
                .isInstanceOf(SandboxException.class)
                // the last window read: how many fit in 300 ms depends on the machine's load, so it
                // saw the third page again (0 failed) or one of the steps of 20 failed orders
                .hasMessageMatching("(?s).*\\(0 confirmed and (0|20) failed in the last 20 ms\\).*")
                .hasMessageContaining("try again");
    }

    @Test
    void countsAreReadFromThePrometheusPage() {
        assertThat(OrderFlow.Counts.parse("sandbox_orders_total{outcome=\"ok\"} 42.0\n"
                        + "sandbox_orders_created{outcome=\"ok\"} 1.7e9\n"
                        + "sandbox_orders_total{outcome=\"failed\"} 3.0\n"))
                .isEqualTo(new OrderFlow.Counts(42, 3));
    }
}
