package dev.faultline.engine.gameday;

import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.spi.run.AfterHalt;
import dev.faultline.engine.spi.run.RunResult;
import org.jspecify.annotations.Nullable;

/**
 * How a GameDay goes on after one of its experiments was halted: asked on the GameDay's thread,
 * and it may wait for a person (the app's dialog after the kill switch's release, a question on
 * the terminal). {@link AfterHalt#RESUME} and {@link AfterHalt#REPEAT} while the kill switch is
 * still engaged end the day: the policy waits for the release before it answers.
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
     * The day as it always went: the kill switch ends it, an experiment's own stop condition does not
     * (its halt is a result worth having; the day goes on with the next one).
     */
    HaltPolicy AS_BEFORE = h -> h.killSwitch() ? AfterHalt.END : AfterHalt.RESUME;
}
