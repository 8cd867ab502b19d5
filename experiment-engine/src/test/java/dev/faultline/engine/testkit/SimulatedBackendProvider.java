package dev.faultline.engine.testkit;

import dev.faultline.engine.model.Fault;
import dev.faultline.engine.model.ProcessFault;
import dev.faultline.engine.model.ProxyFault;
import dev.faultline.engine.spi.Availability;
import dev.faultline.engine.spi.BackendSettings;
import dev.faultline.engine.spi.FaultBackend;
import dev.faultline.engine.spi.FaultBackendProvider;
import java.util.Set;

/** Hands out one {@link SimulatedBackend}, so a test can misconfigure it before the run. */
public final class SimulatedBackendProvider implements FaultBackendProvider {
    private final SimulatedBackend backend;

    public SimulatedBackendProvider(SimulatedBackend backend) {
        this.backend = backend;
    }

    @Override
    public String id() {
        return SimulatedBackend.ID;
    }

    @Override
    public String description() {
        return "simulated faults for engine tests";
    }

    @Override
    public Set<Class<? extends Fault>> supportedFaults() {
        return Set.of(
                ProxyFault.Latency.class,
                ProxyFault.Down.class,
                ProcessFault.ProcessPause.class,
                ProcessFault.ProcessKill.class);
    }

    @Override
    public Availability check(BackendSettings settings) {
        return new Availability.Available("simulated");
    }

    @Override
    public FaultBackend create(BackendSettings settings) {
        return backend;
    }
}
