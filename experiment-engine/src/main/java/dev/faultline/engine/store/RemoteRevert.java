package dev.faultline.engine.store;

import dev.faultline.engine.plugins.PluginCatalog;
import dev.faultline.engine.safety.FaultJournal;
import dev.faultline.engine.safety.FaultReverter;
import dev.faultline.engine.safety.JournalEntry;
import dev.faultline.engine.safety.RevertOutcome;
import dev.faultline.engine.spi.BackendException;
import dev.faultline.engine.spi.FaultBackend;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Team mode: reverts, from this desktop, the faults that a run whose runner stopped answering still
 * holds on backends anyone on the team can reach (Chaos Mesh, Litmus, Toxiproxy), from the settings
 * its journal mirrored to the shared store; local faults are left to the runner's machine. The same
 * for {@code faultline team revert} and the live view's Revert. Refused while the runner answers,
 * and to a login whose role does not allow it.
 */
public final class RemoteRevert {
    private final PluginCatalog plugins;
    private final FaultReverter reverter;

    public RemoteRevert(PluginCatalog plugins, FaultReverter reverter) {
        this.plugins = plugins;
        this.reverter = reverter;
    }

    /** One line of what was done: {@code problem} when it needs someone's attention. */
    public record Line(boolean problem, String text) {}

    /**
     * What a revert did.
     *
     * @param refused why nothing was tried (the runner answers, the role does not allow it); empty when tried
     * @param all     every held fault is reverted now (false when one is local, or could not be reverted)
     */
    public record Outcome(Optional<String> refused, List<Line> lines, boolean all) {}

    public Outcome revert(FaultlineStore store, String runId) throws StoreException {
        RunnerLoss.markIfLost(store, runId); // a lost runner's run ends for everyone first
        Optional<RunHeartbeat.Runner> runner = RunHeartbeat.of(store, runId);
        if (runner.isPresent() && runner.get().answering()) {
            return refused("the runner of " + runId + " on " + runner.get().host()
                    + " still answers: it reverts its own faults; to stop it, HALT ALL (faultline team halt"
                    + " --reason ...)");
        }
        Optional<String> refusal = store.roles().refusal(TeamRoles.Right.REVERT_FOR_OTHERS, null);
        if (refusal.isPresent()) {
            return refused(refusal.get());
        }
        List<Line> lines = new ArrayList<>();
        boolean all = true;
        for (JournalMirror.HeldFault f : JournalMirror.held(store, runId)) {
            if (!f.reachable()) {
                lines.add(new Line(
                        false,
                        "left: " + f.description() + " (backend " + f.backend() + ") is local to " + f.host()
                                + ": reverted by " + f.host() + " when it comes back (or faultline recover there)"));
                all = false;
                continue;
            }
            JournalEntry entry = FaultJournal.entryOf(f.journalLine());
            RevertOutcome o;
            try (FaultBackend backend = plugins.createBackend(entry.settings())) {
                o = reverter.revert(backend, entry.handle(), entry.step(), Instant.now());
            } catch (BackendException e) {
                lines.add(new Line(
                        true,
                        "COULD NOT revert " + f.description() + ": " + e.getMessage() + "; by hand: "
                                + entry.handle().description()));
                all = false;
                continue;
            }
            if (o.reverted()) {
                JournalMirror.revertedFromHere(store, f, o.detail());
                lines.add(new Line(false, "reverted " + f.description() + " (" + o.detail() + ")"));
            } else {
                lines.add(new Line(
                        true,
                        "COULD NOT revert " + f.description() + ": " + o.detail()
                                + (o.manualStep().isEmpty() ? "" : "; by hand: " + o.manualStep())));
                all = false;
            }
        }
        return new Outcome(Optional.empty(), List.copyOf(lines), all);
    }

    /** What {@link #revert} did, one line each, for the live view's Revert. */
    public List<String> lines(FaultlineStore store, String runId) throws StoreException {
        Outcome o = revert(store, runId);
        return o.refused().isPresent()
                ? List.of("refused: " + o.refused().get())
                : o.lines().isEmpty()
                        ? List.of("nothing to revert: the run holds no fault now")
                        : o.lines().stream().map(Line::text).toList();
    }

    private static Outcome refused(String why) {
        return new Outcome(Optional.of(why), List.of(), false);
    }
}
