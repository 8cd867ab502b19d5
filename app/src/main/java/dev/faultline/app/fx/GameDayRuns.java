package dev.faultline.app.fx;

import dev.faultline.app.Composition;
import dev.faultline.app.view.live.DayHalt;
import dev.faultline.app.view.live.LiveRunViewModel;
import dev.faultline.app.view.live.PausedDay;
import dev.faultline.app.view.live.RunCoordinator;
import dev.faultline.engine.gameday.HaltPolicy;
import dev.faultline.engine.safety.KillSwitch;
import dev.faultline.engine.safety.KillSwitchEngagedException;
import dev.faultline.engine.safety.KillSwitchListener;
import dev.faultline.engine.spi.run.AfterHalt;
import dev.faultline.engine.spi.run.HaltReason;
import dev.faultline.engine.spi.run.RunEvent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import org.jspecify.annotations.Nullable;

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
    /** The last run's halt, as the engine said it (seen on the run's thread, before the day asks). */
    private final AtomicReference<RunEvent.@Nullable Halted> lastHalt = new AtomicReference<>();
    /** The kill switch's last press here, as it was given. */
    private final AtomicReference<@Nullable DayHalt> lastEngaged = new AtomicReference<>();

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
        // the switch's own words when it was pressed, and its release: a paused day says when and why
        composition.killSwitch.addListener(new KillSwitchListener() {
            @Override
            public void engaged(HaltReason reason) {
                lastEngaged.set(new DayHalt(reason, Instant.now()));
            }

            @Override
            public void released(String reason) {
                Instant at = Instant.now();
                Platform.runLater(() -> live.released(at, reason));
            }
        });
    }

    /** Runs {@code file}: the plan and each result in the live view; after a halt the day pauses there. */
    void run(Path file) {
        GameDayStarter days = new GameDayStarter(composition, starter);
        runs.start(
                file.getFileName().toString(),
                (bridge, say) -> days.task(
                        file,
                        e -> Platform.runLater(() -> live.begin(e, Instant.now())),
                        ev -> {
                            if (ev instanceof RunEvent.Halted h) {
                                lastHalt.set(h);
                            }
                            bridge.onEvent(ev);
                        },
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
        PausedDay paused = new PausedDay(h.index(), h.total(), h.experiment().name(), h.next(), haltOf(h), answer);
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

    /**
     * What halted the experiment, as the engine said it: the run's own halt event (the kill switch,
     * a stop condition, its method), or, when the kill switch kept it from starting, the switch's
     * engagement.
     */
    private DayHalt haltOf(HaltPolicy.Halt h) {
        RunEvent.Halted seen = lastHalt.get();
        if (seen != null && h.result() != null && seen.runId().equals(h.result().runId())) {
            return new DayHalt(seen.reason(), seen.at());
        }
        DayHalt engaged = lastEngaged.get();
        if (h.killSwitch() && engaged != null) {
            return engaged;
        }
        return new DayHalt(
                new HaltReason(h.killSwitch() ? HaltReason.Source.KILL_SWITCH : HaltReason.Source.METHOD, h.why()),
                h.result() != null ? h.result().endedAt() : Instant.now());
    }

    /** Why nothing may start now (the kill switch is engaged, here or in another Faultline), said before anything starts. */
    static Optional<String> refusedWhileEngaged(KillSwitch killSwitch, java.time.ZoneId zone) {
        try {
            killSwitch.ensureReleased();
            return Optional.empty();
        } catch (KillSwitchEngagedException e) {
            return Optional.of(refusal(e.engagement(), zone));
        }
    }

    /**
     * "the kill switch is engaged since 11:21:14 (pressed in the app); ...": the time in the user's zone
     * (the engine's sentence says the instant in UTC, "2026-12-07T11:21:14Z", for the command line's logs).
     */
    static String refusal(dev.faultline.engine.safety.KillSwitchLatch.Engagement e, java.time.ZoneId zone) {
        java.time.ZonedDateTime at = e.at().atZone(zone);
        String since = java.time.format.DateTimeFormatter.ofPattern(
                        at.toLocalDate().equals(java.time.LocalDate.now(zone)) ? "HH:mm:ss" : "yyyy-MM-dd HH:mm:ss")
                .format(at);
        return "the kill switch is engaged since " + since + " (" + e.detail() + "); no run starts until someone"
                + " releases it: press HALTED — Release… (or Kill switch > Release), say why it is safe, then start"
                + " again";
    }
}
