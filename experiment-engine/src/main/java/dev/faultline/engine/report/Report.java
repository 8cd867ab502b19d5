package dev.faultline.engine.report;

import dev.faultline.engine.model.Participant;
import dev.faultline.engine.spi.run.RolloutResult;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Everything a GameDay (or single run) report shows, gathered from the database once, rendered by
 * each format (Markdown, JSON here; HTML and PDF in the reports module). Times are instants; the
 * renderers show them in {@link #zone}, naming it.
 *
 * @param subjectId      the GameDay run's or the run's id
 * @param scheduledStart null for a single run
 * @param openEarlier    open action items of earlier GameDays, for planning the next one
 * @param skipped        the GameDay's planned experiments that never started, in plan order
 */
public record Report(
        String subjectId,
        boolean gameDay,
        String name,
        String title,
        String description,
        String environment,
        String status,
        String reason,
        @Nullable Instant scheduledStart,
        Instant startedAt,
        @Nullable Instant endedAt,
        List<String> objectives,
        List<Participant> participants,
        List<Experiment> experiments,
        List<TimelineEntry> timeline,
        Retrospective retro,
        List<ActionItem> openEarlier,
        @Nullable Double score,
        List<ResilienceScore.Point> trend,
        Instant generatedAt,
        ZoneId zone,
        List<Skipped> skipped) {
    public Report {
        Objects.requireNonNull(subjectId, "subjectId");
        objectives = List.copyOf(objectives);
        participants = List.copyOf(participants);
        experiments = List.copyOf(experiments);
        timeline = List.copyOf(timeline);
        openEarlier = List.copyOf(openEarlier);
        trend = List.copyOf(trend);
        skipped = List.copyOf(skipped);
    }

    /** A planned experiment of the GameDay that did not start: its runbook as the plan names it. */
    public record Skipped(int position, String runbook) {
        /** "payment-pause-recovers" for "payment-pause-recovers.yaml". */
        public String name() {
            String file = runbook.substring(runbook.lastIndexOf('/') + 1);
            return file.replaceFirst("\\.ya?ml$", "");
        }
    }

    /**
     * One experiment's run in the report. {@code verdict} is the team's, when recorded;
     * {@code scoreExplained} says what counted in its score (null without a score); {@code rollouts}
     * its progressive rollouts' stages as stored.
     */
    public record Experiment(
            String runId,
            String name,
            String outcome,
            String reason,
            Instant startedAt,
            @Nullable Instant endedAt,
            String impact,
            List<ProbeFigures> probes,
            List<FaultSpan> faults,
            List<Series> series,
            @Nullable ExperimentOutcome verdict,
            @Nullable Double score,
            ResilienceScore.@Nullable Explanation scoreExplained,
            List<RolloutResult> rollouts) {
        public Experiment {
            probes = List.copyOf(probes);
            faults = List.copyOf(faults);
            series = List.copyOf(series);
            rollouts = List.copyOf(rollouts);
        }
    }

    /** A probe's baseline, during and after means (NaN when there were no samples) and its impact. */
    public record ProbeFigures(
            String probe,
            String expect,
            boolean held,
            double baseline,
            double during,
            double after,
            double deviation,
            String impact,
            boolean recovered,
            @Nullable Long recoveryMs) {}

    /** A fault on the timeline, from injection to revert (or its planned end). */
    public record FaultSpan(
            String step,
            String target,
            String description,
            Instant from,
            @Nullable Instant to) {}

    /**
     * One probe's samples for its chart, with the tolerance band ({@code low}/{@code high} infinite on
     * an open side). {@code at} are epoch milliseconds; NaN values are failed reads.
     */
    public record Series(String probe, String expect, double low, double high, long[] at, double[] values) {
        public int size() {
            return at.length;
        }
    }

    public record TimelineEntry(Instant at, String runId, String type, String text) {}
}
