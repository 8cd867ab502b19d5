package dev.faultline.app.cli.bench;

import dev.faultline.engine.env.FaultlineHome;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.GameDay;
import dev.faultline.engine.runbook.RunbookLoader;
import dev.faultline.engine.spi.run.FaultResult;
import dev.faultline.engine.spi.run.GameDayEvent;
import dev.faultline.engine.spi.run.GameDayOutcome;
import dev.faultline.engine.spi.run.Impact;
import dev.faultline.engine.spi.run.ProbeResult;
import dev.faultline.engine.spi.run.ProbeSample;
import dev.faultline.engine.spi.run.RunEvent;
import dev.faultline.engine.spi.run.RunOutcome;
import dev.faultline.engine.spi.run.RunPhase;
import dev.faultline.engine.spi.run.RunResult;
import dev.faultline.engine.spi.run.SampleStats;
import dev.faultline.engine.store.FaultlineStore;
import dev.faultline.engine.store.GameDayRecorder;
import dev.faultline.engine.store.PendingResults;
import dev.faultline.engine.store.RunRecorder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Records, in a Faultline home, the runs that {@code faultline report} is timed on: a one-experiment
 * run shaped like {@code payment-latency-holds} (2 probes, 37 s) and a four-hour GameDay of 10
 * experiments with 20 probes each sampled every second (288,000 samples, as {@code ReportBenchmark}
 * renders). They go through the recorders a real run uses ({@link RunRecorder}, {@link GameDayRecorder}).
 *
 * <p>Run: {@code java -cp app/target/test-classes:app/target/classes:app/target/lib/* \
 * dev.faultline.app.cli.bench.RecordedReports HOME}; it prints the ids to report on.
 */
public final class RecordedReports {
    /** The one-experiment run's id. */
    public static final String ONE_RUN = "20261203-090000-payment-latency-holds-bench";
    /** The four-hour GameDay run's id. */
    public static final String FOUR_HOURS = "20261203-090000-four-hour-gameday-bench";

    private static final Instant T0 = Instant.parse("2026-12-03T09:00:00Z");
    private static final String GAMEDAY = """
            apiVersion: faultline.dev/v1
            kind: GameDay
            metadata:
              name: four-hour-gameday
              title: Four-hour GameDay 🚀 四小时
              description: Ten experiments on the shop, one after the other, for the report timings.
            spec:
              environment: sandbox
              schedule:
                start: "2026-12-03T10:00"
                zone: Europe/Berlin
              objectives:
                - Orders keep succeeding while payments are slow
              participants:
                - {name: Zoë Ångström, role: leader}
                - {name: 山田太郎, role: operator}
              experiments:
                - payment-latency-holds.yaml
            """;

    private RecordedReports() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: RecordedReports FAULTLINE_HOME");
            System.exit(2);
        }
        FaultlineHome home = new FaultlineHome(Path.of(args[0]));
        home.makePrivate();
        try (FaultlineStore store = FaultlineStore.open(home.database())) {
            record(store, home);
        }
        System.out.println(ONE_RUN);
        System.out.println(FOUR_HOURS);
    }

    /** Records both in {@code store}. */
    public static void record(FaultlineStore store, FaultlineHome home) throws Exception {
        Path runbook = Path.of(System.getProperty("faultline.runbooks", "runbooks"), "sandbox",
                "payment-latency-holds.yaml");
        String text = Files.readString(runbook);
        Experiment experiment = new RunbookLoader().parse(text, runbook.toString()).experiment();
        PendingResults pending = new PendingResults(home.pendingResults());
        Random rnd = new Random(42);

        RunRecorder one = new RunRecorder(store, pending, experiment, text, "a".repeat(64));
        run(one, ONE_RUN, T0, Duration.ofSeconds(37), List.of("order-success-ratio", "order-p99-latency"), 0, rnd);
        one.close();

        GameDay day = new RunbookLoader().parseGameDay(GAMEDAY, "four-hour-gameday.yaml").gameDay();
        GameDayRecorder gd = new GameDayRecorder(store.gameDays(), GAMEDAY, "b".repeat(64));
        gd.onGameDayEvent(new GameDayEvent.Started(FOUR_HOURS, T0, day, List.of(experiment)));
        int experiments = 10;
        Duration each = Duration.ofHours(4).dividedBy(experiments);
        List<String> probes = new ArrayList<>();
        for (int p = 0; p < 20; p++) {
            probes.add("probe-" + p);
        }
        List<RunResult> results = new ArrayList<>();
        for (int e = 0; e < experiments; e++) {
            String runId = FOUR_HOURS + "-" + e;
            Instant start = T0.plus(each.multipliedBy(e));
            gd.onGameDayEvent(new GameDayEvent.ExperimentStarted(FOUR_HOURS, start, e, experiments, experiment, runId));
            RunRecorder r = new RunRecorder(store, pending, experiment, text, "a".repeat(64));
            results.add(run(r, runId, start, each, probes, 30, rnd));
            r.close();
        }
        gd.onGameDayEvent(new GameDayEvent.Finished(FOUR_HOURS, T0.plus(Duration.ofHours(4)), day,
                GameDayOutcome.COMPLETED, "every experiment ran", results));
        store.syncToDisk();
    }

    /** One run: samples every second, the fault in its middle third, {@code notes} extra timeline events. */
    private static RunResult run(RunRecorder rec, String runId, Instant start, Duration length, List<String> probes,
                                 int notes, Random rnd) {
        int n = (int) length.toSeconds();
        Instant faultFrom = start.plusSeconds(n / 3);
        Instant faultTo = start.plusSeconds(2L * n / 3);
        rec.onEvent(new RunEvent.RunStarted(runId, start, "payment-latency-holds", "sandbox", false));
        rec.onEvent(new RunEvent.PhaseChanged(runId, start, RunPhase.PENDING, RunPhase.BASELINE));
        for (int k = 0; k < notes; k++) {
            rec.onEvent(new RunEvent.StepFinished(runId, start.plusSeconds(k * 40L), "check-" + k, "event " + k
                    + " of " + runId));
        }
        rec.onEvent(new RunEvent.PhaseChanged(runId, faultFrom, RunPhase.BASELINE, RunPhase.INJECT));
        rec.onEvent(new RunEvent.FaultInjected(runId, faultFrom, "slow-payments", "f-" + runId,
                "latency 150ms ± 50ms on proxy/payments"));
        for (int i = 0; i < n; i++) {
            Instant at = start.plusSeconds(i);
            boolean fault = !at.isBefore(faultFrom) && at.isBefore(faultTo);
            RunPhase phase = at.isBefore(faultFrom) ? RunPhase.BASELINE : fault ? RunPhase.INJECT : RunPhase.RECOVERY;
            for (String p : probes) {
                double v = 120 + rnd.nextGaussian() * 10 + (fault ? 60 : 0);
                rec.onEvent(new RunEvent.ProbeSampled(runId, at, new ProbeSample(p, phase, at, v, null, v < 200)));
            }
        }
        rec.onEvent(new RunEvent.FaultReverted(runId, faultTo, "slow-payments", "f-" + runId, true, Duration.ofSeconds(4),
                "confirmed gone"));
        rec.onEvent(new RunEvent.PhaseChanged(runId, faultTo, RunPhase.INJECT, RunPhase.RECOVERY));
        Instant end = start.plus(length);
        List<ProbeResult> figures = probes.stream().map(p -> new ProbeResult(p, "< 200ms", true,
                new SampleStats(n / 3, 0, 0, 120, 95, 145), new SampleStats(n / 3, 0, 2, 180, 150, 210),
                new SampleStats(n / 3, 0, 0, 121, 96, 146), 0.5, Impact.LOW, true, Duration.ofSeconds(4))).toList();
        RunResult result = new RunResult(runId, "payment-latency-holds", "sandbox", RunOutcome.HELD, "the hypothesis held",
                start, end, Impact.LOW, figures, List.of(new FaultResult("slow-payments", "local", "proxy/payments",
                "latency 150ms ± 50ms", faultFrom, faultTo, faultTo.plusMillis(40), true, Duration.ofSeconds(4),
                "confirmed gone", "")), List.of(), List.of());
        rec.onEvent(new RunEvent.RunFinished(runId, end, result));
        return result;
    }
}
