package dev.faultline.app;

import dev.faultline.engine.safety.RevertOutcome;
import dev.faultline.sandbox.Sandbox;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every start of Faultline does first: revert the faults that a crashed Faultline left behind
 * and stop the sandbox it left running. Returns lines for people; empty when there was nothing.
 */
public final class StartupRecovery {
    private static final Logger log = LoggerFactory.getLogger(StartupRecovery.class);

    private StartupRecovery() {
    }

    public static List<String> run(Composition c) {
        return run(c, true);
    }

    /** @param revertOrphans false when the person chose to leave orphaned faults for now */
    public static List<String> run(Composition c, boolean revertOrphans) {
        List<String> lines = new ArrayList<>();
        for (RevertOutcome o : revertOrphans ? c.recovery.recover() : List.<RevertOutcome>of()) {
            lines.add((o.reverted() && o.confirmed() ? "reverted a fault left behind by a crashed Faultline: "
                    : "COULD NOT fully revert a fault left behind: ") + o.handle().description() + " (" + o.detail() + ")"
                    + (o.manualStep().isEmpty() ? "" : "; by hand: " + o.manualStep()));
        }
        try {
            Sandbox.stopOrphans(c.home.sandbox()).forEach(l -> lines.add("sandbox left behind: " + l));
        } catch (RuntimeException e) {
            log.warn("could not check for a sandbox left behind", e);
            lines.add("could not check for a sandbox left behind: " + e.getMessage());
        }
        try {
            c.pendingResults.recordInto(c.store())
                    .forEach(id -> lines.add("recorded the end of run " + id + ", which came after the database had closed"));
            c.store().closeRunsOfDeadProcesses(c.clock.instant())
                    .forEach(id -> lines.add("run " + id + " was cut short by a crash; marked CRASHED"));
        } catch (dev.faultline.engine.store.StoreException e) {
            lines.add("could not check the database for runs cut short: " + e.getMessage());
        }
        lines.forEach(l -> log.warn("startup recovery: {}", l));
        return lines;
    }
}
