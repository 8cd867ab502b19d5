package dev.faultline.app.fx;

import dev.faultline.app.Composition;
import dev.faultline.app.view.live.LiveRunViewModel;
import dev.faultline.app.view.live.RunCoordinator;
import dev.faultline.engine.gameday.HaltPolicy;
import dev.faultline.engine.safety.KillSwitch;
import dev.faultline.engine.safety.KillSwitchEngagedException;
import dev.faultline.engine.spi.run.AfterHalt;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javafx.application.Platform;

/**
 * Runs a saved GameDay from the app: every experiment in order, each shown live as it starts; after
 * a halt the day's thread waits for the leader's choice in the live view. Also says why nothing may
 * start while the kill switch is engaged.
 */
final class GameDayRuns {
    private final Composition composition;
    private final RunStarter starter;
    private final RunCoordinator runs;
    private final LiveRunViewModel live;
    private final Runnable showLive;

    GameDayRuns(
            Composition composition,
            RunStarter starter,
            RunCoordinator runs,
            LiveRunViewModel live,
            Runnable showLive) {
        this.composition = composition;
        this.starter = starter;
        this.runs = runs;
        this.live = live;
        this.showLive = showLive;
    }

    /** Runs {@code file}: the plan and each result in the live view; after a halt the day pauses there. */
    void run(Path file) {
        GameDayStarter days = new GameDayStarter(composition, starter);
        runs.start(
                file.getFileName().toString(),
                (bridge, say) -> days.task(
                        file,
                        e -> Platform.runLater(() -> live.begin(e, Instant.now())),
                        bridge,
                        ev -> {
                            Platform.runLater(() -> live.acceptDay(ev));
                            say.accept(GameDayStarter.describe(ev));
                        },
                        say,
                        HaltPolicy.of("the leader", this::askAfterHalt)));
    }

    /** The GameDay's thread waits here for the leader's choice in the live view (a stop interrupts it). */
    private AfterHalt askAfterHalt(HaltPolicy.Halt h) throws InterruptedException {
        CompletableFuture<AfterHalt> answer = new CompletableFuture<>();
        LiveRunViewModel.PausedDay paused = new LiveRunViewModel.PausedDay(
                h.index(), h.total(), h.experiment().name(), h.next(), h.why(), answer);
        Platform.runLater(() -> {
            live.pause(paused);
            showLive.run();
        });
        try {
            return answer.get();
        } catch (ExecutionException e) {
            return AfterHalt.END;
        } finally {
            Platform.runLater(live::unpause);
        }
    }

    /** Why nothing may start now (the kill switch is engaged, here or in another Faultline), said before anything starts. */
    static Optional<String> refusedWhileEngaged(KillSwitch killSwitch) {
        try {
            killSwitch.ensureReleased();
            return Optional.empty();
        } catch (KillSwitchEngagedException e) {
            return Optional.of(
                    e.getMessage()
                            .replace(
                                    "faultline release --reason \"...\"",
                                    "press HALTED — Release… (or Kill switch > Release), say why it is safe, then start again"));
        }
    }
}
