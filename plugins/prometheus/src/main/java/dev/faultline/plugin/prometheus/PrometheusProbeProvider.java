package dev.faultline.plugin.prometheus;

import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.Probe;
import dev.faultline.engine.spi.Availability;
import dev.faultline.engine.spi.BackendSettings;
import dev.faultline.engine.spi.MetricSource;
import dev.faultline.engine.spi.MetricSourceProvider;
import dev.faultline.engine.spi.ProbeException;
import dev.faultline.engine.spi.Secret;
import dev.faultline.engine.spi.SecretRef;
import dev.faultline.engine.spi.SettingsException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Probe type {@code prometheus}: a PromQL query per sample, against the probe's {@code url} or the
 * environment's Prometheus ({@code prometheus: {url, token | username + password, timeout}} in the
 * environments file; credentials as references, resolved when the probe opens). Opening runs the
 * query once, so a query with a syntax error fails pre-flight with Prometheus's own message.
 */
public final class PrometheusProbeProvider implements MetricSourceProvider {
    private final Clock clock;

    public PrometheusProbeProvider() {
        this(Clock.systemUTC());
    }

    PrometheusProbeProvider(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String type() {
        return "prometheus";
    }

    @Override
    public List<String> validate(Params params) {
        return PromQuery.problems(params);
    }

    @Override
    public MetricSource open(Probe probe) throws ProbeException {
        return open(probe, BackendSettings.empty("prometheus"));
    }

    @Override
    public MetricSource open(Probe probe, BackendSettings settings) throws ProbeException {
        PromQuery q;
        try {
            q = PromQuery.from(probe.params());
        } catch (IllegalArgumentException e) {
            throw new ProbeException("probe '" + probe.name() + "': " + e.getMessage());
        }
        String url = Optional.ofNullable(q.url())
                .or(() -> settings.values().get("url"))
                .orElseThrow(() -> new ProbeException(
                        "probe '" + probe.name() + "': no Prometheus URL; give prometheus.url in the probe or"
                                + " url in the environment's prometheus settings"));
        Duration timeout =
                probe.params().has("timeout") ? q.timeout() : settings.values().duration("timeout", q.timeout());
        PrometheusClient client = client(url, timeout, settings, "probe '" + probe.name() + "'");
        PromQLSource source = new PromQLSource(probe.name(), q, client, clock);
        try {
            source.check();
        } catch (ProbeException e) {
            source.close();
            throw e;
        }
        return source;
    }

    @Override
    public Availability check(BackendSettings settings) {
        Optional<String> url = settings.values().get("url");
        if (url.isEmpty()) {
            return new Availability.Unavailable("no url in the prometheus settings");
        }
        try (PrometheusClient c = client(url.get(), Duration.ofSeconds(2), settings, "prometheus")) {
            PrometheusClient.Answer a = c.get("/api/v1/status/buildinfo");
            return a.success()
                    ? new Availability.Available("Prometheus "
                            + a.body().path("data").path("version").asString("?") + " at " + c.base())
                    : new Availability.Unavailable("Prometheus at " + c.base() + " answered " + a.error());
        } catch (ProbeException | PrometheusClient.Unreachable e) {
            return new Availability.Unavailable(e.getMessage());
        }
    }

    private static PrometheusClient client(String url, Duration timeout, BackendSettings settings, String who)
            throws ProbeException {
        try {
            return new PrometheusClient(
                    url,
                    timeout,
                    secret(settings, "token"),
                    secret(settings, "username"),
                    secret(settings, "password"));
        } catch (SettingsException | IllegalArgumentException e) {
            throw new ProbeException(who + ": " + e.getMessage());
        }
    }

    private static @Nullable Secret secret(BackendSettings s, String key) throws SettingsException {
        Optional<String> ref = s.values().get(key);
        return ref.isEmpty() ? null : new SecretRef(ref.get()).resolve();
    }
}
