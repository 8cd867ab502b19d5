package dev.faultline.engine.schedule;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A cron expression in the five fields of Unix cron ({@code minute hour day-of-month month
 * day-of-week}, e.g. {@code 0 9 * * MON}), read and evaluated by cron-utils in a time zone, so that a
 * schedule at 09:00 Berlin time stays at 09:00 on both sides of a daylight-saving change.
 */
public final class CronTimes {
    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private final String expression;
    private final ExecutionTime times;

    private CronTimes(String expression, ExecutionTime times) {
        this.expression = expression;
        this.times = times;
    }

    /**
     * Reads an expression.
     *
     * @throws IllegalArgumentException saying what is wrong with it, in one line
     */
    public static CronTimes parse(String expression) {
        String e = expression.trim();
        try {
            Cron cron = PARSER.parse(e).validate();
            return new CronTimes(e, ExecutionTime.forCron(cron));
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("cron expression '" + e + "' is not valid: " + ex.getMessage()
                    + " (five fields: minute hour day-of-month month day-of-week, e.g. '0 9 * * MON')");
        }
    }

    public String expression() {
        return expression;
    }

    /** The first time strictly after {@code after} the expression names in {@code zone}; empty if never. */
    public Optional<Instant> next(Instant after, ZoneId zone) {
        return times.nextExecution(after.atZone(zone)).map(t -> t.toInstant()).filter(t -> t.isAfter(after));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CronTimes c && c.expression.equals(expression);
    }

    @Override
    public int hashCode() {
        return expression.hashCode();
    }

    @Override
    public String toString() {
        return expression;
    }
}
