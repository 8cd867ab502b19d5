package dev.faultline.app.view.live;

import dev.faultline.engine.spi.run.RunPhase;

/** The live view's phase line: what a phase means for the people watching the run. */
final class PhaseLine {
    private PhaseLine() {}

    static String of(RunPhase p) {
        return switch (p) {
            case INJECT -> "INJECT: faults active, watching the steady state";
            case BASELINE -> "BASELINE: the hypothesis must hold before anything is injected";
            case RECOVERY -> "RECOVERY: faults reverted, waiting for the system to settle";
            case VERIFY -> "VERIFY: final check of the hypothesis";
            default -> p.name();
        };
    }
}
