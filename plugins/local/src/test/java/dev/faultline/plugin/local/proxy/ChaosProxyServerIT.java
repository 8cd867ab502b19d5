package dev.faultline.plugin.local.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The chaos proxy with real TCP traffic on 127.0.0.1, driven through its Toxiproxy-style API. Streams
 * no toxic touches are spliced in the kernel; a toxic arriving on an open connection acts on its very
 * next bytes, and not a byte is lost or reordered while the proxy switches between the two.
 */
class ChaosProxyServerIT {
    private EchoBehindProxy proxy;
    private int proxyPort;

    @BeforeEach
    void start() throws Exception {
        proxy = new EchoBehindProxy();
        proxyPort = proxy.port;
    }

    @AfterEach
    void stop() throws Exception {
        proxy.close();
    }

    private HttpResponse<String> call(String method, String path, String body) throws Exception {
        return proxy.call(method, path, body);
    }

    private long median(int n) throws IOException {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            times.add(EchoServer.roundTripMillis(proxyPort));
        }
        times.sort(Long::compare);
        return times.get(n / 2);
    }

    @Test
    void bytesPassUnchangedAndALatencyToxicDelaysThem() throws Exception {
        assertThat(median(5)).isLessThan(100);
        HttpResponse<String> r = call(
                "POST",
                "/proxies/echo/toxics",
                "{\"type\":\"latency\",\"attributes\":{\"latency\":200,\"jitter\":20}}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"name\":\"latency_downstream\"").contains("\"latency\":200");
        long delayed = median(5);
        assertThat(delayed).isBetween(175L, 600L);
        assertThat(call("DELETE", "/proxies/echo/toxics/latency_downstream", null)
                        .statusCode())
                .isEqualTo(204);
        assertThat(median(5)).isLessThan(100);
    }

    @Test
    void aToxicWithToxicityZeroTouchesNoConnection() throws Exception {
        call("POST", "/proxies/echo/toxics", "{\"type\":\"latency\",\"toxicity\":0,\"attributes\":{\"latency\":500}}");
        assertThat(median(5)).isLessThan(100);
    }

    @Test
    void aDisabledProxyRefusesConnectionsAndComesBackWhenEnabled() throws Exception {
        assertThat(call("POST", "/proxies/echo", "{\"enabled\":false}").body()).contains("\"enabled\":false");
        assertThatThrownBy(() -> EchoServer.roundTripMillis(proxyPort)).isInstanceOf(IOException.class);
        assertThat(call("POST", "/proxies/echo", "{\"enabled\":true}").statusCode())
                .isEqualTo(200);
        assertThat(EchoServer.roundTripMillis(proxyPort)).isLessThan(1000);
    }

    @Test
    void theApiAnswersWithToxiproxysCodesAndBadInputLeavesProxiesRunning() throws Exception {
        call("POST", "/proxies/echo/toxics", "{\"name\":\"slow\",\"type\":\"latency\",\"attributes\":{\"latency\":1}}");
        assertThat(call("POST", "/proxies/echo/toxics", "{\"name\":\"slow\",\"type\":\"latency\"}")
                        .statusCode())
                .isEqualTo(409);
        assertThat(call("POST", "/proxies", "{\"name\":\"echo\",\"upstream\":\"127.0.0.1:1\"}")
                        .body())
                .contains("proxy already exists");
        assertThat(call("GET", "/proxies/nope", null).body())
                .isEqualTo("{\"error\":\"proxy not found\",\"status\":404}\n");
        assertThat(call("DELETE", "/proxies/echo/toxics/nope", null).statusCode())
                .isEqualTo(404);
        assertThat(call("POST", "/proxies/echo/toxics", "{\"type\":\"teleport\"}")
                        .body())
                .contains("invalid toxic type");
        assertThat(call("POST", "/proxies/echo/toxics", "{\"type\":\"latency\",\"attributes\":{\"latency\":-5}}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(call("POST", "/proxies/echo/toxics", "not json").statusCode())
                .isEqualTo(400);
        assertThat(call(
                                "POST",
                                "/proxies",
                                "{\"name\":\"other\",\"listen\":\"127.0.0.1:" + proxyPort
                                        + "\",\"upstream\":\"127.0.0.1:1\"}")
                        .body())
                .contains("address already in use");
        assertThat(call("GET", "/version", null).statusCode()).isEqualTo(200);
        assertThat(EchoServer.roundTripMillis(proxyPort)).isLessThan(1000);
    }

    @Test
    void resetEnablesEveryProxyAndRemovesEveryToxic() throws Exception {
        call("POST", "/proxies/echo/toxics", "{\"type\":\"latency\",\"attributes\":{\"latency\":500}}");
        call("POST", "/proxies/echo", "{\"enabled\":false}");
        assertThat(call("POST", "/reset", null).statusCode()).isEqualTo(204);
        assertThat(call("GET", "/proxies/echo", null).body())
                .contains("\"enabled\":true")
                .contains("\"toxics\":[]");
        assertThat(median(3)).isLessThan(100);
    }

    /** A round trip on an open connection, so the same connection is measured before and after a toxic. */
    private static long roundTripMillis(Socket s) throws Exception {
        long start = System.nanoTime();
        s.getOutputStream().write("ping\n".getBytes());
        byte[] back = s.getInputStream().readNBytes(5);
        assertThat(new String(back)).isEqualTo("ping\n");
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    @Test
    void aToxicAddedToAnOpenSplicedConnectionDelaysItsNextBytesAndItsRemovalSplicesAgain() throws Exception {
        assumeTrue(Splice.available(), "splicing needs native epoll");
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", proxyPort), 2_000);
            s.setSoTimeout(5_000);
            assertThat(roundTripMillis(s)).isLessThan(1_000);
            assertThat(proxy.server.splicedStreams("echo"))
                    .as("both streams spliced")
                    .isEqualTo(2);

            call(
                    "POST",
                    "/proxies/echo/toxics",
                    "{\"name\":\"slow\",\"type\":\"latency\",\"stream\":\"downstream\","
                            + "\"attributes\":{\"latency\":300}}");
            assertThat(roundTripMillis(s))
                    .as("the idle connection's next answer is delayed")
                    .isGreaterThanOrEqualTo(295);
            assertThat(roundTripMillis(s)).isGreaterThanOrEqualTo(295);

            call("DELETE", "/proxies/echo/toxics/slow", null);
            long fastest = Long.MAX_VALUE;
            for (int i = 0; i < 3; i++) {
                fastest = Math.min(fastest, roundTripMillis(s));
            }
            assertThat(fastest).isLessThan(250);
            assertThat(proxy.server.splicedStreams("echo"))
                    .as("downstream spliced again once the toxic went")
                    .isEqualTo(3);
        }
    }

    @Test
    void everyByteArrivesInOrderWhileToxicsComeAndGoMidStream() throws Exception {
        byte[] data = new byte[24 << 20];
        new Random(42).nextBytes(data);
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", proxyPort), 2_000);
            s.setSoTimeout(20_000);
            // Reader and writer each on a thread of their own: since Java 25 CompletableFuture's
            // default executor is the common pool even at parallelism 1 (2 cores), where the blocked
            // reader would hold the pool's only worker and the writer would never start.
            CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            return MessageDigest.getInstance("SHA-256")
                                    .digest(s.getInputStream().readNBytes(data.length));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    r -> Thread.ofVirtual().start(r));
            CompletableFuture<Void> sent = CompletableFuture.runAsync(
                    () -> {
                        try {
                            OutputStream out = s.getOutputStream();
                            for (int off = 0; off < data.length; off += 64 * 1024) {
                                out.write(data, off, Math.min(64 * 1024, data.length - off));
                                Thread.sleep(1); // about half a second in all, so the toxics come and go mid-stream
                            }
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    r -> Thread.ofVirtual().start(r));
            for (int i = 0; i < 6 && !sent.isDone(); i++) {
                String stream = i % 2 == 0 ? "upstream" : "downstream";
                call(
                        "POST",
                        "/proxies/echo/toxics",
                        "{\"name\":\"t" + i + "\",\"type\":\"latency\",\"stream\":\"" + stream
                                + "\",\"attributes\":{\"latency\":1}}");
                Thread.sleep(40);
                call("DELETE", "/proxies/echo/toxics/t" + i, null);
                Thread.sleep(40);
            }
            sent.get(30, TimeUnit.SECONDS);
            assertThat(received.get(30, TimeUnit.SECONDS))
                    .isEqualTo(MessageDigest.getInstance("SHA-256").digest(data));
        }
        if (Splice.available()) {
            assertThat(proxy.server.splicedStreams("echo")).isGreaterThan(2);
        }
    }
}
