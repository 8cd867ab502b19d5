package dev.faultline.reports.bench;

import dev.faultline.engine.model.Participant;
import dev.faultline.engine.report.ActionItem;
import dev.faultline.engine.report.Report;
import dev.faultline.engine.report.ResilienceScore;
import dev.faultline.engine.report.Retrospective;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A four-hour GameDay report: 10 experiments of 24 minutes, each with 20 probes sampled every second. */
public final class SyntheticGameDay {
    private SyntheticGameDay() {}

    public static Report fourHours(int experiments, int probes) {
        Instant t0 = Instant.parse("2026-12-03T09:00:00Z");
        Duration each = Duration.ofHours(4).dividedBy(experiments);
        Random rnd = new Random(42);
        List<Report.Experiment> list = new ArrayList<>();
        List<Report.TimelineEntry> timeline = new ArrayList<>();
        for (int e = 0; e < experiments; e++) {
            Instant start = t0.plus(each.multipliedBy(e));
            int n = (int) each.toSeconds();
            List<Report.Series> series = new ArrayList<>();
            List<Report.ProbeFigures> figures = new ArrayList<>();
            for (int p = 0; p < probes; p++) {
                long[] at = new long[n];
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    at[i] = start.plusSeconds(i).toEpochMilli();
                    boolean fault = i > n / 3 && i < 2 * n / 3;
                    v[i] = 120 + rnd.nextGaussian() * 10 + (fault ? 60 : 0);
                }
                series.add(new Report.Series("probe-" + p, "< 200ms", Double.NEGATIVE_INFINITY, 200, at, v));
                figures.add(new Report.ProbeFigures(
                        "probe-" + p, "< 200ms", true, 120, 180, 121, 0.5, "MEDIUM", true, 4000L));
            }
            Instant faultFrom = start.plusSeconds(n / 3);
            Instant faultTo = start.plusSeconds(2L * n / 3);
            for (int k = 0; k < 30; k++) {
                timeline.add(new Report.TimelineEntry(
                        start.plusSeconds(k * 40L), "run-" + e, "phase", "event " + k + " of experiment " + e));
            }
            list.add(new Report.Experiment(
                    "run-" + e,
                    "experiment-" + e,
                    "HELD",
                    "the hypothesis held",
                    start,
                    start.plus(each),
                    "MEDIUM",
                    figures,
                    List.of(new Report.FaultSpan("slow", "proxy/payments", "latency 150ms", faultFrom, faultTo)),
                    series,
                    null,
                    88.0,
                    new ResilienceScore.Explanation(
                            88, 1, 0.7, 0, false, "88 = 60% × 2 of 2 probes held (100%) + 40% × recovery (70%)."),
                    List.of()));
        }
        return new Report(
                "gd-bench",
                true,
                "bench-day",
                "Four-hour GameDay 🚀 四小时",
                "Synthetic, for the benchmark.",
                "sandbox",
                "COMPLETED",
                "all ran",
                t0,
                t0,
                t0.plus(Duration.ofHours(4)),
                List.of("Measure reports"),
                List.of(new Participant("Zoë", Participant.Role.LEADER)),
                list,
                timeline,
                new Retrospective(
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(new ActionItem(
                                1, "gd-bench", null, "Faster reports", "Zoë", null, ActionItem.Status.OPEN, "", t0))),
                List.of(),
                88.0,
                List.<ResilienceScore.Point>of(),
                t0,
                ZoneId.of("Europe/Berlin"),
                List.of());
    }
}
