package dev.faultline.reports;

import java.awt.Font;
import java.text.DateFormat;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.SimpleDateFormat;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jspecify.annotations.Nullable;

/**
 * The axes of one document's charts, set up once and copied for each chart ({@code clone}, JFreeChart's
 * copy of an axis not yet on a plot). A new axis makes JFreeChart's own tick units first (about 40 date
 * formats for a time axis, as many number formats for a value axis), which a 4-hour GameDay's 200
 * charts made 200 times over. A copy is the axis a new one set up the same way would be; it shares the
 * tick units and their formats, so one instance serves the charts of one document, drawn on one thread.
 */
final class ChartAxes {
    private static final Font TICK_LABELS = new Font("DejaVu Sans", Font.PLAIN, 9);

    private final Map<ZoneId, DateAxis> times = new HashMap<>();
    private @Nullable NumberAxis shares;
    private @Nullable NumberAxis values;

    /** A time axis in {@code zone}: whole seconds, minutes and hours, each with a format that tells its ticks apart. */
    DateAxis time(ZoneId zone) {
        return (DateAxis) copy(times.computeIfAbsent(zone, ChartAxes::newTime));
    }

    /** A value axis; {@code share}: the probe's values are shares, labelled as percentages. */
    NumberAxis value(boolean share) {
        NumberAxis prototype = share ? shares : values;
        if (prototype == null) {
            prototype = newValue(share);
            if (share) {
                shares = prototype;
            } else {
                values = prototype;
            }
        }
        return (NumberAxis) copy(prototype);
    }

    private static Object copy(org.jfree.chart.axis.ValueAxis prototype) {
        try {
            return prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("JFreeChart's axes are cloneable: " + e.getMessage(), e);
        }
    }

    /**
     * Whole seconds, minutes and hours only, each unit with a format that tells its ticks apart (a
     * run of seconds never shows the same "HH:mm:ss" twice; hours drop the seconds).
     */
    private static DateAxis newTime(ZoneId zone) {
        DateAxis a = new DateAxis(null, TimeZone.getTimeZone(zone), Locale.ENGLISH);
        TickUnits units = new TickUnits();
        DateFormat seconds = zoned("HH:mm:ss", zone);
        DateFormat minutes = zoned("HH:mm", zone);
        for (int n : new int[] {1, 2, 5, 10, 15, 30}) {
            units.add(new DateTickUnit(DateTickUnitType.SECOND, n, seconds));
        }
        for (int n : new int[] {1, 2, 5, 10, 15, 30}) {
            units.add(new DateTickUnit(DateTickUnitType.MINUTE, n, minutes));
        }
        for (int n : new int[] {1, 2, 3, 6, 12}) {
            units.add(new DateTickUnit(DateTickUnitType.HOUR, n, minutes));
        }
        a.setStandardTickUnits(units);
        a.setTickLabelFont(TICK_LABELS);
        a.setLowerMargin(0.01);
        a.setUpperMargin(0.01);
        return a;
    }

    private static DateFormat zoned(String pattern, ZoneId zone) {
        SimpleDateFormat f = new SimpleDateFormat(pattern, Locale.ENGLISH);
        f.setTimeZone(TimeZone.getTimeZone(zone));
        return f;
    }

    /**
     * Tick units whose labels differ: a share shown as a percentage with as many decimals as its tick
     * size needs (a range of 99.1% to 99.9% is not labelled "99%" five times).
     */
    private static NumberAxis newValue(boolean share) {
        NumberAxis a = new NumberAxis(null);
        a.setAutoRangeIncludesZero(false);
        a.setTickLabelFont(TICK_LABELS);
        if (share) {
            TickUnits units = new TickUnits();
            double[] sizes = {0.0001, 0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1};
            for (double size : sizes) {
                int decimals = Math.max(0, (int) Math.ceil(-Math.log10(size * 100) - 1e-9));
                DecimalFormat f = new DecimalFormat(
                        "0" + (decimals == 0 ? "" : "." + "0".repeat(decimals)) + "%",
                        DecimalFormatSymbols.getInstance(Locale.ENGLISH));
                units.add(new NumberTickUnit(size, f));
            }
            a.setStandardTickUnits(units);
        } else {
            a.setStandardTickUnits(NumberAxis.createStandardTickUnits(Locale.ENGLISH));
        }
        return a;
    }
}
