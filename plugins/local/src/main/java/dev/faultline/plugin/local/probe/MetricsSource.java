package dev.faultline.plugin.local.probe;

import dev.faultline.engine.model.Params;
import dev.faultline.engine.spi.MetricSource;
import dev.faultline.engine.spi.ProbeException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.TreeMap;

/** One metrics probe's reads; keeps the previous scrape to compute increases. */
final class MetricsSource implements MetricSource {
    private final Params params;
    private final HttpClient http;
    private final URI url;
    private final Duration timeout;
    private List<Exposition.Sample> previous;
    private long previousNanos;

    MetricsSource(Params params, HttpClient http) {
        this.params = params;
        this.http = http;
        this.url = URI.create(params.require("url"));
        this.timeout = params.duration("timeout", Duration.ofSeconds(2));
    }

    @Override
    public double read() throws ProbeException {
        List<Exposition.Sample> now = scrape();
        long nowNanos = System.nanoTime();
        try {
            return compute(now, nowNanos);
        } finally {
            previous = now;
            previousNanos = nowNanos;
        }
    }

    @Override
    public void mark() throws ProbeException {
        previous = scrape();
        previousNanos = System.nanoTime();
    }

    private double compute(List<Exposition.Sample> now, long nowNanos) throws ProbeException {
        if (params.has("value")) {
            return present(Selector.parse(params.require("value")).sum(now), params.require("value"));
        }
        if (params.has("rate")) {
            Selector s = Selector.parse(params.require("rate"));
            double v = present(s.sum(now), params.require("rate"));
            if (previous == null) {
                throw new ProbeException("first scrape of " + url + ": a rate needs two samples");
            }
            double seconds = (nowNanos - previousNanos) / 1e9;
            return increase(v, s.sum(previous)) / seconds;
        }
        if (params.has("ratio.of")) {
            Selector of = Selector.parse(params.require("ratio.of"));
            Selector to = Selector.parse(params.require("ratio.to"));
            double num = present(of.sum(now), params.require("ratio.of"));
            double den = present(to.sum(now), params.require("ratio.to"));
            if (previous != null) {
                num = increase(num, orZero(of.sum(previous)));
                den = increase(den, orZero(to.sum(previous)));
            }
            if (den <= 0) {
                throw new ProbeException("no " + params.require("ratio.to") + " counted since the last sample");
            }
            return num / den;
        }
        String histogram = params.require("quantile.histogram");
        TreeMap<Double, Double> buckets = Histograms.buckets(now, histogram);
        if (buckets.isEmpty()) {
            throw new ProbeException(url + " has no histogram " + histogram);
        }
        TreeMap<Double, Double> window =
                previous == null ? buckets : Histograms.minus(buckets, Histograms.buckets(previous, histogram));
        double q = Histograms.quantile(params.number("quantile.q", 0.99), window);
        if (Double.isNaN(q)) {
            throw new ProbeException("no " + histogram + " observations since the last sample");
        }
        return histogram.endsWith("_seconds") ? q * 1000 : q;
    }

    private static double increase(double now, double before) {
        return now >= before ? now - before : now; // a counter that went down was reset
    }

    private static double orZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    private double present(double v, String selector) throws ProbeException {
        if (Double.isNaN(v)) {
            throw new ProbeException(url + " has no series matching " + selector);
        }
        return v;
    }

    private List<Exposition.Sample> scrape() throws ProbeException {
        try {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(url)
                            .timeout(timeout)
                            .header("Accept", "text/plain;version=0.0.4")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new ProbeException("GET " + url + " answered " + r.statusCode());
            }
            return Exposition.parse(r.body());
        } catch (IllegalArgumentException e) {
            throw new ProbeException(url + " is not in the Prometheus text format: " + e.getMessage());
        } catch (IOException e) {
            throw new ProbeException(
                    "GET " + url + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProbeException("GET " + url + ": interrupted");
        }
    }
}
