package dev.faultline.app.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The settle check between runbooks that share one running sandbox: waits (bounded) until the shop
 * serves the load generator's orders as it does at rest, so that a runbook's baseline never meets
 * the previous runbook's fault still fading (a paused process catching up, a proxy link
 * reconnecting) or a machine still busy starting the sandbox. Settled: in each of
 * {@value #WINDOWS} consecutive one-second windows orders completed, none failed, and their mean
 * time stayed under {@value #MEAN_LIMIT_MS} ms (the shipped runbooks' baselines ask for a p50 under
 * 300 ms). It reads the order service's own /metrics, as the runbooks' probes do.
 */
final class SettledShop {
    static final int WINDOWS = 3;
    static final long MEAN_LIMIT_MS = 150;

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private SettledShop() {}

    /** The counters of the order service at one moment. */
    record Orders(double ok, double failed, double seconds, double count) {
        /** Whether the orders between {@code before} and this moment were all served, and quickly. */
        boolean settledSince(Orders before) {
            double served = ok - before.ok;
            double mean = (seconds - before.seconds) / Math.max(1, count - before.count);
            return served >= 1 && failed == before.failed && mean * 1000 < MEAN_LIMIT_MS;
        }
    }

    /**
     * Waits until the shop at {@code orderUrl} has settled; fails the test, saying what it last saw,
     * when it has not within {@code within}.
     */
    static void await(String orderUrl, Duration within) throws Exception {
        Orders[] before = {read(orderUrl)};
        int[] settled = {0};
        String[] last = {"no window yet"};
        try {
            // one window a poll: the load generator sends 20 orders a second
            Awaitility.await()
                    .atMost(within)
                    .pollDelay(Duration.ofSeconds(1))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        Orders now = read(orderUrl);
                        Orders then = before[0];
                        last[0] = "%.0f ok, %.0f failed, mean %.0f ms"
                                .formatted(
                                        now.ok - then.ok,
                                        now.failed - then.failed,
                                        1000 * (now.seconds - then.seconds) / Math.max(1, now.count - then.count));
                        settled[0] = now.settledSince(then) ? settled[0] + 1 : 0;
                        before[0] = now;
                        return settled[0] >= WINDOWS;
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the sandbox shop did not settle within " + within.toSeconds()
                    + " s (every order served, mean under " + MEAN_LIMIT_MS + " ms, " + WINDOWS
                    + " seconds in a row); last second: " + last[0]);
        }
    }

    static Orders read(String orderUrl) throws IOException, InterruptedException {
        String text = HTTP.send(
                        HttpRequest.newBuilder(URI.create(orderUrl + "/metrics"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        return new Orders(
                value(text, "sandbox_orders_total{outcome=\"ok\"}"),
                value(text, "sandbox_orders_total{outcome=\"failed\"}"),
                value(text, "sandbox_order_duration_seconds_sum"),
                value(text, "sandbox_order_duration_seconds_count"));
    }

    private static double value(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)").matcher(metrics);
        if (!m.find()) {
            throw new AssertionError("the order service's /metrics has no " + series);
        }
        return Double.parseDouble(m.group(1));
    }
}
