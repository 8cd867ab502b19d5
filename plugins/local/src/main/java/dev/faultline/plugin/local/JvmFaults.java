package dev.faultline.plugin.local;

import dev.faultline.engine.model.Fault;
import dev.faultline.engine.model.JvmFault;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.spi.BackendException;
import dev.faultline.engine.spi.FaultHandle;
import dev.faultline.engine.spi.FaultRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Faults inside a running JVM ({@code target: {jvm: ...}}): a method throws, waits or returns a
 * value, through the Faultline agent ({@link JvmAgentClient}). The handle holds the pid and its
 * start time, the method and the fault's id: all a revert from another process needs.
 */
final class JvmFaults {
    /**
     * How long an injection into a JVM whose agent has not yet answered this backend may take: the
     * attach waits up to 10 s for the JVM's attach listener (the JDK's own limit), then the JVM loads
     * the agent and its Byte Buddy and transforms the class, all on a JVM that may share a busy
     * machine. Later injections into the same JVM keep the run's usual limit.
     */
    static final Duration FIRST_ATTACH = Duration.ofSeconds(20);

    private final JvmAgentClient agent;
    private final ProcessFaults processes;
    private final TargetGuard guard;
    /** The JVMs (pid and start time) whose agent answered an injection of this backend (one per run). */
    private final Set<String> answered = ConcurrentHashMap.newKeySet();

    JvmFaults(JvmAgentClient agent, ProcessFaults processes, TargetGuard guard) {
        this.agent = agent;
        this.processes = processes;
        this.guard = guard;
    }

    /**
     * The one JVM the target names (by main class, jar or a word of its command line, by pid or pid
     * file), if the guard allows it.
     */
    ProcessHandle find(Target t) throws BackendException {
        ProcessHandle p;
        if (t.selector().has("name")) {
            String name = t.selector().require("name");
            List<ProcessHandle> found = Processes.matchingJvm(name);
            if (found.isEmpty()) {
                throw new BackendException(
                        LocalBackendProvider.ID,
                        "no running JVM has '" + name + "' as its main class, jar or a word of its command line");
            }
            if (found.size() > 1) {
                throw new BackendException(
                        LocalBackendProvider.ID,
                        found.size() + " JVMs match '" + name + "' (pids "
                                + found.stream()
                                        .map(x -> Long.toString(x.pid()))
                                        .toList() + "); name one by pid or pid file");
            }
            p = found.get(0);
        } else {
            p = processes.locate(t);
        }
        guard.checkJvm(p);
        if (!Processes.isJvm(p)) {
            throw new BackendException(
                    LocalBackendProvider.ID,
                    "process " + p.pid() + " (" + p.info().command().orElse("?") + ") is not a JVM");
        }
        return p;
    }

    FaultHandle prepare(FaultRequest r) throws BackendException {
        ProcessHandle p = find(r.target());
        JvmFault.JvmMethod m = method(r.fault());
        String id = ProxyFaults.toxicName(r.runId(), r.step());
        return new FaultHandle(
                LocalBackendProvider.ID,
                id,
                r.fault().describe() + " in JVM " + p.pid() + " (" + r.target().label() + ")",
                Params.of(
                        "kind",
                        "jvm",
                        "pid",
                        Long.toString(p.pid()),
                        "startedAt",
                        p.info().startInstant().map(Instant::toString).orElse(""),
                        "class",
                        m.className(),
                        "method",
                        m.method(),
                        "fault",
                        id));
    }

    void inject(FaultRequest r, FaultHandle h) throws BackendException {
        ProcessHandle target = same(h).orElseThrow(() ->
                new BackendException(LocalBackendProvider.ID, "JVM " + h.data().require("pid") + " is gone"));
        guard.checkJvm(target);
        long pid = target.pid();
        List<String> c = new ArrayList<>(List.of(
                "cmd",
                "add",
                "id",
                h.data().require("fault"),
                "class",
                h.data().require("class"),
                "method",
                h.data().require("method"),
                "share",
                String.format(Locale.ROOT, "%.6f", r.share()),
                "ttlMs",
                Long.toString(deadMansSwitch(r.duration()))));
        switch (jvmFault(r.fault())) {
            case JvmFault.JvmException e ->
                c.addAll(List.of("action", "exception", "exception", e.exception(), "message", e.message()));
            case JvmFault.JvmLatency l ->
                c.addAll(List.of(
                        "action",
                        "latency",
                        "latencyMs",
                        Long.toString(l.latency().toMillis())));
            case JvmFault.JvmReturn v -> c.addAll(List.of("action", "return", "value", v.value()));
        }
        agent.send(pid, c.toArray(String[]::new));
        answered.add(jvmOf(h));
    }

    /** {@link #FIRST_ATTACH} for this backend's first injection into the handle's JVM, else {@code usual}. */
    Duration injectWithin(FaultHandle h, Duration usual) {
        return answered.contains(jvmOf(h)) || usual.compareTo(FIRST_ATTACH) >= 0 ? usual : FIRST_ATTACH;
    }

    private static String jvmOf(FaultHandle h) {
        return h.data().get("pid").orElse("?") + "@" + h.data().get("startedAt").orElse("");
    }

    /**
     * The agent drops a fault by itself long after it was meant to end (twice its duration plus ten
     * minutes), in case nothing is left to revert it.
     */
    static long deadMansSwitch(Duration planned) {
        return planned.multipliedBy(2).plusMinutes(10).toMillis();
    }

    void revert(FaultHandle h) throws BackendException {
        Optional<ProcessHandle> p = same(h);
        if (p.isPresent()) {
            agent.send(p.get().pid(), "cmd", "remove", "id", h.data().require("fault"));
        } // a JVM that is gone took its faults with it
    }

    /** Gone: the JVM is gone, or the agent no longer has the fault and the class's code no longer calls it. */
    boolean gone(FaultHandle h) throws BackendException {
        Optional<ProcessHandle> p = same(h);
        if (p.isEmpty()) {
            return true;
        }
        Map<String, String> s = status(p.get().pid(), h);
        return s.get("active").equals("false") && s.get("instrumented").equals("false");
    }

    Map<String, String> status(long pid, FaultHandle h) throws BackendException {
        return agent.send(
                pid,
                "cmd",
                "status",
                "id",
                h.data().require("fault"),
                "class",
                h.data().require("class"));
    }

    String manualCleanup(FaultHandle h) {
        return "run `faultline recover`, or restart the JVM (pid "
                + h.data().get("pid").orElse("?") + "): fault "
                + h.data().get("fault").orElse("?") + " on "
                + h.data().get("class").orElse("?") + "#"
                + h.data().get("method").orElse("?");
    }

    private static JvmFault.JvmMethod method(Fault f) throws BackendException {
        return switch (jvmFault(f)) {
            case JvmFault.JvmException e -> e.target();
            case JvmFault.JvmLatency l -> l.target();
            case JvmFault.JvmReturn v -> v.target();
        };
    }

    private static JvmFault jvmFault(Fault f) throws BackendException {
        if (!(f instanceof JvmFault j)) {
            throw new BackendException(LocalBackendProvider.ID, "a " + f.type() + " fault does not run inside a JVM");
        }
        return j;
    }

    /** The targeted JVM, if that pid still belongs to it. */
    static Optional<ProcessHandle> same(FaultHandle h) {
        return ProcessFaults.sameProcess(h);
    }
}
