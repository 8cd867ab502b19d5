package dev.faultline.app.session;

import dev.faultline.engine.gameday.GameDayListener;
import dev.faultline.engine.gameday.HaltPolicy;
import dev.faultline.engine.runbook.LoadedRunbook;
import dev.faultline.engine.spi.run.AfterHalt;
import dev.faultline.engine.spi.run.GameDayEvent;
import dev.faultline.engine.spi.run.RunEvent;
import dev.faultline.engine.spi.run.RunListener;

/**
 * What a {@link RunSession} asks of and tells the person who started it: the command line prints,
 * the app moves it onto the FX thread. Every method is called on a session's or a run's thread,
 * never the FX thread.
 */
public interface SessionCallbacks extends RunListener, GameDayListener {

    /** What a production confirmation is asked for. */
    record Subject(boolean gameDay, String name, String title) {}

    /**
     * Asked before anything runs in a production environment; false and nothing runs. May wait for
     * a person.
     */
    boolean confirmProduction(String environment, Subject subject) throws InterruptedException;

    /**
     * Called once the environment is known, before the production question and the sandbox (the
     * command line recovers here what a crashed Faultline left behind; the app did at its start).
     */
    default void beforeStart() throws RunRefused {}

    /** A line for people: the sandbox starting, the notifiers on, the report written. */
    void say(String line);

    /** Something is wrong and the session goes on without it (a notifier, the report, the halt socket). */
    void warn(String line);

    /**
     * Asked on the GameDay's thread after one of its experiments was halted (the kill switch, its stop
     * condition): resume with the next experiment, repeat the halted one, or end the day. It may wait
     * for a person, and for the kill switch's release. By default the day goes on as it always did:
     * the kill switch ends it, a stop condition does not ({@link HaltPolicy#AS_BEFORE}).
     */
    default AfterHalt afterHalt(HaltPolicy.Halt halt) throws InterruptedException {
        return HaltPolicy.AS_BEFORE.decide(halt);
    }

    /** Who answers {@link #afterHalt} ("the leader" where a person is asked), for the day's reason when it ends it. */
    default String haltDecider() {
        return HaltPolicy.AS_BEFORE.decider();
    }

    /** Told before each experiment's run starts (one for a run, each in turn for a GameDay). */
    default void experimentStarting(LoadedRunbook runbook) {}

    /** Every event of every run of the session (progress). */
    @Override
    default void onEvent(RunEvent event) {}

    /** Every event of the GameDay (progress). */
    @Override
    default void onGameDayEvent(GameDayEvent event) {}
}
