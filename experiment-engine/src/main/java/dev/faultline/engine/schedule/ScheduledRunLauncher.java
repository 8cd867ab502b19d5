package dev.faultline.engine.schedule;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** Starts a schedule's run as any other run is started (the app's run session). */
public interface ScheduledRunLauncher {

    /**
     * Starts the run and returns at once; the future completes, never exceptionally, when the run is
     * over or could not start.
     *
     * @param started told the run's id as soon as the run has one
     */
    CompletableFuture<ScheduledOutcome> start(Schedule schedule, Instant due, Consumer<String> started);
}
