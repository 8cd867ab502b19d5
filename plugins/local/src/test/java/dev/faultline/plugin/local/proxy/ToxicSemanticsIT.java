package dev.faultline.plugin.local.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each toxic's effect on real TCP traffic, as Toxiproxy's own toxics behave (their Go code, not
 * only their README): what passes, when the connection closes and how.
 */
class ToxicSemanticsIT {
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

    private void toxic(String json) throws Exception {
        assertThat(call("POST", "/proxies/echo/toxics", json).statusCode()).isEqualTo(200);
    }

    private Socket connect(int readTimeoutMs) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", proxyPort), 2_000);
        s.setSoTimeout(readTimeoutMs);
        return s;
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    /** Reads until the connection ends, in time; returns how it ended: "eof" or "reset". */
    private static String end(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        try {
            while (in.read() >= 0) {
                // bytes that were on their way
            }
            return "eof";
        } catch (SocketException e) {
            return e.getMessage().toLowerCase().contains("reset") ? "reset" : e.getMessage();
        }
    }

    @Test
    void bandwidthHoldsABurstToItsRate() throws Exception {
        toxic("{\"type\":\"bandwidth\",\"stream\":\"upstream\",\"attributes\":{\"rate\":200}}"); // 200,000 bytes/s
        byte[] burst = new byte[300_000];
        try (Socket s = connect(10_000)) {
            long start = System.nanoTime();
            CompletableFuture<Void> writing = CompletableFuture.runAsync(
                    () -> {
                        try {
                            s.getOutputStream().write(burst);
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    r -> Thread.ofVirtual().start(r));
            assertThat(s.getInputStream().readNBytes(burst.length)).hasSize(burst.length);
            long took = millisSince(start);
            writing.get(5, TimeUnit.SECONDS);
            assertThat(took).as("300,000 bytes at 200 KB/s take 1.5 s").isBetween(1_250L, 5_000L);
        }
    }

    @Test
    void timeoutClosesAConnectionThatSendsNothingAfterItsTime() throws Exception {
        toxic("{\"type\":\"timeout\",\"stream\":\"upstream\",\"attributes\":{\"timeout\":300}}");
        try (Socket s = connect(5_000)) {
            long start = System.nanoTime();
            assertThat(end(s)).isEqualTo("eof");
            assertThat(millisSince(start)).isBetween(250L, 3_000L);
        }
    }

    @Test
    void timeoutAddedToAnOpenConnectionDropsItsDataAndClosesIt() throws Exception {
        try (Socket s = connect(5_000)) {
            s.getOutputStream().write("ping\n".getBytes());
            assertThat(s.getInputStream().readNBytes(5)).isEqualTo("ping\n".getBytes());
            toxic("{\"type\":\"timeout\",\"stream\":\"upstream\",\"attributes\":{\"timeout\":400}}");
            long start = System.nanoTime();
            s.getOutputStream().write("lost\n".getBytes());
            assertThat(end(s)).as("nothing comes back, then the end").isEqualTo("eof");
            assertThat(millisSince(start)).isBetween(300L, 3_000L);
        }
    }

    @Test
    void timeoutZeroDropsDataUntilRemovedAndItsRemovalClosesTheConnection() throws Exception {
        toxic("{\"name\":\"stuck\",\"type\":\"timeout\",\"stream\":\"upstream\",\"attributes\":{\"timeout\":0}}");
        try (Socket s = connect(600)) {
            s.getOutputStream().write("lost\n".getBytes());
            assertThatThrownBy(() -> s.getInputStream().read())
                    .as("dropped, and the connection stays open")
                    .isInstanceOf(SocketTimeoutException.class);
            assertThat(call("DELETE", "/proxies/echo/toxics/stuck", null).statusCode())
                    .isEqualTo(204);
            s.setSoTimeout(3_000);
            assertThat(end(s)).isEqualTo("eof");
        }
        assertThat(EchoServer.roundTripMillis(proxyPort))
                .as("new connections pass again")
                .isLessThan(1_000);
    }

    @Test
    void resetPeerResetsAfterTheFirstDataAndPassesNoneOfIt() throws Exception {
        toxic("{\"type\":\"reset_peer\",\"stream\":\"upstream\",\"attributes\":{\"timeout\":300}}");
        try (Socket s = connect(5_000)) {
            Thread.sleep(400); // the time counts from the first data, not from the connection
            long start = System.nanoTime();
            s.getOutputStream().write("ping\n".getBytes());
            assertThatThrownBy(() -> s.getInputStream().read())
                    .as("not a byte comes back before the reset")
                    .isInstanceOf(SocketException.class)
                    .hasMessageContaining("reset");
            assertThat(millisSince(start)).isBetween(250L, 3_000L);
        }
    }

    @Test
    void aClientsFinPassesAndTheAnswerStillComesBack() throws Exception {
        try (Socket s = connect(5_000)) {
            s.getOutputStream().write("last words\n".getBytes());
            s.shutdownOutput();
            assertThat(s.getInputStream().readNBytes(11)).isEqualTo("last words\n".getBytes());
            assertThat(end(s)).isEqualTo("eof");
        }
    }

    @Test
    void aHalfOpenConnectionStaysOpenAndCostsTheProxyNoCpu() throws Exception {
        try (ServerSocket holder = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = proxy.addProxy("holder", holder.getLocalPort());
            try (Socket s = new Socket("127.0.0.1", port);
                    Socket held = holder.accept()) {
                held.setSoTimeout(5_000);
                s.shutdownOutput();
                assertThat(held.getInputStream().read())
                        .as("the FIN reached the server")
                        .isEqualTo(-1);
                long before = proxyCpuNanos();
                Thread.sleep(1_000);
                long used = TimeUnit.NANOSECONDS.toMillis(proxyCpuNanos() - before);
                assertThat(used)
                        .as("proxy CPU in 1 s with one half-open connection")
                        .isLessThan(200);
                held.getOutputStream().write("still here\n".getBytes());
                s.setSoTimeout(5_000);
                assertThat(s.getInputStream().readNBytes(11)).isEqualTo("still here\n".getBytes());
            }
        }
    }

    private static long proxyCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("faultline-proxy")) {
                sum += Math.max(0, threads.getThreadCpuTime(t.threadId()));
            }
        }
        return sum;
    }

    @Test
    void slowCloseHoldsTheCloseBack() throws Exception {
        toxic("{\"type\":\"slow_close\",\"stream\":\"downstream\",\"attributes\":{\"delay\":500}}");
        try (Socket s = connect(5_000)) {
            s.getOutputStream().write("ping\n".getBytes());
            assertThat(s.getInputStream().readNBytes(5)).isEqualTo("ping\n".getBytes());
            long start = System.nanoTime();
            s.shutdownOutput(); // the echo server closes; its close reaches us late
            assertThat(end(s)).isEqualTo("eof");
            assertThat(millisSince(start)).isBetween(450L, 3_000L);
        }
    }

    @Test
    void jitterSpreadsTheLatencyAroundItsValue() throws Exception {
        toxic("{\"type\":\"latency\",\"attributes\":{\"latency\":100,\"jitter\":50}}");
        List<Long> trips = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            trips.add(EchoServer.roundTripMillis(proxyPort));
        }
        trips.sort(Long::compare);
        assertThat(trips.get(0)).as("fastest of %s", trips).isBetween(45L, 95L);
        assertThat(trips.get(trips.size() - 1)).as("slowest of %s", trips).isGreaterThan(105L);
    }

    @Test
    void toxicityDecidesPerConnection() throws Exception {
        toxic("{\"type\":\"latency\",\"toxicity\":0.5,\"attributes\":{\"latency\":300}}");
        int slow = 0;
        for (int i = 0; i < 30; i++) {
            if (EchoServer.roundTripMillis(proxyPort) >= 250) {
                slow++;
            }
        }
        assertThat(slow).as("connections delayed, of 30 at toxicity 0.5").isBetween(5, 25);
    }
}
