package dev.faultline.app;

import dev.faultline.engine.env.Environment;
import dev.faultline.engine.env.Environments;
import dev.faultline.engine.safety.KillSwitchEngagedException;
import dev.faultline.sandbox.RunningSandbox;
import dev.faultline.sandbox.Sandbox;
import dev.faultline.sandbox.SandboxException;
import dev.faultline.sandbox.SandboxLease;
import dev.faultline.sandbox.SandboxOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The sandbox for a run in the {@code sandbox} environment: the one already running (started by
 * {@code faultline sandbox}) or one started now and stopped when the run is over. Either way the run
 * holds the sandbox's {@link SandboxLease} from before the start to after the stop, so a second run
 * at the same time is refused, saying whose run has it, instead of sharing the shop (docs/sandbox.md).
 */
public final class SandboxSession implements AutoCloseable {
    private final @Nullable RunningSandbox started;
    private final @Nullable SandboxLease lease;

    private SandboxSession(@Nullable RunningSandbox started, @Nullable SandboxLease lease) {
        this.started = started;
        this.lease = lease;
    }

    /**
     * For a run or a GameDay: refused at once while the kill switch is engaged (before the sandbox
     * is started, which takes seconds), then as {@link #forDryRun}.
     *
     * @param what what runs, for a run refused meanwhile ("faultline run payment-latency-holds")
     */
    public static SandboxSession forRun(Composition c, Environment env, String what, Consumer<String> say)
            throws SandboxException, KillSwitchEngagedException {
        c.killSwitch.ensureReleased();
        return forDryRun(c, env, what, say);
    }

    /** The sandbox, leased and started if needed; nothing at all outside the sandbox environment. */
    public static SandboxSession forDryRun(Composition c, Environment env, String what, Consumer<String> say)
            throws SandboxException {
        if (!env.sandbox()) {
            return new SandboxSession(null, null);
        }
        SandboxOptions options = SandboxOptions.defaults(c.home.sandbox());
        SandboxLease lease = SandboxLease.acquire(options, what);
        try {
            if (answers(Environments.SANDBOX_PROXY_API + "/version")) {
                say.accept("using the sandbox that is already running");
                return new SandboxSession(null, lease);
            }
            say.accept("starting the sandbox (order, payment, inventory, cache, database, chaos proxy, load generator)"
                    + " on 127.0.0.1 ...");
            RunningSandbox s = Sandbox.start(options);
            say.accept("sandbox up: orders at " + s.orderUrl());
            return new SandboxSession(s, lease);
        } catch (SandboxException | RuntimeException e) {
            lease.close();
            throw e;
        }
    }

    /** Says what runs on the sandbox now ("run 42 of payment-latency-holds"), for a run refused meanwhile. */
    public void nowRunning(String what) {
        if (lease != null) {
            lease.describe(what);
        }
    }

    /**
     * Whether a server answers 200 at {@code url}. A refused connection says "nothing there" at once;
     * one that connects but is slow to answer (a sandbox that is up on a busy machine) is asked again,
     * for up to about 10 s, before the caller concludes nothing is there and starts a second sandbox
     * over the first one's ports.
     */
    static boolean answers(String url) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        HttpRequest get = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        for (int attempt = 1; attempt <= 5; attempt++) {
            try {
                return http.send(get, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (HttpConnectTimeoutException e) {
                return false;
            } catch (HttpTimeoutException e) {
                // connected, no answer yet: a busy server, asked again
            } catch (java.io.IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    @Override
    public void close() {
        try {
            if (started != null) {
                started.close();
            }
        } finally {
            if (lease != null) {
                lease.close(); // only once the sandbox is stopped: the next run must not find it stopping
            }
        }
    }
}
