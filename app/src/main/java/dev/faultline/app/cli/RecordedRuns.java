package dev.faultline.app.cli;

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
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic runs, recorded through the recorders a real run uses ({@link RunRecorder}, {@link
 * GameDayRecorder}) into a Faultline home of their own: what {@link AotTraining} makes reports of, and
 * what {@code faultline report} is timed on (a one-experiment run shaped like {@code
 * payment-latency-holds}: 2 probes, 37 s; a four-hour GameDay of 10 experiments with 20 probes each
 * sampled every second, 288,000 samples, as {@code ReportBenchmark} renders). Never written into a
 * user's home.
 *
 * <p>{@code java -cp app/target/classes:app/target/lib/* dev.faultline.app.cli.RecordedRuns HOME}
 * records both and prints their ids.
 */
public final class RecordedRuns {
    /** The one-experiment run's id. */
    public static final String ONE_RUN = "20261203-090000-payment-latency-holds-bench";
    /** The four-hour GameDay run's id. */
    public static final String FOUR_HOURS = "20261203-090000-four-hour-gameday-bench";

    private static final Instant T0 = Instant.parse("2026-12-03T09:00:00Z");
    private static final String RUNBOOK = """
            apiVersion: faultline.dev/v1
            kind: Experiment
            metadata:
              name: payment-latency-holds
              title: Orders survive slow payments
            spec:
              environment: sandbox
              hypothesis:
                probes:
                  - name: order-success-ratio
                    expect: ">= 90%"
                    metrics:
                      url: http://127.0.0.1:18080/metrics
                      ratio: {of: 'sandbox_orders_total{outcome="ok"}', to: sandbox_orders_total}
              method:
                - name: slow-payments
                  duration: 20s
                  target: {proxy: payments}
                  fault: {type: latency, latency: 150ms, jitter: 50ms}
            """;
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

    private RecordedRuns() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: RecordedRuns FAULTLINE_HOME");
            System.exit(ExitCodes.INVALID_INPUT);
        }
        FaultlineHome home = new FaultlineHome(Path.of(args[0]));
        home.makePrivate();
        try (FaultlineStore store = FaultlineStore.open(home.database())) {
            oneRun(store, home, ONE_RUN);
            gameDay(store, home, FOUR_HOURS, 10, 20, Duration.ofHours(4));
        }
        System.out.println(ONE_RUN);
        System.out.println(FOUR_HOURS);
    }

    private static Experiment experiment() throws Exception {
        return new RunbookLoader().parse(RUNBOOK, "payment-latency-holds.yaml").experiment();
    }

    /** A run of 37 s with 2 probes, as {@code payment-latency-holds} makes it. */
    public static void oneRun(FaultlineStore store, FaultlineHome home, String runId) throws Exception {
        RunRecorder one = new RunRecorder(
                store, new PendingResults(home.pendingResults()), experiment(), RUNBOOK, "a".repeat(64));
        run(
                one,
                runId,
                T0,
                Duration.ofSeconds(37),
                List.of("order-success-ratio", "order-p99-latency"),
                0,
                new Random(42));
        one.close();
        store.syncToDisk();
    }

    /** A GameDay of {@code experiments} runs filling {@code length}, each with {@code probes} probes read every second. */
    public static void gameDay(
            FaultlineStore store, FaultlineHome home, String id, int experiments, int probeCount, Duration length)
            throws Exception {
        Experiment experiment = experiment();
        PendingResults pending = new PendingResults(home.pendingResults());
        Random rnd = new Random(42);
        GameDay day = new RunbookLoader()
                .parseGameDay(GAMEDAY, "four-hour-gameday.yaml")
                .gameDay();
        GameDayRecorder gd = new GameDayRecorder(store.gameDays(), GAMEDAY, "b".repeat(64));
        gd.onGameDayEvent(new GameDayEvent.Started(id, T0, day, List.of(experiment)));
        Duration each = length.dividedBy(experiments);
        List<String> probes = new ArrayList<>();
        for (int p = 0; p < probeCount; p++) {
            probes.add("probe-" + p);
        }
        List<RunResult> results = new ArrayList<>();
        for (int e = 0; e < experiments; e++) {
            String runId = id + "-" + e;
            Instant start = T0.plus(each.multipliedBy(e));
            gd.onGameDayEvent(new GameDayEvent.ExperimentStarted(id, start, e, experiments, experiment, runId));
            RunRecorder r = new RunRecorder(store, pending, experiment, RUNBOOK, "a".repeat(64));
            results.add(run(r, runId, start, each, probes, 30, rnd));
            r.close();
        }
        gd.onGameDayEvent(new GameDayEvent.Finished(
                id, T0.plus(length), day, GameDayOutcome.COMPLETED, "every experiment ran", results));
        store.syncToDisk();
    }

    /** One run: samples every second, the fault in its middle third, {@code notes} extra timeline events. */
    private static RunResult run(
            RunRecorder rec, String runId, Instant start, Duration length, List<String> probes, int notes, Random rnd) {
        int n = (int) length.toSeconds();
        Instant faultFrom = start.plusSeconds(n / 3);
        Instant faultTo = start.plusSeconds(2L * n / 3);
        rec.onEvent(new RunEvent.RunStarted(runId, start, "payment-latency-holds", "sandbox", false));
        rec.onEvent(new RunEvent.PhaseChanged(runId, start, RunPhase.PENDING, RunPhase.BASELINE));
        for (int k = 0; k < notes; k++) {
            rec.onEvent(new RunEvent.StepFinished(
                    runId, start.plusSeconds(k * 40L), "check-" + k, "event " + k + " of " + runId));
        }
        rec.onEvent(new RunEvent.PhaseChanged(runId, faultFrom, RunPhase.BASELINE, RunPhase.INJECT));
        rec.onEvent(new RunEvent.FaultInjected(
                runId, faultFrom, "slow-payments", "f-" + runId, "latency 150ms ± 50ms on proxy/payments"));
        for (int i = 0; i < n; i++) {
            Instant at = start.plusSeconds(i);
            boolean fault = !at.isBefore(faultFrom) && at.isBefore(faultTo);
            RunPhase phase = at.isBefore(faultFrom) ? RunPhase.BASELINE : fault ? RunPhase.INJECT : RunPhase.RECOVERY;
            for (String p : probes) {
                double v = 120 + rnd.nextGaussian() * 10 + (fault ? 60 : 0);
                rec.onEvent(new RunEvent.ProbeSampled(runId, at, new ProbeSample(p, phase, at, v, null, v < 200)));
            }
        }
        rec.onEvent(new RunEvent.FaultReverted(
                runId, faultTo, "slow-payments", "f-" + runId, true, Duration.ofSeconds(4), "confirmed gone"));
        rec.onEvent(new RunEvent.PhaseChanged(runId, faultTo, RunPhase.INJECT, RunPhase.RECOVERY));
        Instant end = start.plus(length);
        List<ProbeResult> figures = probes.stream()
                .map(p -> new ProbeResult(
                        p,
                        "< 200ms",
                        true,
                        new SampleStats(n / 3, 0, 0, 120, 95, 145),
                        new SampleStats(n / 3, 0, 2, 180, 150, 210),
                        new SampleStats(n / 3, 0, 0, 121, 96, 146),
                        0.5,
                        Impact.LOW,
                        true,
                        Duration.ofSeconds(4)))
                .toList();
        RunResult result = new RunResult(
                runId,
                "payment-latency-holds",
                "sandbox",
                RunOutcome.HELD,
                "the hypothesis held",
                start,
                end,
                Impact.LOW,
                figures,
                List.of(new FaultResult(
                        "slow-payments",
                        "local",
                        "proxy/payments",
                        "latency 150ms ± 50ms",
                        faultFrom,
                        faultTo,
                        faultTo.plusMillis(40),
                        true,
                        Duration.ofSeconds(4),
                        "confirmed gone",
                        "")),
                List.of(),
                List.of());
        rec.onEvent(new RunEvent.RunFinished(runId, end, result));
        return result;
    }
}
