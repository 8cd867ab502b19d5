package dev.faultline.plugin.local.probe;

import dev.faultline.engine.model.Durations;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.Probe;
import dev.faultline.engine.spi.MetricSource;
import dev.faultline.engine.spi.MetricSourceProvider;
import dev.faultline.engine.spi.ProbeException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Probe type {@code http}: Faultline sends the request itself and measures it. {@code measure:
 * latency} (default) gives milliseconds and treats a non-2xx answer as a failed read;
 * {@code measure: status} gives the status code.
 */
public final class HttpProbeProvider implements MetricSourceProvider {
    // Made on the first probe, not when the plugins are listed: the JDK's client takes ~150 ms to start.
    private volatile @org.jspecify.annotations.Nullable HttpClient http;

    private HttpClient http() {
        HttpClient c = http;
        if (c == null) {
            synchronized (this) {
                c = http;
                if (c == null) {
                    c = HttpClient.newBuilder()
                            .connectTimeout(Duration.ofSeconds(2))
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .build();
                    http = c;
                }
            }
        }
        return c;
    }

    @Override
    public String type() {
        return "http";
    }

    @Override
    public List<String> validate(Params p) {
        List<String> out = new ArrayList<>();
        UrlCheck.check(p.get("url").orElse(""), out);
        p.get("measure")
                .filter(m -> !Set.of("latency", "status").contains(m))
                .ifPresent(m -> out.add("measure must be latency or status, not '" + m + "'"));
        p.get("timeout").ifPresent(t -> {
            try {
                Durations.parse(t, "timeout");
            } catch (IllegalArgumentException e) {
                out.add(e.getMessage());
            }
        });
        return out;
    }

    @Override
    public MetricSource open(Probe probe) {
        Params p = probe.params();
        URI url = URI.create(p.require("url"));
        Duration timeout = p.duration("timeout", Duration.ofSeconds(2));
        String method = p.get("method").orElse("GET");
        boolean status = p.get("measure").orElse("latency").equals("status");
        return () -> {
            HttpRequest req = HttpRequest.newBuilder(url)
                    .timeout(timeout)
                    .header("User-Agent", "faultline-probe")
                    .method(method, HttpRequest.BodyPublishers.noBody())
                    .build();
            long start = System.nanoTime();
            try {
                HttpResponse<Void> r = http().send(req, HttpResponse.BodyHandlers.discarding());
                double millis = (System.nanoTime() - start) / 1e6;
                if (status) {
                    return r.statusCode();
                }
                if (r.statusCode() / 100 != 2) {
                    throw new ProbeException(method + " " + url + " answered " + r.statusCode());
                }
                return millis;
            } catch (HttpTimeoutException e) {
                throw new ProbeException(method + " " + url + ": no answer within " + timeout.toMillis() + " ms");
            } catch (IOException e) {
                throw new ProbeException(method + " " + url + ": "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProbeException(method + " " + url + ": interrupted");
            }
        };
    }
}
