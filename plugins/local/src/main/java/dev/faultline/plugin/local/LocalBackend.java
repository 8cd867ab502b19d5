package dev.faultline.plugin.local;

import dev.faultline.engine.model.DependencyFault;
import dev.faultline.engine.model.Fault;
import dev.faultline.engine.model.FileSystemFault;
import dev.faultline.engine.model.HttpFault;
import dev.faultline.engine.model.JvmFault;
import dev.faultline.engine.model.NetworkFault;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.PodFault;
import dev.faultline.engine.model.ProcessFault;
import dev.faultline.engine.model.ProxyFault;
import dev.faultline.engine.model.StressFault;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.spi.BackendException;
import dev.faultline.engine.spi.DiscoveredTarget;
import dev.faultline.engine.spi.FaultBackend;
import dev.faultline.engine.spi.FaultHandle;
import dev.faultline.engine.spi.FaultRequest;
import dev.faultline.engine.spi.FaultReset;
import dev.faultline.engine.spi.FaultShareChange;
import dev.faultline.engine.spi.FaultVerification;
import dev.faultline.engine.spi.InjectionTimeLimit;
import dev.faultline.engine.spi.TargetCounts;
import dev.faultline.engine.spi.TargetDiscovery;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The local backend: proxy targets go to the chaos proxy, process targets to signals, jvm targets
 * to the JVM fault agent; dependency faults become proxy faults.
 */
public final class LocalBackend
        implements FaultBackend,
                TargetDiscovery,
                FaultVerification,
                FaultReset,
                FaultShareChange,
                TargetCounts,
                InjectionTimeLimit {
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ProxyFaults proxies;
    private final ProcessFaults processes;
    private final StressFaults stress;
    private final HttpProxyFaults httpFaults;
    private final JvmFaults jvm;
    private final ProcessCandidates candidates;
    private final JvmCandidates jvmCandidates;

    /** With the default settings: other users' processes refused, the agent jar in {@code $FAULTLINE_HOME/agent}. */
    public LocalBackend(String proxyApi) {
        this(proxyApi, StressCommand.Choice.AUTO);
    }

    LocalBackend(String proxyApi, StressCommand.Choice stressor) {
        this(proxyApi, ProxyApiToken.none(), stressor, new TargetGuard(false));
    }

    LocalBackend(String proxyApi, ProxyApiToken token, StressCommand.Choice stressor, TargetGuard guard) {
        this.stress = new StressFaults(stressor, StressCommand.findStressNg());
        this.proxies = new ProxyFaults(http, token, proxyApi);
        this.httpFaults = new HttpProxyFaults(http, token, proxyApi);
        this.processes = new ProcessFaults(guard);
        this.jvm = new JvmFaults(new JvmAgentClient(), processes, guard);
        this.candidates = new ProcessCandidates(guard);
        this.jvmCandidates = new JvmCandidates(guard);
    }

    @Override
    public String id() {
        return LocalBackendProvider.ID;
    }

    @Override
    public FaultHandle prepare(FaultRequest original) throws BackendException {
        FaultRequest r = dependency(original);
        String kind = r.target().kind();
        // Each family goes to its injector, which switches over the family's kinds; the families this
        // backend does not make are refused by name (LocalBackendProvider.supports names every kind).
        return switch (r.fault()) {
            case JvmFault _ -> {
                if (!kind.equals("jvm")) {
                    throw new BackendException(
                            id(), "a " + r.fault().type() + " fault runs inside a JVM: target: {jvm: {name: NAME}}");
                }
                yield jvm.prepare(r);
            }
            case HttpFault _ -> {
                if (!kind.equals("httpProxy")) {
                    throw new BackendException(
                            id(), "an http fault needs an HTTP fault proxy: target: {httpProxy: NAME}");
                }
                yield httpFaults.prepare(r);
            }
            case StressFault s -> {
                if (!kind.equals("host")) {
                    throw new BackendException(
                            id(), "a " + r.fault().type() + " fault runs on a host: target: {host: local}");
                }
                yield stress.prepare(r, s);
            }
            case ProxyFault _ -> {
                if (!kind.equals("proxy")) {
                    throw wrongTarget(r, "use target: {proxy: NAME}");
                }
                yield proxies.prepare(r);
            }
            case ProcessFault p -> {
                if (!kind.equals("process")) {
                    throw wrongTarget(r, "use target: {process: {name: NAME}}");
                }
                yield processes.prepare(r, p);
            }
            case NetworkFault _, PodFault _, FileSystemFault _, DependencyFault _ ->
                throw new BackendException(
                        id(), "backend 'local' cannot make a '" + r.fault().type() + "' fault");
        };
    }

    private BackendException wrongTarget(FaultRequest r, String use) {
        return new BackendException(
                id(),
                "a " + r.fault().type() + " fault cannot hit a " + r.target().kind() + " target; " + use);
    }

    @Override
    public void inject(FaultRequest original, FaultHandle h) throws BackendException {
        FaultRequest r = dependency(original);
        if (isJvm(h)) {
            jvm.inject(r, h);
        } else if (isProxy(h)) {
            proxies.inject(r, h);
        } else if (isHttp(h)) {
            httpFaults.inject(r, h);
        } else if (isStress(h)) {
            stress.inject(h);
        } else {
            processes.inject(r, h);
        }
    }

    /** A run's first injection into a JVM loads the fault agent there: it may take longer than other calls. */
    @Override
    public Duration injectWithin(FaultHandle h, Duration usual) {
        return isJvm(h) ? jvm.injectWithin(h, usual) : usual;
    }

    /** A toxic's toxicity and an HTTP fault's share change in place; the other faults are re-injected. */
    @Override
    public boolean changesShareInPlace(FaultHandle h) {
        return h.data().get("kind").orElse("").equals("toxic") || isHttp(h);
    }

    @Override
    public void changeShare(FaultRequest original, FaultHandle h) throws BackendException {
        FaultRequest r = dependency(original);
        if (isHttp(h)) {
            httpFaults.changeShare(r, h);
        } else if (h.data().get("kind").orElse("").equals("toxic")) {
            proxies.changeShare(r, h);
        } else {
            throw new BackendException(id(), h.description() + " has no share to change in place; re-inject it");
        }
    }

    @Override
    public void revert(FaultHandle h) throws BackendException {
        if (isJvm(h)) {
            jvm.revert(h);
        } else if (isProxy(h)) {
            proxies.revert(h);
        } else if (isHttp(h)) {
            httpFaults.revert(h);
        } else if (isStress(h)) {
            stress.revert(h);
        } else {
            processes.revert(h);
        }
    }

    @Override
    public Verification verifyGone(FaultHandle h) throws BackendException {
        boolean gone = isJvm(h)
                ? jvm.gone(h)
                : isProxy(h)
                        ? proxies.gone(h)
                        : isHttp(h) ? httpFaults.gone(h) : isStress(h) ? stress.gone(h) : processes.gone(h);
        return new Verification(gone, gone ? describeGone(h) : h.description() + " is still in effect");
    }

    private static String describeGone(FaultHandle h) {
        return switch (h.data().get("kind").orElse("")) {
            case "toxic" ->
                "the toxic is no longer on proxy " + h.data().get("proxy").orElse("");
            case "down" -> "proxy " + h.data().get("proxy").orElse("") + " is enabled";
            case "pause" -> "process " + h.data().get("pid").orElse("") + " is running";
            case "pause-some" -> "processes " + h.data().get("pids").orElse("") + " are running";
            case "stress" -> "no stressor tagged " + h.data().get("tag").orElse("") + " is running";
            case "http" ->
                "the fault is no longer on HTTP proxy " + h.data().get("proxy").orElse("");
            case "jvm" ->
                "JVM " + h.data().get("pid").orElse("") + " no longer has the fault, and "
                        + h.data().get("class").orElse("") + " runs its own code again";
            default -> "a process matching " + h.data().get("selector").orElse("") + " is running again";
        };
    }

    /**
     * A count of processes is paused from those a name matches ({@code process-pause} on
     * {@code {process: {name: WORD}}}); the other local faults each hit one process, JVM, proxy or
     * this machine.
     */
    @Override
    public Optional<String> cannotCount(Target target, Fault fault) {
        return target.kind().equals("process")
                        && target.selector().has("name")
                        && fault instanceof ProcessFault.ProcessPause
                ? Optional.empty()
                : Optional.of("backend 'local' hits a count of targets with process-pause on {process: {name: WORD}}"
                        + " only, not " + fault.type() + " on " + target.label());
    }

    @Override
    public int matching(Target target) throws BackendException {
        return processes.all(target).size();
    }

    @Override
    public String findTarget(Target target) throws BackendException {
        if (target.kind().equals("proxy")) {
            return proxies.findProxy(
                    target.selector().get("api").orElse(defaultApi()),
                    target.selector().require("name"));
        }
        if (target.kind().equals("httpProxy")) {
            return httpFaults.find(
                    target.selector().get("api").orElse(defaultApi()),
                    target.selector().require("name"));
        }
        if (target.kind().equals("host")) {
            return "this machine (" + Runtime.getRuntime().availableProcessors() + " cores)";
        }
        if (target.kind().equals("jvm")) {
            ProcessHandle p = jvm.find(target);
            return "JVM pid " + p.pid() + " (" + p.info().command().orElse("?") + ")";
        }
        if (target.kind().equals("process")) {
            ProcessHandle p = processes.find(target);
            return "pid " + p.pid() + " (" + p.info().command().orElse("?") + ")";
        }
        throw new BackendException(
                id(), "unknown target kind '" + target.kind() + "' (proxy, httpProxy, host, process or jvm)");
    }

    /**
     * Processes and JVMs by a word that finds each alone, the chaos proxy's proxies and HTTP proxies,
     * and this machine.
     */
    @Override
    public List<DiscoveredTarget> listTargets(String kind) throws BackendException {
        return switch (kind) {
            case "process" -> candidates.list();
            case "jvm" -> jvmCandidates.list();
            case "proxy" -> proxies.list(defaultApi());
            case "httpProxy" -> httpFaults.list(defaultApi());
            case "host" ->
                List.of(DiscoveredTarget.single(
                        new Target("host", Params.of("name", "local")),
                        "this machine (" + Runtime.getRuntime().availableProcessors() + " cores)"));
            default -> List.of();
        };
    }

    @Override
    public String resetAll() throws BackendException {
        return proxies.reset();
    }

    @Override
    public String manualCleanup(FaultHandle h) {
        return isJvm(h)
                ? jvm.manualCleanup(h)
                : isProxy(h)
                        ? proxies.manualCleanup(h)
                        : isHttp(h)
                                ? httpFaults.manualCleanup(h)
                                : isStress(h) ? stress.manualCleanup(h) : processes.manualCleanup(h);
    }

    private String defaultApi() {
        return proxies.defaultApi();
    }

    /** A dependency fault becomes the proxy fault that makes it; any other request stays as it is. */
    private static FaultRequest dependency(FaultRequest r) throws BackendException {
        if (!(r.fault() instanceof DependencyFault)) {
            return r;
        }
        DependencyFaults.checkShare(r);
        return DependencyFaults.translate(r);
    }

    private static boolean isJvm(FaultHandle h) {
        return h.data().get("kind").orElse("").equals("jvm");
    }

    private static boolean isHttp(FaultHandle h) {
        return h.data().get("kind").orElse("").equals("http");
    }

    private static boolean isStress(FaultHandle h) {
        return h.data().get("kind").orElse("").equals("stress");
    }

    private static boolean isProxy(FaultHandle h) {
        String kind = h.data().get("kind").orElse("");
        return kind.equals("toxic") || kind.equals("down");
    }

    @Override
    public void close() {
        // the HttpClient of Java 17 has no close; its threads are daemons
    }
}
