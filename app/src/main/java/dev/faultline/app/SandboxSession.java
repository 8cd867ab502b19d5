package dev.faultline.app;

import dev.faultline.engine.env.Environment;
import dev.faultline.engine.env.Environments;
import dev.faultline.sandbox.RunningSandbox;
import dev.faultline.sandbox.Sandbox;
import dev.faultline.sandbox.SandboxException;
import dev.faultline.sandbox.SandboxOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The sandbox for a run in the {@code sandbox} environment: the one already running (started by
 * {@code faultline sandbox}) or one started now and stopped when the run is over.
 */
public final class SandboxSession implements AutoCloseable {
    private final @Nullable RunningSandbox started;

    private SandboxSession(@Nullable RunningSandbox started) {
        this.started = started;
    }

    public static SandboxSession startIfNeeded(Composition c, Environment env, Consumer<String> say)
            throws SandboxException {
        if (!env.sandbox()) {
            return new SandboxSession(null);
        }
        if (answers(Environments.SANDBOX_PROXY_API + "/version")) {
            say.accept("using the sandbox that is already running");
            return new SandboxSession(null);
        }
        say.accept("starting the sandbox (order, payment, inventory, cache, database, chaos proxy, load generator)"
                + " on 127.0.0.1 ...");
        RunningSandbox s = Sandbox.start(SandboxOptions.defaults(c.home.sandbox()));
        say.accept("sandbox up: orders at " + s.orderUrl());
        return new SandboxSession(s);
    }

    static boolean answers(String url) {
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(1))
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        if (started != null) {
            started.close();
        }
    }
}
