package dev.faultline.plugin.prometheus;

import dev.faultline.engine.spi.MetricSource;
import dev.faultline.engine.spi.ProbeException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One probe's PromQL, read per sample: an instant query at now, or a range query over the window
 * ending now. A server or connection failure is retried; a rejected query is not. No data is a
 * failed read unless the probe gives {@code noData} a value.
 */
final class PromQLSource implements MetricSource {
    private static final Logger log = LoggerFactory.getLogger(PromQLSource.class);

    private final String probe;
    private final PromQuery q;
    private final PrometheusClient client;
    private final Clock clock;

    PromQLSource(String probe, PromQuery q, PrometheusClient client, Clock clock) {
        this.probe = probe;
        this.q = q;
        this.client = client;
        this.clock = clock;
    }

    /** Pre-flight: the query runs once; a syntax error or an unreachable server fails here, before any fault. */
    void check() throws ProbeException {
        answer();
    }

    @Override
    public double read() throws ProbeException {
        PrometheusClient.Answer a = answer();
        OptionalDouble v;
        try {
            v = QueryResult.value(a.body().path("data"), q.reduce(), q.query());
        } catch (QueryResult.BadShape e) {
            throw new ProbeException("probe '" + probe + "': " + e.getMessage());
        }
        if (v.isPresent()) {
            return v.getAsDouble();
        }
        if (q.noData() != null) {
            return q.noData();
        }
        throw new ProbeException("probe '" + probe + "': no data: `" + q.query() + "` returned no series"
                + (q.range() == null ? "" : " over the last " + q.range().toSeconds() + "s")
                + " at " + client.base() + " (set noData: to a number if that is fine)");
    }

    private PrometheusClient.Answer answer() throws ProbeException {
        String path = q.range() == null ? "/api/v1/query" : "/api/v1/query_range";
        String failure = "";
        for (int attempt = 0; attempt <= q.retries(); attempt++) {
            if (attempt > 0) {
                pause(100L * attempt);
            }
            try {
                PrometheusClient.Answer a = client.post(path, form());
                if (a.success()) {
                    return a;
                }
                if (a.queryRejected()) {
                    throw new ProbeException("probe '" + probe + "': Prometheus at " + client.base()
                            + " rejects the query `" + q.query() + "`: " + a.error());
                }
                failure = "Prometheus at " + client.base() + " answered " + a.error();
            } catch (PrometheusClient.Unreachable e) {
                failure = e.getMessage();
            }
            log.debug("probe {}: attempt {} failed: {}", probe, attempt + 1, failure);
        }
        throw new ProbeException(
                "probe '" + probe + "': " + failure + (q.retries() > 0 ? " (" + (q.retries() + 1) + " attempts)" : ""));
    }

    private Map<String, String> form() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("query", q.query());
        Instant now = clock.instant();
        f.put("timeout", q.timeout().toMillis() + "ms");
        if (q.range() == null) {
            f.put("time", seconds(now));
        } else {
            f.put("start", seconds(now.minus(q.range())));
            f.put("end", seconds(now));
            f.put("step", q.step().toMillis() / 1000.0 + "");
        }
        return f;
    }

    private static String seconds(Instant t) {
        return String.format(Locale.ROOT, "%d.%03d", t.getEpochSecond(), t.getNano() / 1_000_000);
    }

    private static void pause(long ms) throws ProbeException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProbeException("interrupted");
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
