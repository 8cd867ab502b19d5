package dev.faultline.app.session;

/**
 * Who starts a session: it names the run to whoever finds the sandbox taken ("faultline run
 * payment-latency-holds", "a run of payment-latency-holds in the Faultline app").
 */
public enum Origin {
    COMMAND_LINE,
    APP;

    String runLease(String experiment) {
        return this == COMMAND_LINE
                ? "faultline run " + experiment
                : "a run of " + experiment + " in the Faultline app";
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
        return this == COMMAND_LINE ? "" : " in the Faultline app";
    }
}
