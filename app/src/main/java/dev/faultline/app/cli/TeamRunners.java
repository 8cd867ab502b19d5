package dev.faultline.app.cli;

import dev.faultline.engine.store.FaultlineStore;
import dev.faultline.engine.store.JournalMirror;
import dev.faultline.engine.store.RunHeartbeat;
import dev.faultline.engine.store.RunnerLoss;
import dev.faultline.engine.store.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the others see of a run's runner on the team's store: whether it answers (its heartbeat),
 * and, when it stopped, which faults its journal still holds and who can revert each.
 */
final class TeamRunners {
    private TeamRunners() {}

    /** Lines about {@code runId}'s runner; empty when it never beat (a run before team mode, or ended). */
    static List<String> describe(FaultlineStore store, String runId) throws StoreException {
        Optional<RunHeartbeat.Runner> runner = RunHeartbeat.of(store, runId);
        if (runner.isEmpty()) {
            return List.of();
        }
        RunHeartbeat.Runner r = runner.get();
        List<String> lines = new ArrayList<>();
        if (r.answering()) {
            lines.add("run " + runId + ": its runner on " + r.host() + " (pid " + r.pid() + ") answers");
            return lines;
        }
        boolean abandoned = store.findRun(runId)
                .map(x -> x.status().equals(RunnerLoss.ABANDONED))
                .orElse(false);
        lines.add("run " + runId + ": THE RUNNER STOPPED ANSWERING"
                + (abandoned ? " (runner lost: the run is ABANDONED)" : "") + ": " + r.host() + " (pid " + r.pid()
                + ") last beat " + r.silentFor().toSeconds() + " s ago");
        lines.addAll(held(store, runId, r.host()));
        return lines;
    }

    /** The faults {@code runId}'s journal still holds, each with who can revert it. */
    static List<String> held(FaultlineStore store, String runId, String host) throws StoreException {
        List<JournalMirror.HeldFault> held = JournalMirror.held(store, runId);
        List<String> lines = new ArrayList<>();
        if (held.isEmpty()) {
            lines.add("  its journal holds no fault");
        }
        for (JournalMirror.HeldFault f : held) {
            lines.add("  holds " + f.description() + " (step " + f.step() + ", backend " + f.backend() + ", "
                    + f.state() + "): "
                    + (f.reachable()
                            ? "revert it from here with: faultline team revert " + runId
                            : "reverted by " + host + " when it comes back (or faultline recover there)"));
        }
        return lines;
    }
}
