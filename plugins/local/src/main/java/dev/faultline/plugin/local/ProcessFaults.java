package dev.faultline.plugin.local;

import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.ProcessFault;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.spi.BackendException;
import dev.faultline.engine.spi.FaultHandle;
import dev.faultline.engine.spi.FaultRequest;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Faults on a process found by name (a word of its command line), pid or pid file: pause with
 * SIGSTOP (reverted by SIGCONT), kill (reverted by its restart command or its supervisor). A pid is
 * only signalled while it still belongs to the process that was targeted (same start time), and
 * only while {@link TargetGuard} allows it: checked when the target is found (pre-flight and
 * prepare) and again just before the signal.
 */
final class ProcessFaults {
    private final TargetGuard guard;

    ProcessFaults(TargetGuard guard) {
        this.guard = guard;
    }

    /** The one process the target names, if the guard allows it; several or none is an error that says what was found. */
    ProcessHandle find(Target t) throws BackendException {
        ProcessHandle p = locate(t);
        guard.check(p);
        return p;
    }

    /** The one process the target names, whatever it is. */
    ProcessHandle locate(Target t) throws BackendException {
        Params s = t.selector();
        if (s.has("pid")) {
            String pid = s.get("pid").orElse("");
            return alive(Pids.parse(pid), "pid " + pid.strip());
        }
        if (s.has("pidFile")) {
            Path f = Path.of(s.get("pidFile").orElse(""));
            return alive(Pids.fromFile(f), "pid file " + f);
        }
        String name = s.require("name");
        List<ProcessHandle> found = Processes.matching(name);
        if (found.isEmpty()) {
            throw new BackendException(
                    LocalBackendProvider.ID, "no running process has '" + name + "' in its command line");
        }
        if (found.size() > 1) {
            throw new BackendException(
                    LocalBackendProvider.ID,
                    found.size() + " processes match '" + name + "' (pids "
                            + found.stream().map(p -> Long.toString(p.pid())).toList()
                            + "); name one by pid or pid file");
        }
        return found.get(0);
    }

    private static ProcessHandle alive(long pid, String what) throws BackendException {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .orElseThrow(() ->
                        new BackendException(LocalBackendProvider.ID, what + ": no process " + pid + " is running"));
    }

    /** The processes a target found by name matches, by pid, each one the guard allows. */
    List<ProcessHandle> all(Target t) throws BackendException {
        if (!t.selector().has("name")) {
            throw new BackendException(
                    LocalBackendProvider.ID,
                    "a count of processes needs a target found by name ({process: {name: WORD}}), not " + t.label());
        }
        List<ProcessHandle> found = Processes.matching(t.selector().require("name")).stream()
                .sorted(java.util.Comparator.comparingLong(ProcessHandle::pid))
                .toList();
        for (ProcessHandle p : found) {
            guard.check(p);
        }
        return found;
    }

    /**
     * A pause of a count of the processes a name matches (a rollout over targets): the handle keeps
     * every process matching now, each stage pauses the first of them (by pid), and the revert resumes
     * all of them, so the journal's one entry undoes whatever stage was in effect.
     */
    private FaultHandle preparePauseOfSome(FaultRequest r) throws BackendException {
        List<ProcessHandle> found = all(r.target());
        int count = r.targets().orElse(found.size());
        if (found.size() < count) {
            throw new BackendException(
                    LocalBackendProvider.ID,
                    found.size() + " process(es) match '"
                            + r.target().selector().require("name") + "', fewer than the " + count + " to pause");
        }
        return new FaultHandle(
                LocalBackendProvider.ID,
                ProxyFaults.toxicName(r.runId(), r.step()),
                "processes " + found.stream().map(p -> Long.toString(p.pid())).toList() + " ("
                        + r.target().label() + "), " + count + " at first, paused",
                Params.of(
                        "kind",
                        "pause-some",
                        "pids",
                        String.join(
                                ",",
                                found.stream().map(p -> Long.toString(p.pid())).toList()),
                        "startedAts",
                        String.join(
                                ",",
                                found.stream()
                                        .map(p -> p.info()
                                                .startInstant()
                                                .map(Instant::toString)
                                                .orElse(""))
                                        .toList())));
    }

    FaultHandle prepare(FaultRequest r, ProcessFault fault) throws BackendException {
        if (r.targets().isPresent() && fault instanceof ProcessFault.ProcessPause) {
            return preparePauseOfSome(r);
        }
        ProcessHandle p = find(r.target());
        String started = p.info().startInstant().map(Instant::toString).orElse("");
        String id = ProxyFaults.toxicName(r.runId(), r.step());
        return switch (fault) {
            case ProcessFault.ProcessRestart restart ->
                new FaultHandle(
                        LocalBackendProvider.ID,
                        id,
                        "process " + p.pid() + " (" + r.target().label() + ") restarted",
                        Params.of(
                                "kind",
                                "restart",
                                "pid",
                                Long.toString(p.pid()),
                                "startedAt",
                                started,
                                "restart",
                                restart.restartCommand(),
                                "selector",
                                r.target().selector().get("name").orElse("")));
            case ProcessFault.ProcessKill k ->
                new FaultHandle(
                        LocalBackendProvider.ID,
                        id,
                        "process " + p.pid() + " (" + r.target().label() + ") killed",
                        Params.of(
                                "kind",
                                "kill",
                                "pid",
                                Long.toString(p.pid()),
                                "startedAt",
                                started,
                                "signal",
                                k.signal(),
                                "restart",
                                k.restartCommand(),
                                "selector",
                                r.target().selector().get("name").orElse("")));
            case ProcessFault.ProcessPause _ ->
                new FaultHandle(
                        LocalBackendProvider.ID,
                        id,
                        "process " + p.pid() + " (" + r.target().label() + ") paused",
                        Params.of("kind", "pause", "pid", Long.toString(p.pid()), "startedAt", started));
        };
    }

    void inject(FaultRequest r, FaultHandle h) throws BackendException {
        if (isSome(h)) {
            List<ProcessHandle> alive = members(h);
            int count = r.targets().orElse(alive.size());
            if (alive.size() < count) {
                throw new BackendException(
                        LocalBackendProvider.ID,
                        "only " + alive.size() + " of the processes " + h.data().require("pids")
                                + " are still running, fewer than the " + count + " to pause");
            }
            for (ProcessHandle p : alive.subList(0, count)) {
                guard.check(p);
                signal("STOP", p.pid());
            }
            for (ProcessHandle p : alive.subList(0, count)) {
                awaitStopped(p.pid(), true);
            }
            return;
        }
        inject(h);
    }

    private static boolean isSome(FaultHandle h) {
        return h.data().get("kind").orElse("").equals("pause-some");
    }

    /** The processes of a pause of some that still run as the ones found (same pid, same start), in order. */
    private static List<ProcessHandle> members(FaultHandle h) {
        String[] pids = h.data().require("pids").split(",");
        String[] started = h.data().get("startedAts").orElse("").split(",", -1);
        List<ProcessHandle> out = new java.util.ArrayList<>();
        for (int i = 0; i < pids.length; i++) {
            String at = i < started.length ? started[i] : "";
            same(Long.parseLong(pids[i]), at).ifPresent(out::add);
        }
        return out;
    }

    void inject(FaultHandle h) throws BackendException {
        Optional<ProcessHandle> p = same(h);
        if (p.isEmpty()) {
            throw new BackendException(
                    LocalBackendProvider.ID, "process " + h.data().require("pid") + " is gone");
        }
        guard.check(p.get());
        String kind = h.data().require("kind");
        if (kind.equals("restart")) {
            stopGracefully(p.get());
            runRestart(h);
            return;
        }
        boolean pause = kind.equals("pause");
        signal(pause ? "STOP" : h.data().require("signal"), p.get().pid());
        if (pause) {
            awaitStopped(p.get().pid(), true); // a signal is delivered a moment after kill returns
        }
    }

    private static void stopGracefully(ProcessHandle p) {
        p.destroy();
        try {
            p.onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
        }
    }

    /** Waits (at most 2 s) until the process is, or is no longer, stopped. */
    private static void awaitStopped(long pid, boolean stopped) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (Processes.isStopped(pid) != stopped && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    void revert(FaultHandle h) throws BackendException {
        if (isSome(h)) {
            List<ProcessHandle> members = members(h);
            for (ProcessHandle p : members) {
                if (Processes.isStopped(p.pid())) {
                    signal("CONT", p.pid());
                }
            }
            for (ProcessHandle p : members) {
                awaitStopped(p.pid(), false);
            }
            return;
        }
        if (h.data().require("kind").equals("pause")) {
            Optional<ProcessHandle> p = same(h);
            if (p.isPresent()) {
                signal("CONT", p.get().pid());
                awaitStopped(p.get().pid(), false);
            }
            return;
        }
        if (!restartedAlready(h)) {
            runRestart(h);
        }
    }

    private static void runRestart(FaultHandle h) throws BackendException {
        String restart = h.data().get("restart").orElse("");
        if (restart.isBlank()) {
            return; // the process's own supervisor brings it back
        }
        try {
            File log = File.createTempFile("faultline-restart-", ".log");
            new ProcessBuilder("sh", "-c", restart)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                    .start();
        } catch (IOException e) {
            throw new BackendException(LocalBackendProvider.ID, "restart command failed: " + e.getMessage());
        }
    }

    boolean gone(FaultHandle h) {
        if (isSome(h)) {
            return members(h).stream().noneMatch(p -> Processes.isStopped(p.pid()));
        }
        if (h.data().require("kind").equals("pause")) {
            return same(h).map(p -> !Processes.isStopped(p.pid())).orElse(true);
        }
        return restartedAlready(h);
    }

    private static boolean restartedAlready(FaultHandle h) {
        String name = h.data().get("selector").orElse("");
        return !name.isEmpty() && !Processes.matching(name).isEmpty();
    }

    String manualCleanup(FaultHandle h) {
        if (isSome(h)) {
            return "kill -CONT " + h.data().require("pids").replace(',', ' ');
        }
        String pid = h.data().get("pid").orElse("?");
        if (h.data().get("kind").orElse("").equals("pause")) {
            return "kill -CONT " + pid;
        }
        String restart = h.data().get("restart").orElse("");
        return restart.isBlank() ? "start the killed process again (it was pid " + pid + ")" : restart;
    }

    /** The targeted process, if that pid still belongs to it. */
    static Optional<ProcessHandle> sameProcess(FaultHandle h) {
        return same(h);
    }

    private static Optional<ProcessHandle> same(FaultHandle h) {
        return same(
                Long.parseLong(h.data().require("pid")),
                h.data().get("startedAt").orElse(""));
    }

    private static Optional<ProcessHandle> same(long pid, String started) {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> started.isEmpty()
                        || p.info()
                                .startInstant()
                                .map(s -> Math.abs(s.toEpochMilli()
                                                - Instant.parse(started).toEpochMilli())
                                        < 1000)
                                .orElse(true));
    }

    private static void signal(String signal, long pid) throws BackendException {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .redirectErrorStream(true)
                    .start();
            if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                String out = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                throw new BackendException(LocalBackendProvider.ID, "kill -" + signal + " " + pid + " failed: " + out);
            }
        } catch (IOException e) {
            throw new BackendException(LocalBackendProvider.ID, "cannot run kill: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendException(LocalBackendProvider.ID, "interrupted while signalling " + pid);
        }
    }
}
