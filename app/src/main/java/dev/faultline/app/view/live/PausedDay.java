package dev.faultline.app.view.live;

import dev.faultline.engine.spi.run.AfterHalt;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;

/**
 * A GameDay paused after a halted experiment, waiting for the leader's choice.
 *
 * @param index the halted experiment's place in the day, from 0
 * @param next  the next experiment's name; empty when the halted one was the last
 * @param halt  what halted it and when (the engine's reason), and the kill switch's release once given
 */
public record PausedDay(
        int index, int total, String experiment, String next, DayHalt halt, CompletableFuture<AfterHalt> answer) {

    public boolean last() {
        return next.isEmpty();
    }

    /** The same pause, its kill switch released at {@code at} for {@code why}. */
    public PausedDay released(Instant at, String why) {
        return new PausedDay(index, total, experiment, next, halt.released(at, why), answer);
    }

    /**
     * "GameDay paused: experiment 1 of 4 (payment-latency-holds) was halted at 10:42:07 by the
     * kill switch (pressed in the app); released at 10:43:10: all faults gone".
     */
    public String headline(DateTimeFormatter time) {
        return "GameDay paused: experiment " + (index + 1) + " of " + total + " (" + experiment + ") was "
                + halt.describe(time);
    }
}
