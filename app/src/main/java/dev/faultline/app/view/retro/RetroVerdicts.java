package dev.faultline.app.view.retro;

import dev.faultline.engine.model.Durations;
import dev.faultline.engine.report.ExperimentOutcome;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The team's verdict on each experiment of the selected run, and its times to detect and to
 * mitigate, counted from the run's first fault.
 */
public final class RetroVerdicts {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final RetroActions actions;
    private final ZoneId zone;
    private final RetroWrites writes;
    private final Map<String, ExperimentOutcome> outcomes = new LinkedHashMap<>();
    private final Map<String, Instant> faultStarts = new LinkedHashMap<>();

    RetroVerdicts(RetroActions actions, ZoneId zone, RetroWrites writes) {
        this.actions = actions;
        this.zone = zone;
        this.writes = writes;
    }

    void fill(List<ExperimentOutcome> read, Map<String, Instant> starts) {
        outcomes.clear();
        read.forEach(o -> outcomes.putIfAbsent(o.runId(), o));
        faultStarts.clear();
        faultStarts.putAll(starts);
    }

    @Nullable
    ExperimentOutcome outcome(String runId) {
        return outcomes.get(runId);
    }

    /** Saves the team's verdict on one experiment; the times to detect and mitigate already recorded are kept. */
    public void set(String runId, ExperimentOutcome.Verdict verdict, boolean detected, boolean mitigated) {
        ExperimentOutcome o = outcomes.get(runId);
        ExperimentOutcome next = new ExperimentOutcome(
                runId,
                verdict,
                detected,
                o == null || !detected ? null : o.timeToDetect(),
                mitigated,
                o == null || !mitigated ? null : o.timeToMitigate(),
                o == null ? "" : o.notes());
        writes.work()
                .run(
                        "retro-outcome",
                        () -> {
                            actions.setOutcome(next);
                            return runId;
                        },
                        id -> {
                            outcomes.put(id, next);
                            writes.status("verdict on " + id + " saved");
                        },
                        err -> writes.errors().accept("Could not save the verdict", err));
    }

    /**
     * Records the times to detect and to mitigate of one experiment, each as a duration from its first
     * fault ("40s", "2m30s") or as the clock time it happened ("10:03:12", in the user's zone, on the
     * day of the fault); blank clears it. Either given also marks it detected or mitigated. Returns
     * what is wrong with the input, or empty when it is saved.
     */
    public String setTimes(String runId, String detectedAt, String mitigatedAt) {
        ExperimentOutcome o = outcomes.get(runId);
        Duration detect;
        Duration mitigate;
        try {
            detect = time(runId, detectedAt, "detected");
            mitigate = time(runId, mitigatedAt, "mitigated");
        } catch (IllegalArgumentException e) {
            writes.status(e.getMessage());
            return e.getMessage();
        }
        ExperimentOutcome next = new ExperimentOutcome(
                runId,
                o == null ? ExperimentOutcome.Verdict.UNSURE : o.verdict(),
                detect != null || o != null && o.detected(),
                detect,
                mitigate != null || o != null && o.mitigated(),
                mitigate,
                o == null ? "" : o.notes());
        writes.write(
                "retro-times",
                "Could not save the times",
                "times of " + runId + " saved",
                () -> actions.setOutcome(next),
                () -> outcomes.put(runId, next));
        return "";
    }

    private @Nullable Duration time(String runId, String text, String what) {
        String t = text.strip();
        if (t.isEmpty()) {
            return null;
        }
        if (t.matches("\\d{1,2}:\\d{2}(:\\d{2})?")) {
            Instant from = faultStarts.get(runId);
            if (from == null) {
                throw new IllegalArgumentException(what + ": no fault took effect in this run, so a clock time"
                        + " cannot be counted from it: give a duration such as 40s");
            }
            LocalTime clockTime = LocalTime.parse(t.length() <= 5 ? t + ":00" : t);
            Duration d =
                    Duration.between(from, from.atZone(zone).with(clockTime).toInstant());
            if (d.isNegative()) {
                throw new IllegalArgumentException(
                        what + ": " + t + " is before the first fault (" + CLOCK.format(from.atZone(zone)) + ")");
            }
            return d;
        }
        try {
            return Durations.parse(t, what);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    what + ": '" + t + "' is neither a duration (40s, 2m30s) nor a clock time (10:03:12)");
        }
    }

    /**
     * Whether a fault took effect in the run: only then are there times to detect and to mitigate
     * (an experiment ABORTED at its baseline, or halted before its first fault, injected nothing).
     */
    public boolean faulted(String runId) {
        return faultStarts.containsKey(runId);
    }

    /**
     * A time field's hint from this run: "detected: 40s or 16:30:50", one moment said both ways, the
     * clock time counted from the run's first fault in the user's zone (an example time of no run read
     * as if it were this one's). Without a fault: the duration alone.
     */
    public String hint(String runId, String what, Duration example) {
        Instant from = faultStarts.get(runId);
        String after = Durations.format(example);
        return from == null
                ? what + ": a duration such as " + after
                : what + ": " + after + " or " + CLOCK.format(from.plus(example).atZone(zone));
    }

    /** When the run's first fault took effect, in the user's zone ("16:30:10"), or "" when none did. */
    public String firstFault(String runId) {
        Instant from = faultStarts.get(runId);
        return from == null ? "" : CLOCK.format(from.atZone(zone));
    }

    /** A time from the run's first fault, for people: "40s", or "" when not recorded. */
    public static String duration(@Nullable Duration d) {
        return d == null ? "" : Durations.format(d);
    }
}
