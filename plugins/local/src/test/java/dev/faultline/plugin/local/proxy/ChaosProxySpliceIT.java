package dev.faultline.plugin.local.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Streams no toxic touches are spliced in the kernel; a toxic arriving on an open connection acts
 * on its very next bytes, and not a byte is lost or reordered while the proxy switches between the
 * two ways of forwarding.
 */
class ChaosProxySpliceIT {
    private EchoServer echo;
    private ChaosProxyServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private int proxyPort;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Splice.available(), "splicing needs native epoll");
        echo = new EchoServer();
        server = ChaosProxyServer.start("127.0.0.1", 0, List.of());
        HttpResponse<String> r = call("POST", "/proxies",
                "{\"name\":\"echo\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"127.0.0.1:" + echo.port() + "\"}");
        proxyPort = Integer.parseInt(r.body().replaceAll(".*\"listen\":\"127.0.0.1:(\\d+)\".*", "$1"));
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
            echo.close();
        }
    }

    private HttpResponse<String> call(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.apiUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long roundTripMillis(Socket s) throws Exception {
        long start = System.nanoTime();
        s.getOutputStream().write("ping\n".getBytes());
        byte[] back = s.getInputStream().readNBytes(5);
        assertThat(new String(back)).isEqualTo("ping\n");
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    @Test
    void aToxicAddedToAnOpenSplicedConnectionDelaysItsNextBytesAndItsRemovalSplicesAgain() throws Exception {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", proxyPort), 2_000);
            s.setSoTimeout(5_000);
            assertThat(roundTripMillis(s)).isLessThan(1_000);
            assertThat(server.splicedStreams("echo")).as("both streams spliced").isEqualTo(2);

            call("POST", "/proxies/echo/toxics", "{\"name\":\"slow\",\"type\":\"latency\",\"stream\":\"downstream\","
                    + "\"attributes\":{\"latency\":300}}");
            assertThat(roundTripMillis(s)).as("the idle connection's next answer is delayed").isGreaterThanOrEqualTo(295);
            assertThat(roundTripMillis(s)).isGreaterThanOrEqualTo(295);

            call("DELETE", "/proxies/echo/toxics/slow", null);
            long fastest = Long.MAX_VALUE;
            for (int i = 0; i < 3; i++) {
                fastest = Math.min(fastest, roundTripMillis(s));
            }
            assertThat(fastest).isLessThan(250);
            assertThat(server.splicedStreams("echo")).as("downstream spliced again once the toxic went").isEqualTo(3);
        }
    }

    @Test
    void everyByteArrivesInOrderWhileToxicsComeAndGoMidStream() throws Exception {
        byte[] data = new byte[24 << 20];
        new Random(42).nextBytes(data);
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", proxyPort), 2_000);
            s.setSoTimeout(20_000);
            CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> {
                try {
                    return MessageDigest.getInstance("SHA-256").digest(s.getInputStream().readNBytes(data.length));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> {
                try {
                    OutputStream out = s.getOutputStream();
                    for (int off = 0; off < data.length; off += 64 * 1024) {
                        out.write(data, off, Math.min(64 * 1024, data.length - off));
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            for (int i = 0; i < 6 && !sent.isDone(); i++) {
                String stream = i % 2 == 0 ? "upstream" : "downstream";
                call("POST", "/proxies/echo/toxics", "{\"name\":\"t" + i + "\",\"type\":\"latency\",\"stream\":\"" + stream
                        + "\",\"attributes\":{\"latency\":1}}");
                Thread.sleep(40);
                call("DELETE", "/proxies/echo/toxics/t" + i, null);
                Thread.sleep(40);
            }
            sent.get(30, TimeUnit.SECONDS);
            assertThat(received.get(30, TimeUnit.SECONDS)).isEqualTo(MessageDigest.getInstance("SHA-256").digest(data));
        }
        assertThat(server.splicedStreams("echo")).isGreaterThan(2);
    }
}
