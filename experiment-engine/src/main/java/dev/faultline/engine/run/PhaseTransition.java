package dev.faultline.engine.run;

import dev.faultline.engine.spi.run.RunPhase;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The legal phase changes. A run moves forward through the phases; a halt or a failure jumps to
 * ROLLBACK (when something may be injected) or straight to DONE (when nothing was). Anything else is
 * a bug and throws.
 */
public final class PhaseTransition {
    private static final Map<RunPhase, Set<RunPhase>> LEGAL = new EnumMap<>(RunPhase.class);

    static {
        LEGAL.put(RunPhase.PENDING, EnumSet.of(RunPhase.PREFLIGHT, RunPhase.DONE));
        LEGAL.put(RunPhase.PREFLIGHT, EnumSet.of(RunPhase.WARMUP, RunPhase.BASELINE, RunPhase.DONE));
        LEGAL.put(RunPhase.WARMUP, EnumSet.of(RunPhase.BASELINE, RunPhase.DONE));
        LEGAL.put(RunPhase.BASELINE, EnumSet.of(RunPhase.INJECT, RunPhase.DONE));
        LEGAL.put(RunPhase.INJECT, EnumSet.of(RunPhase.ROLLBACK));
        LEGAL.put(RunPhase.ROLLBACK, EnumSet.of(RunPhase.RECOVERY, RunPhase.DONE));
        LEGAL.put(RunPhase.RECOVERY, EnumSet.of(RunPhase.VERIFY, RunPhase.DONE));
        LEGAL.put(RunPhase.VERIFY, EnumSet.of(RunPhase.DONE));
        LEGAL.put(RunPhase.DONE, EnumSet.noneOf(RunPhase.class));
    }

    private PhaseTransition() {}

    public static boolean isLegal(RunPhase from, RunPhase to) {
        return LEGAL.get(from).contains(to);
    }

    public static void check(RunPhase from, RunPhase to) {
        if (!isLegal(from, to)) {
            throw new IllegalStateException("a run cannot go from " + from + " to " + to);
        }
    }
}
