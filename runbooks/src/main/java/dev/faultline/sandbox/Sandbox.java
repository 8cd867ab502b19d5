package dev.faultline.sandbox;

import dev.faultline.plugin.local.proxy.ChaosProxyMain;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts the sandbox shop: payment, database stand-in, cache, the chaos proxy in front of them,
 * inventory, order and the load generator, each a process of its own on 127.0.0.1, and stops what
 * a dead Faultline left running. {@link #start} returns once the load generator's orders go through
 * the shop steadily ({@link OrderFlow}), so a baseline read right after it sees a steady shop.
 */
public final class Sandbox {
    private Sandbox() {}

    public static RunningSandbox start(SandboxOptions o) throws SandboxException {
        List<ServiceSpec> specs = specs(o);
        for (ServiceSpec s : specs) {
            checkFree(s.port(), s.name(), o);
        }
        if (o.withProxy()) {
            checkFree(o.paymentLinkPort(), "the payment link of sandbox-proxy", o);
            checkFree(o.paymentHttpPort(), "the HTTP fault proxy of sandbox-proxy", o);
            checkFree(o.cacheLinkPort(), "the cache link of sandbox-proxy", o);
            checkFree(o.dbHttpPort(), "the database's HTTP fault proxy of sandbox-proxy", o);
        }
        Map<ServiceSpec, Process> started = new LinkedHashMap<>();
        Instant deadline =
                Instant.now().plusSeconds(60); // seven JVMs on a busy 2-core machine: 30 s was not always enough
        try {
            Files.createDirectories(o.home());
            // order -> TCP link "payments" (network faults) -> HTTP proxy "payments-http" (HTTP faults) -> payment;
            // inventory -> TCP link "cache" -> cache; inventory and order -> HTTP proxy "db-http" -> database
            Files.writeString(
                    o.home().resolve("proxies.json"),
                    "[" + link("payments", o.paymentLinkPort(), o.paymentHttpPort()) + ","
                            + link("cache", o.cacheLinkPort(), o.cachePort()) + "]",
                    StandardCharsets.UTF_8);
            // Every service but the load generator starts at once (the machine's cores start JVMs in
            // parallel); the load generator starts once the shop answers, so no order fails at start.
            List<ServiceSpec> first = specs.subList(0, specs.size() - 1);
            for (ServiceSpec s : first) {
                started.put(s, ChildProcess.start(s, o));
                // Recorded as each starts, so a Faultline killed while the sandbox starts leaves nothing
                // that the next start (or recover) cannot find and stop.
                SandboxState.ofThisProcess(started).write(o.home());
            }
            for (ServiceSpec s : first) {
                awaitHealthy(s, started.get(s), deadline, o);
                if (s.name().equals("sandbox-proxy")) {
                    ChildProcess.createHttpProxy(o, "payments-http", o.paymentHttpPort(), o.paymentPort());
                    ChildProcess.createHttpProxy(o, "db-http", o.dbHttpPort(), o.dbPort());
                }
            }
            ChildProcess.warmUp(o, 120, 6, Instant.now().plusSeconds(4));
            ServiceSpec loadgen = specs.get(specs.size() - 1);
            started.put(loadgen, ChildProcess.start(loadgen, o));
            SandboxState.ofThisProcess(started).write(o.home());
            awaitHealthy(loadgen, started.get(loadgen), deadline, o);
            // Healthy is not steady: on a busy machine the first orders still fail or time out, and an
            // experiment's first baseline sample would read them. Ready once real orders flow.
            OrderFlow.of(o).awaitSteady(Instant.now().plusSeconds(45));
            return new RunningSandbox(o, started);
        } catch (IOException e) {
            stopAll(started, o);
            throw new SandboxException("the sandbox could not start: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopAll(started, o);
            throw new SandboxException("interrupted while the sandbox was starting");
        } catch (SandboxException e) {
            stopAll(started, o);
            throw e;
        }
    }

    private static String link(String name, int listen, int upstream) {
        return "{\"name\":\"" + name + "\",\"listen\":\"127.0.0.1:" + listen + "\",\"upstream\":\"127.0.0.1:" + upstream
                + "\",\"enabled\":true}";
    }

    private static void awaitHealthy(ServiceSpec s, Process p, Instant deadline, SandboxOptions o)
            throws InterruptedException, SandboxException {
        if (!ChildProcess.awaitHealthy(s, p, deadline)) {
            throw new SandboxException(s.name() + " did not come up on port " + s.port()
                    + (p.isAlive() ? "" : " (it exited with " + p.exitValue() + ")") + "; its log ends with:\n"
                    + ChildProcess.lastLines(o.home().resolve("logs").resolve(s.name() + ".log"), 8));
        }
    }

    static List<ServiceSpec> specs(SandboxOptions o) {
        List<ServiceSpec> specs = new ArrayList<>();
        specs.add(new ServiceSpec(
                "sandbox-payment",
                PaymentService.class.getName(),
                o.paymentPort(),
                "/health",
                List.of("--name", "sandbox-payment", "--port", Integer.toString(o.paymentPort()))));
        specs.add(new ServiceSpec(
                "sandbox-db",
                DatabaseService.class.getName(),
                o.dbPort(),
                "/health",
                List.of("--name", "sandbox-db", "--port", Integer.toString(o.dbPort()))));
        specs.add(new ServiceSpec(
                "sandbox-cache",
                CacheService.class.getName(),
                o.cachePort(),
                "/health",
                List.of("--name", "sandbox-cache", "--port", Integer.toString(o.cachePort()))));
        int paymentVia = o.paymentPort();
        int cacheVia = o.cachePort();
        int dbVia = o.dbPort();
        if (o.withProxy()) {
            specs.add(new ServiceSpec(
                    "sandbox-proxy",
                    ChaosProxyMain.class.getName(),
                    o.proxyApiPort(),
                    "/version",
                    List.of(
                            "--host",
                            "127.0.0.1",
                            "--port",
                            Integer.toString(o.proxyApiPort()),
                            "--config",
                            o.home().resolve("proxies.json").toString())));
            paymentVia = o.paymentLinkPort();
            cacheVia = o.cacheLinkPort();
            dbVia = o.dbHttpPort();
        }
        specs.add(new ServiceSpec(
                "sandbox-inventory",
                InventoryService.class.getName(),
                o.inventoryPort(),
                "/health",
                List.of(
                        "--name",
                        "sandbox-inventory",
                        "--port",
                        Integer.toString(o.inventoryPort()),
                        "--cache-url",
                        "http://127.0.0.1:" + cacheVia,
                        "--db-url",
                        "http://127.0.0.1:" + dbVia)));
        specs.add(new ServiceSpec(
                "sandbox-order",
                OrderService.class.getName(),
                o.orderPort(),
                "/health",
                List.of(
                        "--name",
                        "sandbox-order",
                        "--port",
                        Integer.toString(o.orderPort()),
                        "--payment-url",
                        "http://127.0.0.1:" + paymentVia,
                        "--inventory-url",
                        "http://127.0.0.1:" + o.inventoryPort(),
                        "--db-url",
                        "http://127.0.0.1:" + dbVia)));
        specs.add(new ServiceSpec(
                "sandbox-loadgen",
                LoadGenerator.class.getName(),
                o.loadgenPort(),
                "/health",
                List.of(
                        "--name",
                        "sandbox-loadgen",
                        "--port",
                        Integer.toString(o.loadgenPort()),
                        "--target",
                        "http://127.0.0.1:" + o.orderPort(),
                        "--rate",
                        Integer.toString(o.rate()))));
        return specs;
    }

    private static void checkFree(int port, String service, SandboxOptions o) throws SandboxException {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress("127.0.0.1", port));
        } catch (IOException e) {
            throw new SandboxException("port " + port + " (" + service + ") is already in use; stop what uses it"
                    + " (another sandbox? `faultline recover` stops one left behind) or run `faultline sandbox"
                    + " --port-base " + (o.portBase() + 1000) + "`");
        }
    }

    private static void stopAll(Map<ServiceSpec, Process> started, SandboxOptions o) {
        List<ProcessHandle> ps =
                new ArrayList<>(started.values().stream().map(Process::toHandle).toList());
        java.util.Collections.reverse(ps);
        ChildProcess.stopAll(ps, ChildProcess.STOP_GRACE);
        try {
            Files.deleteIfExists(o.home().resolve(SandboxState.FILE));
        } catch (IOException ignored) {
            // the processes it names are stopped: a leftover file is removed by the next start
        }
    }

    /**
     * Stops the sandbox of a Faultline process that is gone (pid missing or reused), if there is one.
     * Only processes that still have their recorded start time are touched; then any service marked
     * for this sandbox whose owner is gone (one started but not yet recorded when its owner died).
     */
    public static List<String> stopOrphans(Path home) {
        List<String> out = new ArrayList<>();
        SandboxState.read(home).ifPresent(state -> {
            if (SandboxState.isAlive(state.ownerPid(), state.ownerStarted())) {
                return;
            }
            for (SandboxState.Service s : state.services()) {
                if (SandboxState.isAlive(s.pid(), s.started())) {
                    ProcessHandle.of(s.pid()).ifPresent(ChildProcess::stop);
                    out.add("stopped " + s.name() + " (pid " + s.pid() + "), left running by process "
                            + state.ownerPid());
                }
            }
            try {
                Files.deleteIfExists(home.resolve(SandboxState.FILE));
            } catch (IOException e) {
                out.add("could not remove " + home.resolve(SandboxState.FILE) + ": " + e.getMessage());
            }
        });
        // Started but not yet recorded when their starter died: found by the mark in their environment.
        for (SandboxMarker.Orphan o : SandboxMarker.orphansOf(home)) {
            ProcessHandle.of(o.pid()).ifPresent(ChildProcess::stop);
            out.add("stopped a sandbox service (pid " + o.pid() + ") that process " + o.ownerPid()
                    + " started and had not yet recorded");
        }
        return out;
    }
}
