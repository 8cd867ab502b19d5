package dev.faultline.engine.gameday;

import dev.faultline.engine.spi.run.AfterHalt;
import org.jspecify.annotations.Nullable;

/**
 * One step of a GameDay as it went, in order: an experiment's run (a repeated experiment has a step
 * per attempt) or an experiment that did not run.
 *
 * @param index      the experiment's place in the day, from 0
 * @param runId      its run; null when it was skipped
 * @param attempt    1, or 2, 3, ... when the leader repeated it after a halt
 * @param afterHalt  what the leader chose after this run was halted; null when it was not halted
 * @param note       why it was skipped, or how it was halted; empty otherwise
 */
public record GameDayStep(
        int index,
        String experiment,
        @Nullable String runId,
        int attempt,
        @Nullable AfterHalt afterHalt,
        String note) {
    /** How the note of a step begins whose halt was the outcome its experiment expected ({@code haltExpected}). */
    public static final String HALTED_AS_EXPECTED = "halted as expected by ";

    public boolean skipped() {
        return runId == null;
    }

    public boolean repeated() {
        return attempt > 1;
    }

    /** Halted by the stop condition its experiment declares expected: passed, and the day went on by itself. */
    public boolean haltedAsExpected() {
        return afterHalt == AfterHalt.RESUME && note.startsWith(HALTED_AS_EXPECTED);
    }

    /** This step with the leader's choice after its halt. */
    public GameDayStep decided(AfterHalt decision, String halt) {
        return new GameDayStep(index, experiment, runId, attempt, decision, halt);
    }

    /** For people: "3 checkout-outage (repeat 2): halted, then resumed" / "4 db-failover: skipped (...)". */
    public String describe() {
        StringBuilder b = new StringBuilder().append(index + 1).append(' ').append(experiment);
        if (attempt > 1) {
            b.append(" (repeat ").append(attempt).append(')');
        }
        if (skipped()) {
            return b.append(": skipped")
                    .append(note.isEmpty() ? "" : " (" + note + ")")
                    .toString();
        }
        if (haltedAsExpected()) {
            return b.append(": ").append(note).append(", passed as expected").toString();
        }
        if (afterHalt != null) {
            b.append(": halted, then ")
                    .append(
                            switch (afterHalt) {
                                case RESUME -> "resumed with the next experiment";
                                case REPEAT -> "repeated";
                                case END -> "the day was ended";
                            });
        }
        return b.toString();
    }
}
