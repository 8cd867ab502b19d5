package dev.faultline.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A service another sandbox service calls, the way real clients do: a timeout per call, and
 * {@code retries} more attempts {@code backoffMs} apart when a call fails (an error status, a
 * timeout, a refused or reset connection).
 */
final class Downstream {
    /** One call's answer: the status (0 when the call itself failed) and the body. */
    record Answer(int status, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final String base;
    private final HttpClient http;
    private final Duration timeout;

    Downstream(String name, String base, Duration timeout, int threads) {
        this.base = base;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .executor(Executors.newFixedThreadPool(threads, r -> {
                    Thread t = new Thread(r, name + "-client");
                    t.setDaemon(true);
                    return t;
                }))
                .build();
    }

    Answer call(String method, String path, String body) {
        try {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .timeout(timeout)
                            .method(
                                    method,
                                    body.isEmpty()
                                            ? HttpRequest.BodyPublishers.noBody()
                                            : HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        } catch (IOException e) {
            return new Answer(0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "interrupted");
        }
    }

    /** The first good answer of at most {@code 1 + retries} attempts, or the last bad one; {@code onRetry} runs per retry. */
    Answer withRetries(
            String method,
            String path,
            String body,
            int retries,
            long backoffMs,
            Runnable onRetry,
            Predicate<Answer> good) {
        Answer a = call(method, path, body);
        for (int i = 0; i < retries && !good.test(a); i++) {
            onRetry.run();
            pause(backoffMs);
            a = call(method, path, body);
        }
        return a;
    }

    static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
