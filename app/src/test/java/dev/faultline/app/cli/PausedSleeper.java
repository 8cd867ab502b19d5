package dev.faultline.app.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An experiment that needs no sandbox: it pauses a {@code sleep} process of the test's own (a
 * {@code process-pause} fault by pid file, environment {@code local}) for a minute, with one HTTP
 * probe on a server of the test's own on 127.0.0.1. Paused means state 'T' in /proc.
 */
final class PausedSleeper implements AutoCloseable {
    final Process sleeper;
    final Path runbook;
    private final HttpServer health;

    PausedSleeper(Path dir) throws IOException {
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
        runbook = dir.resolve("pause-sleeper.yaml");
        Files.writeString(runbook, """
                apiVersion: faultline.dev/v1
                kind: Experiment
                metadata:
                  name: pause-sleeper
                  title: A paused helper process
                spec:
                  environment: local
                  timing:
                    probeInterval: 1s
                    baselineSamples: 1
                    recoveryWindow: 1s
                    verificationSamples: 1
                  hypothesis:
                    title: The health page answers
                    probes:
                      - name: health
                        expect: "< 30000ms"
                        http: {url: "http://127.0.0.1:%d/health", timeout: 20s, measure: latency}
                  method:
                    - name: pause-it
                      duration: 60s
                      target: {process: {pidFile: "%s"}}
                      fault: {type: process-pause}
                  blastRadius:
                    maxShare: 100%%
                    maxDuration: 2m
                    maxTargets: 1
                """.formatted(health.getAddress().getPort(), pidFile));
    }

    long pid() {
        return sleeper.pid();
    }

    @Override
    public void close() {
        health.stop(0);
        sleeper.destroyForcibly();
    }
}
