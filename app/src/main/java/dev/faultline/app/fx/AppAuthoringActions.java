package dev.faultline.app.fx;

import dev.faultline.app.Composition;
import dev.faultline.app.view.editor.AuthoringActions;
import dev.faultline.app.view.editor.ProbeCheck;
import dev.faultline.app.view.editor.ProbeVerdict;
import dev.faultline.engine.env.Environment;
import dev.faultline.engine.env.Environments;
import dev.faultline.engine.model.Probe;
import dev.faultline.engine.spi.DiscoveredTarget;
import dev.faultline.engine.spi.FaultBackend;
import dev.faultline.engine.spi.MetricSource;
import dev.faultline.engine.spi.MetricSourceProvider;
import dev.faultline.engine.spi.TargetDiscovery;
import dev.faultline.sandbox.RunningSandbox;
import dev.faultline.sandbox.Sandbox;
import dev.faultline.sandbox.SandboxLease;
import dev.faultline.sandbox.SandboxOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The editor's forms answered by the engine and the sandbox: a probe read once and explained, and
 * the sandbox started from a "the sandbox is not running" message. A sandbox started here keeps
 * running (runs use it, as one started by {@code faultline sandbox}) until the app exits.
 */
final class AppAuthoringActions implements AuthoringActions {
    private static final URI PROXY_API = URI.create(Environments.SANDBOX_PROXY_API);
    private final Composition composition;

    AppAuthoringActions(Composition composition) {
        this.composition = composition;
    }

    @Override
    public ProbeVerdict testProbe(Probe probe, String environment) {
        Optional<Environment> env = composition.environments.find(environment);
        if (env.isEmpty()) {
            return ProbeCheck.failed(
                    probe,
                    "unknown environment '" + environment + "' (known: " + composition.environments.names() + ")",
                    false);
        }
        Optional<MetricSourceProvider> provider = composition.plugins.probeType(probe.type());
        if (provider.isEmpty()) {
            return ProbeCheck.failed(probe, "no probe type '" + probe.type() + "' is installed", false);
        }
        try (MetricSource source = provider.get().open(probe, env.get().settingsFor(probe.type()))) {
            return ProbeCheck.read(probe, source.read());
        } catch (Exception e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return ProbeCheck.failed(probe, message, env.get().sandbox() && !sandboxAnswers());
        }
    }

    @Override
    public List<DiscoveredTarget> listTargets(String environment, String backend, String kind) throws Exception {
        Environment env = composition
                .environments
                .find(environment)
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown environment '" + environment + "' (known: " + composition.environments.names() + ")"));
        try (FaultBackend b = composition.plugins.createBackend(env.settingsFor(backend))) {
            return b instanceof TargetDiscovery discovery ? discovery.listTargets(kind) : List.of();
        }
    }

    @Override
    public boolean sandboxDown(String environment) {
        return composition
                        .environments
                        .find(environment)
                        .filter(Environment::sandbox)
                        .isPresent()
                && !sandboxAnswers();
    }

    @Override
    public synchronized String startSandbox() throws Exception {
        if (sandboxAnswers()) {
            return "the sandbox is running";
        }
        SandboxOptions options = SandboxOptions.defaults(composition.home.sandbox());
        try (SandboxLease lease = SandboxLease.acquire(options, "the editor starting the sandbox")) {
            RunningSandbox s = Sandbox.start(options);
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(s::close));
            return "sandbox started: orders at " + s.orderUrl() + "; it runs until Faultline closes";
        }
    }

    /** The chaos proxy's API is the sandbox's last service to start: it answering means the sandbox is up. */
    private static boolean sandboxAnswers() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(PROXY_API.getHost(), PROXY_API.getPort()), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
