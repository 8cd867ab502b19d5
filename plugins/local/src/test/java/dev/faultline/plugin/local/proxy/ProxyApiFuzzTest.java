package dev.faultline.plugin.local.proxy;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.AfterAll;

/**
 * Coverage-guided fuzzing of the chaos proxy's admin API over real HTTP on 127.0.0.1, with Jazzer.
 * Each input is up to three API requests (method, path and body from the fuzzer) and a request with
 * a fuzzed path through an HTTP fault proxy whose faults the fuzzer sets. Every request must be
 * answered within 10 s, never with a 5xx but a failed bind, and the API must still answer
 * {@code /version}. In {@code mvn verify} it replays its stored inputs (seconds);
 * {@code JAZZER_FUZZ=1 mvn -pl plugins/local test -Dtest=ProxyApiFuzzTest} fuzzes for real (see
 * docs/testing.md). The server is started afresh every {@value #INPUTS_PER_SERVER} inputs, so what
 * the fuzzer creates cannot pile up across the run.
 */
class ProxyApiFuzzTest {
    /** Generous: under Jazzer's instrumentation on a busy machine, the first use of a class costs seconds. */
    private static final int TIMEOUT_MS = 10_000;

    private static final int START_TIMEOUT_MS = 60_000;
    private static final int INPUTS_PER_SERVER = 500;

    private static ChaosProxyServer server;
    private static int trafficPort;
    private static int closedPort;
    private static long inputs;
    private static final java.util.Set<String> LOOPBACK =
            java.util.Set.of("127.0.0.1", "localhost", "::1", "0:0:0:0:0:0:0:1", "[::1]");

    @FuzzTest(maxDuration = "30m", maxExecutions = 110_000)
    void everyRequestIsAnsweredPromptlyAndNeverWithAServerError(FuzzedDataProvider data) throws Exception {
        // Jazzer's SSRF detector would flag every connection; these are to loopback only, on purpose.
        try (SilentCloseable loopbackOnly =
                BugDetectors.allowNetworkConnections((host, port) -> LOOPBACK.contains(host))) {
            exercise(data);
        }
    }

    private static void exercise(FuzzedDataProvider data) throws Exception {
        if (server == null || inputs++ % INPUTS_PER_SERVER == 0) {
            restart();
        }
        int requests = data.consumeInt(1, 3);
        for (int i = 0; i < requests; i++) {
            FuzzedRequests.Request r = FuzzedRequests.next(data);
            RawHttp.Answer a = RawHttp.send(server.apiPort(), r.method(), r.target(), r.body(), TIMEOUT_MS);
            boolean failedBind = a.text().contains("listen tcp");
            if (a.status() >= 500 && !failedBind
                    || a.status() == 0 && !r.method().equals("HEAD")) {
                throw new IllegalStateException("the API answered " + r.method() + " " + r.target() + " "
                        + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8) + " with " + a.status() + " "
                        + a.text());
            }
        }
        try {
            RawHttp.send(trafficPort, "GET", FuzzedRequests.trafficPath(data), new byte[0], TIMEOUT_MS);
        } catch (java.net.ConnectException deletedByTheFuzzer) {
            // the fuzzer may have deleted the HTTP fault proxy
        } catch (java.net.SocketTimeoutException late) {
            String faults = RawHttp.send(server.apiPort(), "GET", "/faultline/http/h/faults", new byte[0], TIMEOUT_MS)
                    .text();
            if (!faults.matches("(?s).*\"delay\":[1-9].*")) {
                throw new IllegalStateException("a request through the HTTP fault proxy got no answer in " + TIMEOUT_MS
                        + " ms, and no fault delays it: " + faults);
            }
        }
        if (RawHttp.send(server.apiPort(), "GET", "/version", new byte[0], TIMEOUT_MS)
                        .status()
                != 200) {
            throw new IllegalStateException("the API no longer answers /version");
        }
    }

    /** A fresh server with an HTTP fault proxy "h" in front of a port where nothing listens (502 fast). */
    private static void restart() throws IOException {
        if (server != null) {
            server.close();
        }
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        server = ChaosProxyServer.start("127.0.0.1", 0, List.of());
        RawHttp.Answer h = RawHttp.send(
                server.apiPort(),
                "POST",
                "/faultline/http",
                ("{\"name\":\"h\",\"listen\":" + "\"127.0.0.1:0\",\"upstream\":\"127.0.0.1:" + closedPort + "\"}")
                        .getBytes(),
                START_TIMEOUT_MS);
        trafficPort = Integer.parseInt(h.text().replaceAll("(?s).*\"listen\":\"127.0.0.1:(\\d+)\".*", "$1"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
