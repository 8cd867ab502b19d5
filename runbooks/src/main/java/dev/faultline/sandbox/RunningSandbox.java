package dev.faultline.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A started sandbox. A watchdog restarts a service that died (at most 5 times a minute), so a
 * {@code process-kill} fault is reverted by the sandbox the way a real supervisor would; a paused
 * process is not dead and is left alone. Closing stops every process.
 */
public final class RunningSandbox implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RunningSandbox.class);

    private final SandboxOptions options;
    private final Map<ServiceSpec, Process> processes = new LinkedHashMap<>();
    private final Deque<Instant> restarts = new ArrayDeque<>();
    private final Thread watchdog;
    private volatile boolean closing;

    RunningSandbox(SandboxOptions options, Map<ServiceSpec, Process> started) throws IOException {
        this.options = options;
        this.processes.putAll(started);
        writeState();
        this.watchdog = new Thread(this::watch, "faultline-sandbox-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    public String orderUrl() {
        return "http://127.0.0.1:" + options.orderPort();
    }

    public String paymentUrl() {
        return "http://127.0.0.1:" + options.paymentPort();
    }

    public String proxyApiUrl() {
        return "http://127.0.0.1:" + options.proxyApiPort();
    }

    public String loadgenMetricsUrl() {
        return "http://127.0.0.1:" + options.loadgenPort() + "/metrics";
    }

    /** The running services: name, pid and port. */
    public synchronized List<SandboxState.Service> services() {
        List<SandboxState.Service> out = new ArrayList<>();
        processes.forEach((spec, p) -> out.add(new SandboxState.Service(
                spec.name(), p.pid(), p.info().startInstant().orElse(Instant.EPOCH), spec.port())));
        return out;
    }

    private void watch() {
        while (!closing) {
            try {
                Thread.sleep(1_000);
                restartDead();
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                log.warn("sandbox watchdog: {}", e.getMessage());
            }
        }
    }

    private synchronized void restartDead() throws IOException, InterruptedException {
        for (Map.Entry<ServiceSpec, Process> e : processes.entrySet()) {
            if (closing || e.getValue().isAlive()) {
                continue;
            }
            Instant now = Instant.now();
            while (!restarts.isEmpty() && restarts.peekFirst().isBefore(now.minus(Duration.ofMinutes(1)))) {
                restarts.removeFirst();
            }
            if (restarts.size() >= 5) {
                log.error(
                        "{} died again; not restarted (5 restarts in the last minute)",
                        e.getKey().name());
                continue;
            }
            restarts.addLast(now);
            log.warn(
                    "{} (pid {}) exited with {}; restarting it",
                    e.getKey().name(),
                    e.getValue().pid(),
                    e.getValue().exitValue());
            Process p = ChildProcess.start(e.getKey(), options);
            e.setValue(p);
            ChildProcess.awaitHealthy(e.getKey(), p, Instant.now().plusSeconds(10));
            writeState();
        }
    }

    private void writeState() throws IOException {
        SandboxState.ofThisProcess(processes).write(options.home());
    }

    @Override
    public void close() {
        closing = true;
        watchdog.interrupt();
        synchronized (this) {
            List<ServiceSpec> order = new ArrayList<>(processes.keySet());
            java.util.Collections.reverse(order);
            // the load generator first, so that no order meets a service already gone; then the shop
            List<ProcessHandle> stopping =
                    order.stream().map(s -> processes.get(s).toHandle()).toList();
            ChildProcess.stopAll(stopping.subList(0, 1), ChildProcess.STOP_GRACE);
            ChildProcess.stopAll(stopping.subList(1, stopping.size()), ChildProcess.STOP_GRACE);
            try {
                Files.deleteIfExists(options.home().resolve(SandboxState.FILE));
                for (ServiceSpec s : order) {
                    Files.deleteIfExists(options.home().resolve(s.name() + ".pid"));
                }
            } catch (IOException e) {
                log.warn("could not clean the sandbox state in {}: {}", options.home(), e.getMessage());
            }
        }
    }
}
