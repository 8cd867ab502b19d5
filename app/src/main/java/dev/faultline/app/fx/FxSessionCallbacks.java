package dev.faultline.app.fx;

import dev.faultline.app.session.SessionCallbacks;
import dev.faultline.engine.gameday.GameDayListener;
import dev.faultline.engine.runbook.LoadedRunbook;
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

    FxSessionCallbacks(
            RunListener runs, GameDayListener day, Consumer<LoadedRunbook> experimentStarting, Consumer<String> say) {
        this.runs = runs;
        this.day = day;
        this.experimentStarting = experimentStarting;
        this.say = say;
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
