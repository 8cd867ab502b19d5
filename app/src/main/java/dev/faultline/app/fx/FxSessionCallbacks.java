package dev.faultline.app.fx;

import dev.faultline.app.session.SessionCallbacks;
import dev.faultline.engine.gameday.GameDayListener;
import dev.faultline.engine.gameday.HaltPolicy;
import dev.faultline.engine.runbook.LoadedRunbook;
import dev.faultline.engine.spi.run.AfterHalt;
import dev.faultline.engine.spi.run.GameDayEvent;
import dev.faultline.engine.spi.run.RunEvent;
import dev.faultline.engine.spi.run.RunListener;
import java.util.function.Consumer;

/**
 * A run session in the app: lines and warnings to the live view's log, run events to its bridge
 * (which moves them onto the FX thread), production confirmed in a dialog that waits for the person.
 */
final class FxSessionCallbacks implements SessionCallbacks {
    private final RunListener runs;
    private final GameDayListener day;
    private final Consumer<LoadedRunbook> experimentStarting;
    private final Consumer<String> say;
    private final HaltPolicy onHalt;

    FxSessionCallbacks(
            RunListener runs, GameDayListener day, Consumer<LoadedRunbook> experimentStarting, Consumer<String> say) {
        this(runs, day, experimentStarting, say, HaltPolicy.AS_BEFORE);
    }

    /** @param onHalt asked after a GameDay's experiment was halted (the live view's paused-day question) */
    FxSessionCallbacks(
            RunListener runs,
            GameDayListener day,
            Consumer<LoadedRunbook> experimentStarting,
            Consumer<String> say,
            HaltPolicy onHalt) {
        this.runs = runs;
        this.day = day;
        this.experimentStarting = experimentStarting;
        this.say = say;
        this.onHalt = onHalt;
    }

    @Override
    public AfterHalt afterHalt(HaltPolicy.Halt halt) throws InterruptedException {
        return onHalt.decide(halt);
    }

    @Override
    public String haltDecider() {
        return onHalt.decider();
    }

    @Override
    public boolean confirmProduction(String environment, Subject subject) throws InterruptedException {
        return ProductionConfirmation.ask(
                environment, subject.gameDay() ? "GameDay " + subject.title() : subject.name());
    }

    @Override
    public void say(String line) {
        say.accept(line);
    }

    @Override
    public void warn(String line) {
        say.accept(line);
    }

    @Override
    public void experimentStarting(LoadedRunbook runbook) {
        experimentStarting.accept(runbook);
    }

    @Override
    public void onEvent(RunEvent event) {
        runs.onEvent(event);
    }

    @Override
    public void onGameDayEvent(GameDayEvent event) {
        day.onGameDayEvent(event);
    }
}
