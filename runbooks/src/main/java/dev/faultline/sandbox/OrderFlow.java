package dev.faultline.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The sandbox is ready for a baseline once the load generator's orders go through the whole shop:
 * a service that answers its health path may still fail or time out its first orders on a busy
 * machine (cold JVMs, first connections), and an experiment's first baseline sample would read
 * those failures. This waits for {@code windows} windows in a row in which the order service
 * confirmed at least {@code minOk} orders and no more than 5% failed.
 */
final class OrderFlow {
    /** The share of a window's orders that must succeed: the sandbox runbooks' probes expect 90%. */
    static final double STEADY_SHARE = 0.95;

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

    private final URI metrics;
    private final Duration window;
    private final int windows;
    private final int minOk;

    /**
     * @param metrics the order service's {@code /metrics}
     * @param window  how long one window lasts (a probe interval: one second)
     * @param windows how many steady windows in a row make the shop ready
     * @param minOk   how many confirmed orders a window needs (about half the load generator's rate)
     */
    OrderFlow(URI metrics, Duration window, int windows, int minOk) {
        this.metrics = metrics;
        this.window = window;
        this.windows = windows;
        this.minOk = Math.max(1, minOk);
    }

    /** The order flow of a started sandbox: two one-second windows with at least half the rate confirmed. */
    static OrderFlow of(SandboxOptions o) {
        return new OrderFlow(
                URI.create("http://127.0.0.1:" + o.orderPort() + "/metrics"), Duration.ofSeconds(1), 2, o.rate() / 2);
    }

    /**
     * Returns once the shop is steady; throws, saying what the last window saw, when it is not by
     * {@code deadline}.
     */
    void awaitSteady(Instant deadline) throws SandboxException, InterruptedException {
        @Nullable Counts before = read();
        String last = "no window read yet";
        int steady = 0;
        while (Instant.now().plus(window).isBefore(deadline)) {
            Thread.sleep(window.toMillis());
            @Nullable Counts now = read();
            boolean good = false;
            if (before == null || now == null) {
                last = "the order service's metrics could not be read";
            } else {
                double ok = now.ok() - before.ok();
                double failed = now.failed() - before.failed();
                last = Math.round(ok) + " confirmed and " + Math.round(failed) + " failed in the last "
                        + window.toMillis() + " ms";
                good = ok >= minOk && ok / (ok + failed) >= STEADY_SHARE;
            }
            before = now;
            if (good) {
                steady++;
                if (steady >= windows) {
                    return;
                }
            } else {
                steady = 0;
            }
        }
        throw new SandboxException("the sandbox shop started but its orders are not going through steadily (" + last
                + "); the machine may be too busy: try again, or look at " + metrics);
    }

    /** The order service's counters now; null when they cannot be read (the window is then not steady). */
    private @Nullable Counts read() throws InterruptedException {
        try {
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(metrics)
                            .timeout(Duration.ofSeconds(2))
                            .header("User-Agent", "faultline-sandbox")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? Counts.parse(r.body()) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The order service's {@code sandbox_orders_total} by outcome. */
    record Counts(double ok, double failed) {
        static Counts parse(String page) {
            return new Counts(value(page, "ok"), value(page, "failed"));
        }

        private static double value(String page, String outcome) {
            String prefix = "sandbox_orders_total{outcome=\"" + outcome + "\"} ";
            return page.lines()
                    .filter(l -> l.startsWith(prefix))
                    .mapToDouble(
                            l -> Double.parseDouble(l.substring(prefix.length()).strip()))
                    .sum();
        }
    }
}
