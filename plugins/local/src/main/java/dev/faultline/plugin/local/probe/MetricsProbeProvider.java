package dev.faultline.plugin.local.probe;

import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.Probe;
import dev.faultline.engine.spi.MetricSource;
import dev.faultline.engine.spi.MetricSourceProvider;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Probe type {@code metrics}: scrapes a Prometheus-format {@code /metrics} endpoint directly and
 * reads a {@code value}, a per-second {@code rate}, a {@code ratio} of two counters' increases, or a
 * {@code quantile} of a histogram's increase since the previous read.
 */
public final class MetricsProbeProvider implements MetricSourceProvider {
    // Made on the first probe, not when the plugins are listed: the JDK's client (and its TLS set-up)
    // takes a good part of a second to start, which validating a runbook does not need.
    private volatile @org.jspecify.annotations.Nullable HttpClient http;

    private HttpClient http() {
        HttpClient c = http;
        if (c == null) {
            synchronized (this) {
                c = http;
                if (c == null) {
                    c = HttpClient.newBuilder()
                            .connectTimeout(Duration.ofSeconds(2))
                            .build();
                    http = c;
                }
            }
        }
        return c;
    }

    @Override
    public String type() {
        return "metrics";
    }

    @Override
    public List<String> validate(Params p) {
        List<String> out = new ArrayList<>();
        UrlCheck.check(p.get("url").orElse(""), out);
        long modes = Stream.of("value", "rate", "ratio.of", "quantile.q")
                .filter(p::has)
                .count();
        if (modes != 1) {
            out.add("give exactly one of value, rate, ratio or quantile");
        }
        for (String key : List.of("value", "rate", "ratio.of", "ratio.to")) {
            p.get(key).ifPresent(s -> {
                try {
                    Selector.parse(s);
                } catch (IllegalArgumentException e) {
                    out.add(key + ": " + e.getMessage());
                }
            });
        }
        if (p.has("quantile.q")) {
            double q = p.number("quantile.q", -1);
            if (q <= 0 || q > 1) {
                out.add("quantile.q must be above 0 and at most 1");
            }
        }
        return out;
    }

    @Override
    public MetricSource open(Probe probe) {
        return new MetricsSource(probe.params(), http());
    }
}
