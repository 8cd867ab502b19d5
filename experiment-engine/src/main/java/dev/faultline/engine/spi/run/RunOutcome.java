package dev.faultline.engine.spi.run;

/** How a run ended, and the command line's exit code for it. */
public enum RunOutcome {
    /** The hypothesis held before, during and after. */
    HELD(0),
    /** The hypothesis did not hold during the method or at the final verification. */
    DEVIATED(1),
    /** A stop condition, the kill switch or a signal halted the run; every fault was rolled back (else FAILED). */
    HALTED(1),
    /** The run could not start: pre-flight failed or the baseline did not hold; nothing was injected. */
    ABORTED(3),
    /**
     * Faultline itself failed during the run, or could not undo what it did: a fault not reverted
     * or not confirmed gone, a declared rollback that failed or timed out. The reason says which,
     * and what to do by hand. Never HELD (exit 0) in that case.
     */
    FAILED(3);

    private final int exitCode;

    RunOutcome(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
