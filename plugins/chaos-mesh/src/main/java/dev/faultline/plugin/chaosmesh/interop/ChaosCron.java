package dev.faultline.plugin.chaosmesh.interop;

import dev.faultline.engine.spi.interop.ConversionNote;
import dev.faultline.engine.spi.interop.ImportException;
import dev.faultline.plugin.kube.interop.GoDurations;
import dev.faultline.plugin.kube.interop.ManifestNode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Chaos Mesh {@code Schedule}'s {@code schedule} (Unix cron's five fields, a descriptor such as
 * {@code @hourly} or {@code @every 10m}, optionally after {@code CRON_TZ=ZONE} or {@code TZ=ZONE}) as
 * Faultline's cron expression and time zone. What a five-field expression cannot say exactly (an
 * interval under a minute, one that does not divide the hour or the day) is the nearest expression,
 * with a note.
 */
record ChaosCron(String cron, ZoneId zone) {
    private static final Pattern ZONE = Pattern.compile("^(?:CRON_TZ|TZ)=(\\S+)\\s+(.*)$");
    private static final Map<String, String> DESCRIPTORS = Map.of(
            "@yearly", "0 0 1 1 *",
            "@annually", "0 0 1 1 *",
            "@monthly", "0 0 1 * *",
            "@weekly", "0 0 * * 0",
            "@daily", "0 0 * * *",
            "@midnight", "0 0 * * *",
            "@hourly", "0 * * * *");

    /**
     * @param node    the {@code schedule} field
     * @param source  the resource, for the notes
     * @throws ImportException at the field when it is not an expression Chaos Mesh would take
     */
    static ChaosCron read(ManifestNode node, String source, List<ConversionNote> notes) throws ImportException {
        String text = node.text().strip();
        ZoneId zone = ZoneId.of("UTC");
        Matcher z = ZONE.matcher(text);
        if (z.matches()) {
            try {
                zone = ZoneId.of(z.group(1));
            } catch (DateTimeException e) {
                throw node.problem("'" + z.group(1) + "' is not a time zone (e.g. Europe/Berlin, UTC)");
            }
            text = z.group(2).strip();
        } else {
            notes.add(new ConversionNote(
                    source + " schedule",
                    "no CRON_TZ: Chaos Mesh reads it in its controller's time zone (UTC in its images): imported"
                            + " in UTC"));
        }
        if (DESCRIPTORS.containsKey(text)) {
            return new ChaosCron(DESCRIPTORS.get(text), zone);
        }
        if (text.startsWith("@every ")) {
            Duration every;
            try {
                every = GoDurations.parse(text.substring("@every ".length()).strip());
            } catch (IllegalArgumentException e) {
                throw node.problem("'" + text + "': " + e.getMessage());
            }
            if (every.isNegative() || every.isZero()) {
                throw node.problem("'" + text + "': the interval must be above zero");
            }
            return new ChaosCron(every(every, text, source, notes), zone);
        }
        if (text.startsWith("@")) {
            throw node.problem("'" + text + "' is not a cron descriptor (@yearly, @monthly, @weekly, @daily,"
                    + " @hourly or @every DURATION)");
        }
        String[] fields = text.split("\\s+");
        if (fields.length != 5) {
            throw node.problem("'" + text + "' has " + fields.length + " fields; a Schedule takes Unix cron's five"
                    + " (minute hour day-of-month month day-of-week, e.g. '0 9 * * MON')");
        }
        return new ChaosCron(String.join(" ", fields), zone);
    }

    /** {@code @every D} as the five-field expression nearest to it. */
    private static String every(Duration d, String text, String source, List<ConversionNote> notes) {
        long seconds = d.toSeconds();
        String cron;
        boolean exact;
        if (seconds < 60) {
            cron = "* * * * *";
            exact = false;
        } else if (seconds < 3600) {
            long m = seconds / 60;
            cron = m == 1 ? "* * * * *" : "*/" + m + " * * * *";
            exact = seconds % 60 == 0 && 60 % m == 0;
        } else if (seconds < 86400) {
            long h = seconds / 3600;
            cron = h == 1 ? "0 * * * *" : "0 */" + h + " * * *";
            exact = seconds % 3600 == 0 && 24 % h == 0;
        } else {
            long days = seconds / 86400;
            cron = days == 1 ? "0 0 * * *" : "0 0 */" + days + " * *";
            exact = seconds % 86400 == 0 && days == 1;
        }
        if (!exact) {
            notes.add(new ConversionNote(
                    source + " schedule",
                    "'" + text + "' has no exact five-field cron expression: imported as '" + cron + "'"
                            + (seconds < 60
                                    ? " (Faultline starts a scheduled run at most once a minute, and never while"
                                            + " the last one is still going)"
                                    : " (counted from the start of each hour or day, not from the last run)")));
        }
        return cron;
    }
}
