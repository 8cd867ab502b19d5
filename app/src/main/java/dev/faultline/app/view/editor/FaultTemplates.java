package dev.faultline.app.view.editor;

import dev.faultline.engine.model.DependencyFault;
import dev.faultline.engine.model.HttpFault;
import dev.faultline.engine.model.JvmFault;
import dev.faultline.engine.model.NetworkFault;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.PodFault;
import dev.faultline.engine.model.ProcessFault;
import dev.faultline.engine.model.ProxyFault;
import dev.faultline.engine.model.StressFault;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.spi.FaultBackendProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The palette: templates for the common experiments, offered only for the faults an installed
 * backend supports. Targets default to the sandbox's, so a dropped block runs as it is there.
 */
public final class FaultTemplates {
    private FaultTemplates() {}

    public static List<FaultTemplate> all() {
        Target proxy = new Target("proxy", Params.of("name", "payments"));
        Target http = new Target("httpProxy", Params.of("name", "payments"));
        Target host = new Target("host", Params.of("name", "local"));
        Target process = new Target("process", Params.of("name", "sandbox-payment"));
        Target jvm = new Target("jvm", Params.of("name", "sandbox-payment"));
        Target pods = new Target("pods", Params.of("namespace", "shop", "labels", "app=payment"));
        JvmFault.JvmMethod paymentMethod = new JvmFault.JvmMethod("dev.faultline.sandbox.PaymentProcessor", "charge");
        Duration d = Duration.ofSeconds(20);
        String net = "local · network";
        String app = "local · HTTP";
        String res = "local · resources";
        String proc = "local · processes";
        return List.of(
                new FaultTemplate(
                        "latency", "Latency + jitter", net, "local", new ProxyFault.Latency(ms(150), ms(50)), proxy, d),
                new FaultTemplate(
                        "down",
                        "Partition (link down)",
                        net,
                        "local",
                        new ProxyFault.Down(),
                        proxy,
                        Duration.ofSeconds(10)),
                new FaultTemplate("bandwidth", "Bandwidth limit", net, "local", new ProxyFault.Bandwidth(64), proxy, d),
                new FaultTemplate(
                        "reset-peer", "Connection reset", net, "local", new ProxyFault.ResetPeer(ms(500)), proxy, d),
                new FaultTemplate(
                        "timeout",
                        "Connection timeout",
                        net,
                        "local",
                        new ProxyFault.ConnectionTimeout(ms(1000)),
                        proxy,
                        d),
                new FaultTemplate(
                        "slow-close", "Slow close", net, "local", new ProxyFault.SlowClose(ms(2000)), proxy, d),
                new FaultTemplate(
                        "http-503",
                        "HTTP 503 responses",
                        app,
                        "local",
                        new HttpFault("", "/**", Map.of(), 503, Duration.ZERO, false, "", false, Map.of()),
                        http,
                        d),
                new FaultTemplate(
                        "http-delay",
                        "HTTP slow responses",
                        app,
                        "local",
                        new HttpFault("", "/**", Map.of(), 0, ms(400), false, "", false, Map.of()),
                        http,
                        d),
                new FaultTemplate("cpu", "CPU stress", res, "local", new StressFault.CpuStress(1, 80), host, d),
                new FaultTemplate(
                        "memory",
                        "Memory stress",
                        res,
                        "local",
                        new StressFault.MemoryStress(256L * 1024 * 1024),
                        host,
                        d),
                new FaultTemplate(
                        "disk",
                        "Disk fill",
                        res,
                        "local",
                        new StressFault.DiskStress(256_000_000, StressFault.DiskIo.FILL, 0, ""),
                        host,
                        d),
                new FaultTemplate(
                        "pause",
                        "Process pause",
                        proc,
                        "local",
                        new ProcessFault.ProcessPause(),
                        process,
                        Duration.ofSeconds(5)),
                new FaultTemplate(
                        "kill",
                        "Process kill",
                        proc,
                        "local",
                        new ProcessFault.ProcessKill("KILL", ""),
                        process,
                        Duration.ofSeconds(10)),
                new FaultTemplate(
                        "jvm-exception",
                        "Exception in a method",
                        "local · inside a JVM",
                        "local",
                        new JvmFault.JvmException(
                                paymentMethod, "java.lang.IllegalStateException", "injected by Faultline"),
                        jvm,
                        d),
                new FaultTemplate(
                        "jvm-latency",
                        "Slow method",
                        "local · inside a JVM",
                        "local",
                        new JvmFault.JvmLatency(paymentMethod, ms(300)),
                        jvm,
                        d),
                new FaultTemplate(
                        "dependency-slow",
                        "Dependency slow",
                        "local · dependencies",
                        "local",
                        new DependencyFault(DependencyFault.Mode.SLOW, ms(400)),
                        proxy,
                        d),
                new FaultTemplate(
                        "dependency-down",
                        "Dependency unavailable",
                        "local · dependencies",
                        "local",
                        new DependencyFault(DependencyFault.Mode.UNAVAILABLE, Duration.ZERO),
                        proxy,
                        Duration.ofSeconds(10)),
                new FaultTemplate(
                        "toxiproxy-latency",
                        "Latency (Toxiproxy)",
                        "toxiproxy",
                        "toxiproxy",
                        new ProxyFault.Latency(ms(150), ms(50)),
                        proxy,
                        d),
                new FaultTemplate(
                        "toxiproxy-down",
                        "Link down (Toxiproxy)",
                        "toxiproxy",
                        "toxiproxy",
                        new ProxyFault.Down(),
                        proxy,
                        Duration.ofSeconds(10)),
                new FaultTemplate(
                        "pod-kill",
                        "Pod kill",
                        "chaos-mesh · pods",
                        "chaos-mesh",
                        new PodFault.PodKill(Duration.ZERO),
                        pods,
                        Duration.ofSeconds(30)),
                new FaultTemplate(
                        "pod-failure",
                        "Pod failure",
                        "chaos-mesh · pods",
                        "chaos-mesh",
                        new PodFault.PodFailure(),
                        pods,
                        Duration.ofSeconds(30)),
                new FaultTemplate(
                        "network-delay",
                        "Network delay",
                        "chaos-mesh · network",
                        "chaos-mesh",
                        new ProxyFault.Latency(ms(200), ms(50)),
                        pods,
                        Duration.ofMinutes(1)),
                new FaultTemplate(
                        "packet-loss",
                        "Packet loss",
                        "chaos-mesh · network",
                        "chaos-mesh",
                        new NetworkFault.PacketLoss(0.1, 0.25),
                        pods,
                        Duration.ofMinutes(1)),
                new FaultTemplate(
                        "cm-cpu",
                        "CPU stress (pods)",
                        "chaos-mesh · resources",
                        "chaos-mesh",
                        new StressFault.CpuStress(1, 80),
                        pods,
                        Duration.ofMinutes(1)),
                new FaultTemplate(
                        "litmus-pod-delete",
                        "Pod delete",
                        "litmus",
                        "litmus",
                        new PodFault.PodKill(Duration.ZERO),
                        pods,
                        Duration.ofSeconds(30)),
                new FaultTemplate(
                        "litmus-network-loss",
                        "Network loss",
                        "litmus",
                        "litmus",
                        new NetworkFault.PacketLoss(0.1, 0),
                        pods,
                        Duration.ofMinutes(1)));
    }

    /** The templates whose backend is installed and supports their fault. */
    public static List<FaultTemplate> available(Collection<FaultBackendProvider> backends) {
        List<FaultTemplate> out = new ArrayList<>();
        for (FaultTemplate t : all()) {
            boolean supported = backends.stream()
                    .anyMatch(b -> b.id().equals(t.backend())
                            && b.supportedFaults().contains(t.fault().getClass()));
            if (supported) {
                out.add(t);
            }
        }
        return out;
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }
}
