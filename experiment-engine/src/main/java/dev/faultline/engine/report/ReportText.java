package dev.faultline.engine.report;

import dev.faultline.engine.model.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** How reports write times, durations and probe values, the same in every format. */
public final class ReportText {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private ReportText() {}

    /** "2026-12-03 10:00:05". */
    public static String dateTime(@Nullable Instant at, ZoneId zone) {
        return at == null ? "—" : DATE_TIME.format(at.atZone(zone));
    }

    public static String time(Instant at, ZoneId zone) {
        return TIME.format(at.atZone(zone));
    }

    /** "Europe/Berlin (CET)": the zone every time in the report is written in. */
    public static String zoneName(ZoneId zone, Instant at) {
        String abbrev = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH).format(at.atZone(zone));
        return zone.getId().equals(abbrev) ? zone.getId() : zone.getId() + " (" + abbrev + ")";
    }

    public static String duration(@Nullable Instant from, @Nullable Instant to) {
        if (from == null || to == null) {
            return "—";
        }
        return Durations.format(Duration.ofSeconds(Duration.between(from, to).toSeconds()));
    }

    public static String millis(@Nullable Long ms) {
        if (ms == null) {
            return "—";
        }
        return ms < 10_000 ? ms + " ms" : Durations.format(Duration.ofSeconds(ms / 1000));
    }

    /** A probe value in the unit its tolerance was written in: 0.953 under "≥ 90%" is "95.3%". */
    public static String value(double v, String expect) {
        if (Double.isNaN(v)) {
            return "—";
        }
        if (expect.contains("%")) {
            return String.format(Locale.ROOT, "%.1f%%", v * 100);
        }
        if (expect.contains("ms") || expect.matches(".*\\d\\s*s\\b.*")) {
            return String.format(Locale.ROOT, "%.0f ms", v); // tolerances in ms and s are read as ms
        }
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.3g", v);
    }

    public static String percent(double deviation) {
        return Double.isNaN(deviation) ? "—" : String.format(Locale.ROOT, "%+.0f%%", deviation * 100);
    }

    public static String score(@Nullable Double s) {
        return s == null ? "—" : String.format(Locale.ROOT, "%.0f", s);
    }

    /** A probe's Held cell when it left its tolerance in an experiment halted as it set out to show. */
    public static final String HALTED_AS_DESIGNED = "left tolerance — expected: halted as designed";

    /**
     * A probe's Held cell: "yes", "no", or, for a probe that did not hold in an experiment whose halt
     * was the outcome it set out to show ({@code haltExpected}), {@link #HALTED_AS_DESIGNED}: a red
     * "no" there read as a failure to a reader who did not design the drill.
     */
    public static String held(Report.Experiment e, Report.ProbeFigures p) {
        if (p.held()) {
            return "yes";
        }
        return haltedAsDesigned(e) ? HALTED_AS_DESIGNED : "no";
    }

    /** Halted by the stop condition the experiment declares its expected outcome. */
    public static boolean haltedAsDesigned(Report.Experiment e) {
        ResilienceScore.Explanation why = e.scoreExplained();
        return why != null && why.expectedHalt();
    }
}
