package dev.faultline.engine.schedule;

import dev.faultline.engine.FaultlineException;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Where schedules and their decisions are kept (the store's {@code ScheduleStore}). */
public interface ScheduleBook {

    /** Every schedule with its state, by name. */
    List<ScheduleEntry> entries() throws FaultlineException;

    /**
     * Records a decision about the cron time {@code fire} and moves the schedule's last fire to it, only
     * if nobody decided since {@code version} was read: false when another scheduler did (then this
     * one does nothing about it).
     */
    boolean decide(String schedule, long version, Instant fire, ScheduleDecision decision) throws FaultlineException;

    /** Records what the run a decision started became; {@code runId} null when it never started. */
    void finished(String schedule, @Nullable String runId, String outcome, ScheduleDecision decision)
            throws FaultlineException;

    /** Records that the run {@code runId} of the schedule has started (its outcome RUNNING until it ends). */
    void started(String schedule, String runId) throws FaultlineException;
}
