package dev.faultline.plugin.local;

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
import dev.faultline.engine.spi.FaultBackend;
import dev.faultline.engine.spi.FaultBackendProvider;
import dev.faultline.engine.spi.Secret;
import dev.faultline.engine.spi.SettingsException;
import dev.faultline.plugin.toxiproxy.protocol.ToxiproxyClient;
import dev.faultline.plugin.toxiproxy.protocol.ToxiproxyException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Set;

/**
 * The local injectors, which need nothing installed: network faults through a chaos proxy
 * (Faultline's own or any Toxiproxy server: latency, down, bandwidth, slow close, timeout, reset,
 * slicer, data limit), HTTP faults, dependency faults made with those, stress, pause or kill of a
 * local process, and exceptions, latency or return values in a method of a running JVM.
 * Settings: {@code proxyApi} (default {@value #DEFAULT_PROXY_API}); {@code proxyApiToken}: where the
 * proxy API's bearer token is found, {@code env:VARIABLE} or {@code file:/path} (see
 * {@link ProxyApiToken}); {@code stressor}: {@code auto}
 * (the default: stress-ng where installed and able, the built-in stressor otherwise),
 * {@code built-in} or {@code stress-ng}; {@code allowOtherUsers} ({@code false} by default): whether
 * process faults may hit processes of other users (see {@link TargetGuard}).
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
        return FaultKinds.supportedBy(LocalBackendProvider::supports);
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
                    ProxyFault.LimitData _,
                    HttpFault _,
                    StressFault.CpuStress _,
                    StressFault.MemoryStress _,
                    StressFault.DiskStress _,
                    ProcessFault.ProcessPause _,
                    ProcessFault.ProcessKill _,
                    ProcessFault.ProcessRestart _,
                    JvmFault.JvmException _,
                    JvmFault.JvmLatency _,
                    JvmFault.JvmReturn _,
                    DependencyFault _ -> true;
            case NetworkFault.PacketLoss _,
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
                    FileSystemFault.IoFault _ -> false;
        };
    }

    @Override
    public Availability check(BackendSettings settings) {
        // Process faults need nothing; network faults need the chaos proxy, whose API is asked here (and each
        // proxy target again in pre-flight).
        String jvm = ModuleLayer.boot().findModule("jdk.attach").isPresent()
                ? ""
                : "; JVM faults need Faultline on a JDK (no jdk.attach module here)";
        StressCommand.Choice stressor;
        String users;
        ProxyApiToken token;
        try {
            token = ProxyApiToken.fromSettings(settings.values());
            stressor =
                    StressCommand.Choice.parse(settings.values().get("stressor").orElse("auto"));
            users = TargetGuard.fromSettings(settings.values()).allowsOtherUsers()
                    ? "; other users' processes may be targeted"
                    : "";
        } catch (BackendException e) {
            return new Availability.Unavailable(e.getMessage());
        }
        boolean stressNg = StressCommand.findStressNg().isPresent();
        if (stressor == StressCommand.Choice.STRESS_NG && !stressNg) {
            return new Availability.Unavailable("the stressor setting asks for stress-ng, which is not installed here");
        }
        String stress = stressor == StressCommand.Choice.BUILT_IN || !stressNg
                ? "stress by the built-in stressor"
                : stressor == StressCommand.Choice.STRESS_NG
                        ? "stress by stress-ng only"
                        : "stress by stress-ng (built-in stressor for growth, reads, fill and throughput limits)";
        return new Availability.Available("process faults ready; " + stress + "; "
                + proxyApiState(settings.values().get("proxyApi").orElse(DEFAULT_PROXY_API), token) + users + jvm);
    }

    /**
     * Whether the chaos proxy API really answers: {@code GET /version} with a short limit. Process,
     * stress and JVM faults do not need it, so a silent proxy leaves the backend available, but says
     * that network and HTTP faults are not ready and why (a 401: the token to set or check).
     */
    private static String proxyApiState(String api, ProxyApiToken token) {
        String notReady = "network and HTTP faults NOT ready: ";
        try {
            URI uri = URI.create(api);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                return notReady + "proxyApi '" + api + "' is not an http URL";
            }
        } catch (IllegalArgumentException e) {
            return notReady + "proxyApi '" + api + "' is not a URL";
        }
        try (HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            Secret secret = token.read();
            ToxiproxyClient client = new ToxiproxyClient(
                    api,
                    http,
                    Duration.ofSeconds(2),
                    secret == null ? null : secret.reveal(),
                    ToxiproxyClient.ProxyUpdate.POST);
            return "chaos proxy API at " + api + " answers (version " + client.version() + ")";
        } catch (SettingsException e) {
            return notReady + e.getMessage();
        } catch (ToxiproxyException e) {
            return notReady
                    + switch (e) {
                        case ToxiproxyException.ErrorAnswer a
                        when a.status() == 401 -> token.refusal(api.replaceAll("/+$", ""));
                        case ToxiproxyException.ErrorAnswer a ->
                            api + "/version answered HTTP " + a.status() + ", so it is not a"
                                    + " chaos proxy (Faultline's or Toxiproxy): check proxyApi";
                        case ToxiproxyException.NoAnswer n ->
                            switch (n.reason()) {
                                case REFUSED ->
                                    "nothing listens at " + api + " (connection refused): start a chaos proxy there"
                                            + " (faultline proxy) or set proxyApi";
                                case TIMED_OUT ->
                                    api + " did not answer within 2 s: check proxyApi and that the proxy is not frozen";
                                case FAILED, INTERRUPTED ->
                                    api + " cannot be reached (" + n.causeName()
                                            + (n.causeMessage().isEmpty() ? "" : ": " + n.causeMessage())
                                            + "): check proxyApi";
                            };
                    };
        }
    }

    @Override
    public FaultBackend create(BackendSettings settings) throws BackendException {
        return new LocalBackend(
                settings.values().get("proxyApi").orElse(DEFAULT_PROXY_API),
                ProxyApiToken.fromSettings(settings.values()),
                StressCommand.Choice.parse(settings.values().get("stressor").orElse("auto")),
                TargetGuard.fromSettings(settings.values()));
    }
}
