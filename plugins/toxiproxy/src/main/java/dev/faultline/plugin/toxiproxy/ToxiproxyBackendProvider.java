package dev.faultline.plugin.toxiproxy;

import dev.faultline.engine.model.DependencyFault;
import dev.faultline.engine.model.Fault;
import dev.faultline.engine.model.FaultKinds;
import dev.faultline.engine.model.FileSystemFault;
import dev.faultline.engine.model.HttpFault;
import dev.faultline.engine.model.JvmFault;
import dev.faultline.engine.model.NetworkFault;
import dev.faultline.engine.model.PodFault;
import dev.faultline.engine.model.ProcessFault;
import dev.faultline.engine.model.ProxyFault;
import dev.faultline.engine.model.StressFault;
import dev.faultline.engine.spi.Availability;
import dev.faultline.engine.spi.BackendException;
import dev.faultline.engine.spi.BackendSettings;
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
        return FaultKinds.supportedBy(ToxiproxyBackendProvider::supports);
    }

    /**
     * Whether this backend makes the fault. Every kind is named, without {@code default}, so a new
     * kind breaks the build here until it is mapped (true) or refused (false).
     */
    static boolean supports(Fault f) {
        return switch (f) {
            case ProxyFault.Latency _,
                    ProxyFault.Down _,
                    ProxyFault.Bandwidth _,
                    ProxyFault.SlowClose _,
                    ProxyFault.ConnectionTimeout _,
                    ProxyFault.ResetPeer _,
                    ProxyFault.Slicer _,
                    ProxyFault.LimitData _ -> true;
            case HttpFault _,
                    StressFault.CpuStress _,
                    StressFault.MemoryStress _,
                    StressFault.DiskStress _,
                    ProcessFault.ProcessPause _,
                    ProcessFault.ProcessKill _,
                    ProcessFault.ProcessRestart _,
                    NetworkFault.PacketLoss _,
                    NetworkFault.PacketDuplicate _,
                    NetworkFault.PacketCorrupt _,
                    NetworkFault.Partition _,
                    NetworkFault.DnsFault _,
                    PodFault.PodKill _,
                    PodFault.PodFailure _,
                    PodFault.ContainerKill _,
                    PodFault.TimeShift _,
                    PodFault.NodeDrain _,
                    FileSystemFault.IoLatency _,
                    FileSystemFault.IoFault _,
                    JvmFault.JvmException _,
                    JvmFault.JvmLatency _,
                    JvmFault.JvmReturn _,
                    DependencyFault _ -> false;
        };
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
