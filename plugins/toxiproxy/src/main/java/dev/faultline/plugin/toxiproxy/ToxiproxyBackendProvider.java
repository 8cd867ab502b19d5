package dev.faultline.plugin.toxiproxy;

import dev.faultline.engine.model.Fault;
import dev.faultline.engine.spi.Availability;
import dev.faultline.engine.spi.BackendException;
import dev.faultline.engine.spi.BackendSettings;
import dev.faultline.engine.spi.FaultBackend;
import dev.faultline.engine.spi.FaultBackendProvider;
import java.util.Set;

/**
 * Network faults on any Toxiproxy server (or {@code faultline proxy}) through its HTTP API: every
 * toxic, and {@code down} as the proxy disabled. Targets are proxies: {@code target: {proxy: NAME}}.
 */
public final class ToxiproxyBackendProvider implements FaultBackendProvider {
    public static final String ID = "toxiproxy";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Toxiproxy server: latency, down, bandwidth, slow-close, timeout, reset-peer, slicer, limit-data";
    }

    @Override
    public Set<Class<? extends Fault>> supportedFaults() {
        return Set.of(Fault.Latency.class, Fault.Down.class, Fault.Bandwidth.class, Fault.SlowClose.class,
                Fault.ConnectionTimeout.class, Fault.ResetPeer.class, Fault.Slicer.class, Fault.LimitData.class);
    }

    @Override
    public Availability check(BackendSettings settings) {
        try (ToxiproxyBackend b = create(settings)) {
            return new Availability.Available(b.version());
        } catch (BackendException e) {
            return new Availability.Unavailable(e.getMessage());
        }
    }

    @Override
    public ToxiproxyBackend create(BackendSettings settings) throws BackendException {
        return new ToxiproxyBackend(ToxiproxySettings.from(settings));
    }
}
