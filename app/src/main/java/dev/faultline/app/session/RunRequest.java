package dev.faultline.app.session;

import dev.faultline.engine.runbook.LoadedRunbook;
import org.jspecify.annotations.Nullable;

/**
 * One experiment to run.
 *
 * @param metricsPort serve Faultline's metrics on 127.0.0.1 on this port (0: any) while it runs; null: not served
 * @param schedule    the schedule that started it, for the notifiers' message; empty: not a scheduled run
 */
public record RunRequest(
        LoadedRunbook runbook,
        Origin origin,
        Notify notifications,
        @Nullable Integer metricsPort,
        String schedule) {

    /** A run nobody scheduled. */
    public RunRequest(LoadedRunbook runbook, Origin origin, Notify notifications, @Nullable Integer metricsPort) {
        this(runbook, origin, notifications, metricsPort, "");
    }
}
