package dev.faultline.plugin.local;

import dev.faultline.engine.model.Fault;
import dev.faultline.engine.spi.Availability;
import dev.faultline.engine.spi.BackendSettings;
import dev.faultline.engine.spi.FaultBackend;
import dev.faultline.engine.spi.FaultBackendProvider;
import java.util.Set;

/**
 * The local injectors, which need nothing installed: network faults through a chaos proxy
 * (Faultline's own or any Toxiproxy server: latency, down, bandwidth, slow close, timeout, reset,
 * slicer, data limit), HTTP faults, dependency faults made with those, stress, pause or kill of a
 * local process, and exceptions, latency or return values in a method of a running JVM.
 * Setting: {@code proxyApi} (default {@value #DEFAULT_PROXY_API}).
 */
public final class LocalBackendProvider implements FaultBackendProvider {
    public static final String ID = "local";
    public static final String DEFAULT_PROXY_API = "http://127.0.0.1:18474";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "local injectors: chaos proxy (network and dependency faults), HTTP faults, stress, process faults"
                + " and faults inside a JVM (exceptions, latency, return values); nothing to install";
    }

    @Override
    public Set<Class<? extends Fault>> supportedFaults() {
        return Set.of(Fault.Latency.class, Fault.Down.class, Fault.Bandwidth.class, Fault.SlowClose.class,
                Fault.ConnectionTimeout.class, Fault.ResetPeer.class, Fault.Slicer.class, Fault.LimitData.class,
                Fault.HttpFault.class, Fault.CpuStress.class, Fault.MemoryStress.class, Fault.DiskStress.class,
                Fault.ProcessPause.class, Fault.ProcessKill.class, Fault.ProcessRestart.class,
                Fault.JvmException.class, Fault.JvmLatency.class, Fault.JvmReturn.class, Fault.Dependency.class);
    }

    @Override
    public Availability check(BackendSettings settings) {
        // Process faults need nothing; whether the chaos proxy answers is checked per target in pre-flight.
        return new Availability.Available("process faults ready; chaos proxy API at "
                + settings.values().get("proxyApi").orElse(DEFAULT_PROXY_API));
    }

    @Override
    public FaultBackend create(BackendSettings settings) {
        return new LocalBackend(settings.values().get("proxyApi").orElse(DEFAULT_PROXY_API));
    }
}
