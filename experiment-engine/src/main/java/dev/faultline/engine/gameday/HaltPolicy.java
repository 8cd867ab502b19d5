package dev.faultline.engine.gameday;

import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.spi.run.AfterHalt;
import dev.faultline.engine.spi.run.RunResult;
import org.jspecify.annotations.Nullable;

/**
 * How a GameDay goes on after one of its experiments was halted: asked on the GameDay's thread,
 * and it may wait for a person (the app's dialog after the kill switch's release, a question on
 * the terminal). {@link AfterHalt#RESUME} and {@link AfterHalt#REPEAT} while the kill switch is
 * still engaged end the day: the policy waits for the release before it answers. It is not asked
 * about a halt by a stop condition the experiment declares expected ({@code haltExpected}): that
 * day goes on with the next experiment by itself.
 */
@FunctionalInterface
public interface HaltPolicy {

    /**
     * An experiment of the day was halted.
     *
     * @param index      the halted experiment's place in the day, from 0
     * @param result     its run's result; null when the kill switch kept it from starting at all
     * @param killSwitch the kill switch was engaged when the experiment ended
     * @param why        for people: "the kill switch is engaged (smoke)", the run's halt reason
     * @param next       the name of the experiment a resume goes on with; empty when the halted one is the last
     */
    record Halt(
            int index,
            int total,
            Experiment experiment,
            @Nullable RunResult result,
            boolean killSwitch,
            String why,
            String next) {
        public boolean isLast() {
            return index == total - 1;
        }
    }

    AfterHalt decide(Halt halt) throws InterruptedException;

    /**
     * Who answers, for the day's recorded reason when the answer ends it: "ended by the leader after
     * experiment 2 of 4 ...". "the leader" where a person is asked.
     */
    default String decider() {
        return "the halt policy";
    }

    /** A policy that asks {@code decider} (a person: "the leader"; a rule: "--on-halt end"). */
    static HaltPolicy of(String decider, HaltPolicy decide) {
        return new HaltPolicy() {
            @Override
            public AfterHalt decide(Halt halt) throws InterruptedException {
                return decide.decide(halt);
            }

            @Override
            public String decider() {
                return decider;
            }
        };
    }

    /**
     * The day as it always went: the kill switch ends it, an experiment's own stop condition does not
     * (its halt is a result worth having; the day goes on with the next one).
     */
    HaltPolicy AS_BEFORE = of("the kill switch", h -> h.killSwitch() ? AfterHalt.END : AfterHalt.RESUME);
}
