package dev.faultline.engine.testkit;

import static dev.faultline.engine.testkit.ExperimentBuilder.experiment;
import static dev.faultline.engine.testkit.ExperimentBuilder.probe;

import dev.faultline.engine.gameday.GameDayListener;
import dev.faultline.engine.gameday.GameDayResult;
import dev.faultline.engine.gameday.GameDayRunner;
import dev.faultline.engine.model.Checklist;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.GameDay;
import dev.faultline.engine.model.Participant;
import dev.faultline.engine.model.Tolerance;
import dev.faultline.engine.model.Tolerance.Op;
import dev.faultline.engine.report.ActionItem;
import dev.faultline.engine.report.ExperimentOutcome;
import dev.faultline.engine.report.Finding;
import dev.faultline.engine.report.Lesson;
import dev.faultline.engine.report.Severity;
import dev.faultline.engine.runbook.GameDayWriter;
import dev.faultline.engine.spi.run.RunListener;
import dev.faultline.engine.store.FaultlineStore;
import dev.faultline.engine.store.GameDayRecorder;
import dev.faultline.engine.store.PendingResults;
import dev.faultline.engine.store.RetroStore;
import dev.faultline.engine.store.RunRecorder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real GameDay run on the simulated system, recorded in a real H2 database, with a retrospective
 * full of non-ASCII text: what report and retrospective tests work on.
 */
public final class RecordedGameDay {
    public static final String NOTE = "Zoë saw the 注文 dashboard go red 🔥 at once";

    private RecordedGameDay() {}

    public static GameDay plan(int experiments) {
        return new GameDay(
                "checkout-day",
                "Checkout GameDay 🚀 結帳の日",
                "Slow payments, twice. Ünïcödé everywhere.",
                List.of("Orders survive slow payments", "Our alert fires within a minute 🔔"),
                Instant.parse("2026-12-03T09:00:00Z"),
                ZoneId.of("Europe/Berlin"),
                "test",
                List.of(
                        new Participant("Zoë Ångström", Participant.Role.LEADER, "U012ABCDEF"),
                        new Participant("山田太郎", Participant.Role.OPERATOR, "U0OPERATOR"),
                        new Participant("Ken", Participant.Role.ON_CALL, "U0ONCALL1")),
                java.util.stream.IntStream.range(0, experiments)
                        .mapToObj(i -> "e" + i + ".yaml")
                        .toList(),
                Checklist.EMPTY);
    }

    /** Runs the GameDay, records it, returns its result. */
    public static GameDayResult run(
            FaultlineStore store,
            Path home,
            TestRig rig,
            SimulatedSystem system,
            List<GameDayListener> more,
            List<RunListener> runMore)
            throws Exception {
        GameDay day = plan(2);
        Experiment holds = experiment()
                .probe(probe("p99", "latency", new Tolerance.Threshold(Op.LT, 200)))
                .fault("slow-payments", 0, Duration.ofMillis(300), "payments")
                .build();
        String text = new GameDayWriter().toYaml(day);
        List<GameDayListener> listeners = new ArrayList<>();
        listeners.add(new GameDayRecorder(store.gameDays(), text, "c".repeat(64)));
        listeners.addAll(more);
        PendingResults pending = new PendingResults(home.resolve("pending"));
        GameDayRunner.Handle h = new GameDayRunner(rig.runner, rig.killSwitch, Clock.systemUTC())
                .start(day, List.of(holds, holds), TestRig.environment(), listeners, e -> {
                    List<RunListener> l = new ArrayList<>();
                    l.add(new RunRecorder(store, pending, e, "apiVersion: faultline.dev/v1\n", "d".repeat(64)));
                    l.addAll(runMore);
                    return l;
                });
        GameDayResult r = h.result().get(60, TimeUnit.SECONDS);
        store.sampleWriter().flush();
        return r;
    }

    /** Records a retrospective for the GameDay run. */
    public static void retrospective(FaultlineStore store, GameDayResult r) throws Exception {
        RetroStore retro = store.retro();
        String run0 = r.results().get(0).runId();
        Instant now = Instant.now();
        var obs = retro.addObservation(run0, r.results().get(0).startedAt().plusMillis(100), "Zoë", NOTE);
        retro.addObservation(r.gameDayRunId(), now, "scribe", "x".repeat(200_000) + " the end");
        Finding f = retro.addFinding(new Finding(
                0,
                r.gameDayRunId(),
                run0,
                "p99",
                obs.id(),
                "Retries hide slow payments",
                "p99 rose by 50% (注文 slower)",
                "p99 under 200 ms",
                Severity.HIGH,
                now));
        retro.setOutcome(
                new ExperimentOutcome(
                        run0,
                        ExperimentOutcome.Verdict.PASSED,
                        true,
                        Duration.ofSeconds(42),
                        true,
                        Duration.ofMinutes(3),
                        "alert fired 🔔"),
                now);
        retro.addLesson(r.gameDayRunId(), Lesson.Kind.WENT_WELL, "The kill switch was in reach all day", now);
        retro.addLesson(r.gameDayRunId(), Lesson.Kind.SURPRISE, "支払いの再試行が多すぎる", now);
        retro.addActionItem(new ActionItem(
                0,
                r.gameDayRunId(),
                f.id(),
                "Cap payment retries at 2",
                "山田太郎",
                LocalDate.of(2026, 12, 20),
                ActionItem.Status.OPEN,
                "https://tickets.example.com/SHOP-42",
                now));
    }
}
