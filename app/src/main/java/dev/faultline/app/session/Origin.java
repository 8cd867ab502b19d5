package dev.faultline.app.session;

/**
 * Who starts a session: it names the run to whoever finds the sandbox taken ("faultline run
 * payment-latency-holds", "a run of payment-latency-holds in the Faultline app", "a scheduled run of
 * payment-latency-holds (faultline scheduler)").
 */
public enum Origin {
    COMMAND_LINE,
    APP,
    /** {@code faultline scheduler}: a schedule's run. */
    SCHEDULER;

    String runLease(String experiment) {
        return switch (this) {
            case COMMAND_LINE -> "faultline run " + experiment;
            case APP -> "a run of " + experiment + " in the Faultline app";
            case SCHEDULER -> "a scheduled run of " + experiment + " (faultline scheduler)";
        };
    }

    String runNow(String runId, String experiment) {
        return "run " + runId + " of " + experiment + suffix();
    }

    String gameDayLease(String gameDay) {
        return this == COMMAND_LINE
                ? "faultline gameday run " + gameDay
                : "GameDay " + gameDay + " in the Faultline app";
    }

    String gameDayNow(String gameDayRunId, String gameDay) {
        return "GameDay " + gameDayRunId + " (" + gameDay + ")" + suffix();
    }

    private String suffix() {
        return switch (this) {
            case COMMAND_LINE -> "";
            case APP -> " in the Faultline app";
            case SCHEDULER -> " (faultline scheduler)";
        };
    }
}
