package dev.faultline.app;

import dev.faultline.engine.NamedThreads;
import dev.faultline.engine.safety.RevertOutcome;
import dev.faultline.sandbox.Sandbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every start of Faultline does first: revert the faults that a crashed Faultline left behind
 * and stop the sandbox it left running. Returns lines for people; empty when there was nothing.
 */
public final class StartupRecovery {
    private static final Logger log = LoggerFactory.getLogger(StartupRecovery.class);
    /**
     * How long {@code recover} waits on the database: it may be served by another Faultline that is
     * stopped (SIGSTOP). Long enough for a first open with its migrations on a busy machine.
     */
    public static final Duration DATABASE_WITHIN = Duration.ofSeconds(15);

    private StartupRecovery() {}

    public static List<String> run(Composition c) {
        return run(c, true);
    }

    /** @param revertOrphans false when the person chose to leave orphaned faults for now */
    public static List<String> run(Composition c, boolean revertOrphans) {
        List<String> lines = new ArrayList<>();
        mirrorFirst(c);
        for (RevertOutcome o : revertOrphans ? c.recovery.recover() : List.<RevertOutcome>of()) {
            lines.add((o.reverted() && o.confirmed()
                            ? "reverted a fault left behind by a crashed Faultline: "
                            : "COULD NOT fully revert a fault left behind: ")
                    + o.handle().description() + " (" + o.detail() + ")"
                    + (o.manualStep().isEmpty() ? "" : "; by hand: " + o.manualStep()));
        }
        lines.addAll(sandboxLeftBehind(c));
        lines.addAll(recordRuns(c)); // a run or a GameDay needs the database next anyway
        lines.forEach(l -> log.warn("startup recovery: {}", l));
        return lines;
    }

    /**
     * On a team's shared store, opens it before reverting, so that the faults this machine reverts
     * after a crash are shown reverted to the others too (the journal's mirror is attached then).
     */
    private static void mirrorFirst(Composition c) {
        try {
            if (dev.faultline.engine.store.StoreSettingsFile.of(c.home).read().isPresent()) {
                c.store();
            }
        } catch (dev.faultline.engine.store.StoreException e) {
            log.warn(
                    "the shared store is not reachable: faults reverted now are shown reverted to the others"
                            + " only from this machine's journal: {}",
                    e.getMessage());
        }
    }

    /** Stops a sandbox whose Faultline is gone. */
    public static List<String> sandboxLeftBehind(Composition c) {
        List<String> lines = new ArrayList<>();
        try {
            Sandbox.stopOrphans(c.home.sandbox()).forEach(l -> lines.add("sandbox left behind: " + l));
        } catch (RuntimeException e) {
            log.warn("could not check for a sandbox left behind", e);
            lines.add("could not check for a sandbox left behind: " + e.getMessage());
        }
        return lines;
    }

    private static List<String> recordRuns(Composition c) {
        List<String> lines = new ArrayList<>();
        try {
            // first what a dead process of this home kept on disk while the shared store was away
            c.pendingResults.replayUnsent(c.store()).forEach(lines::add);
            c.pendingResults
                    .recordInto(c.store())
                    .forEach(id ->
                            lines.add("recorded the end of run " + id + ", which came after the database had closed"));
            c.store()
                    .closeRunsOfDeadProcesses(c.clock.instant())
                    .forEach(id -> lines.add("run " + id + " was cut short by a crash; marked CRASHED"));
        } catch (dev.faultline.engine.store.StoreException e) {
            lines.add("could not check the database for runs cut short: " + e.getMessage());
        }
        return lines;
    }

    /**
     * Records run ends kept while the database was unreachable and marks runs of dead processes
     * CRASHED, waiting on the database {@code within} at most.
     */
    public static List<String> runsCutShort(Composition c, Duration within) {
        ExecutorService thread = Executors.newSingleThreadExecutor(NamedThreads.factory("faultline-database-check-"));
        Future<List<String>> work = thread.submit(() -> recordRuns(c));
        thread.shutdown();
        try {
            return work.get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            work.cancel(true); // the thread may stay blocked on the socket; it is a daemon
            return List.of("could not reach the database within " + within.toSeconds() + " s (another Faultline serving"
                    + " it may be stopped or hung): runs cut short are marked CRASHED on a later start");
        } catch (ExecutionException e) {
            return List.of("could not check the database for runs cut short: "
                    + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }
}
