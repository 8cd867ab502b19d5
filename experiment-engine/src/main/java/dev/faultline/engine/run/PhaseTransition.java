package dev.faultline.engine.run;

import dev.faultline.engine.spi.run.RunPhase;
import java.util.EnumSet;
import java.util.Set;

/**
 * The legal phase changes. A run moves forward through the phases; a halt or a failure jumps to
 * ROLLBACK (when something may be injected) or straight to DONE (when nothing was). Anything else is
 * a bug and throws.
 */
public final class PhaseTransition {
    private PhaseTransition() {}

    public static boolean isLegal(RunPhase from, RunPhase to) {
        return next(from).contains(to);
    }

    /** The phases a run may go to from {@code from}. */
    private static Set<RunPhase> next(RunPhase from) {
        return switch (from) {
            case PENDING -> EnumSet.of(RunPhase.PREFLIGHT, RunPhase.DONE);
            case PREFLIGHT -> EnumSet.of(RunPhase.WARMUP, RunPhase.BASELINE, RunPhase.DONE);
            case WARMUP -> EnumSet.of(RunPhase.BASELINE, RunPhase.DONE);
            case BASELINE -> EnumSet.of(RunPhase.INJECT, RunPhase.DONE);
            case INJECT -> EnumSet.of(RunPhase.ROLLBACK);
            case ROLLBACK -> EnumSet.of(RunPhase.RECOVERY, RunPhase.DONE);
            case RECOVERY -> EnumSet.of(RunPhase.VERIFY, RunPhase.DONE);
            case VERIFY -> EnumSet.of(RunPhase.DONE);
            case DONE -> EnumSet.noneOf(RunPhase.class);
        };
    }

    public static void check(RunPhase from, RunPhase to) {
        if (!isLegal(from, to)) {
            throw new IllegalStateException("a run cannot go from " + from + " to " + to);
        }
    }
}
