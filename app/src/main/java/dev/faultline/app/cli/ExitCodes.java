package dev.faultline.app.cli;

/** The command line's exit codes, documented in docs/cli.md. */
public final class ExitCodes {
    /** The hypothesis held (run), every file is valid (validate), everything recovered (recover). */
    public static final int OK = 0;
    /** The hypothesis deviated or the run was halted; recover: something could not be reverted. */
    public static final int DEVIATED_OR_HALTED = 1;
    /** Invalid input: a runbook error, an unknown option or environment. */
    public static final int INVALID_INPUT = 2;
    /** Could not run: pre-flight or baseline failed, the kill switch is engaged, Faultline failed. */
    public static final int COULD_NOT_RUN = 3;

    private ExitCodes() {}
}
