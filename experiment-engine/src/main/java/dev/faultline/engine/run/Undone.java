package dev.faultline.engine.run;

import dev.faultline.engine.safety.ActiveFault;
import dev.faultline.engine.spi.run.FaultResult;
import dev.faultline.engine.spi.run.RollbackResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a run could not undo: a fault not reverted, reverted but not confirmed gone, or whose revert
 * had not finished when the run ended, and every declared rollback that failed or timed out. A run
 * with anything here never reports HELD: it ends FAILED (exit 3), saying what is left and what to
 * do by hand.
 *
 * @param items one line each, for people
 */
record Undone(List<String> items) {
    Undone {
        items = List.copyOf(items);
    }

    static Undone of(List<FaultResult> faults, List<ActiveFault> stillActive, List<RollbackResult> rollbacks) {
        List<String> items = new ArrayList<>();
        for (FaultResult f : faults) {
            if (f.revertedAt() == null) {
                items.add("fault '" + f.step() + "' NOT reverted: " + f.detail() + byHand(f.manualStep()));
            } else if (!f.confirmedGone()) {
                items.add("fault '" + f.step() + "' reverted but NOT confirmed gone: " + f.detail()
                        + byHand(f.manualStep()));
            }
        }
        Set<String> reported = faults.stream().map(FaultResult::step).collect(Collectors.toSet());
        for (ActiveFault a : stillActive) {
            if (!reported.contains(a.step())) {
                items.add(
                        "fault '" + a.step() + "' (" + a.handle().description() + ") was still being reverted when the"
                                + " run ended" + byHand(a.backend().manualCleanup(a.handle())));
            }
        }
        for (RollbackResult r : rollbacks) {
            if (!r.ok()) {
                items.add("rollback '" + r.name() + "' FAILED: " + r.detail());
            }
        }
        return new Undone(items);
    }

    boolean any() {
        return !items.isEmpty();
    }

    /** "NOT UNDONE: fault 'x' NOT reverted: ...; by hand: ...; rollback 'y' FAILED: ...". */
    String describe() {
        return "NOT UNDONE: " + String.join("; ", items);
    }

    private static String byHand(String step) {
        return step.isEmpty() ? "" : "; by hand: " + step;
    }
}
