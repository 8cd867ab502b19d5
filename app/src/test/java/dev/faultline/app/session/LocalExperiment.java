package dev.faultline.app.session;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An experiment that needs no sandbox, for the run-session tests: it pauses a {@code sleep} process
 * of the test's own (two seconds unless told: {@code process-pause} by pid file, environment {@code local}),
 * with one HTTP probe on a server of the test's own on 127.0.0.1; and a GameDay of it.
 */
public final class LocalExperiment implements AutoCloseable {
    public static final String NAME = "session-paused-sleeper";
    public final Path runbook;
    public final Path gameDay;
    private final Process sleeper;
    private final HttpServer health;

    public LocalExperiment(Path dir) throws IOException {
        this(dir, "2s");
    }

    /** @param faultDuration how long the helper stays paused ("2s", "60s") */
    public LocalExperiment(Path dir, String faultDuration) throws IOException {
        sleeper = new ProcessBuilder("sleep", "600").start();
        Path pidFile = dir.resolve("sleeper.pid");
        Files.writeString(pidFile, sleeper.pid() + "\n");
        health = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        health.createContext("/health", ex -> {
            byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, ok.length);
            ex.getResponseBody().write(ok);
            ex.close();
        });
        health.start();
        runbook = dir.resolve(NAME + ".yaml");
        Files.writeString(
                runbook,
                """
                apiVersion: faultline.dev/v1
                kind: Experiment
                metadata: {name: %s}
                spec:
                  environment: local
                  timing: {probeInterval: 200ms, baselineSamples: 1, recoveryWindow: 0s, verificationSamples: 1}
                  hypothesis:
                    probes:
                      - name: health
                        expect: "< 30000ms"
                        http: {url: "http://127.0.0.1:%d/health", timeout: 20s, measure: latency}
                  method:
                    - name: pause-it
                      duration: %s
                      target: {process: {pidFile: "%s"}}
                      fault: {type: process-pause}
                  blastRadius: {maxShare: 100%%, maxDuration: 2m, maxTargets: 1}
                """.formatted(NAME, health.getAddress().getPort(), faultDuration, pidFile),
                StandardCharsets.UTF_8);
        gameDay = dir.resolve("session-day.yaml");
        Files.writeString(gameDay, """
                apiVersion: faultline.dev/v1
                kind: GameDay
                metadata: {name: session-day, title: A local GameDay}
                spec:
                  environment: local
                  schedule: {start: "2026-12-03T10:00", zone: UTC}
                  objectives: [The health page answers while a helper is paused]
                  participants:
                    - {name: Ada, role: leader}
                  experiments: [%s.yaml]
                """.formatted(NAME), StandardCharsets.UTF_8);
    }

    /** Slack settings pointing at a local Slack server's Web API. */
    public static void slackAt(Path home, String apiUrl, String token, String channel) throws IOException {
        Files.writeString(
                home.resolve("notifiers.properties"),
                "slack.token=" + token + "\nslack.channel=" + channel + "\nslack.apiUrl=" + apiUrl + "\n",
                StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        health.stop(0);
        sleeper.destroyForcibly();
    }
}
