package dev.faultline.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.report.Report;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.data.Range;
import org.junit.jupiter.api.Test;

/**
 * One document's charts share their axes' set-up ({@link ChartAxes}): each chart drawn with them is,
 * pixel for pixel, the chart drawn with axes made for it alone, whatever was drawn before it.
 */
class ChartAxesTest {
    private static final long T0 = 1_796_000_000_000L;

    private static Report.Series series(String probe, String expect, long stepMs, int n, double from, double to) {
        long[] at = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            at[i] = T0 + i * stepMs;
            v[i] = from + (to - from) * i / (n - 1) + (i % 7 == 0 ? (to - from) / 5 : 0);
        }
        double high = expect.contains("%") ? Double.POSITIVE_INFINITY : 200;
        double low = expect.contains("%") ? 0.99 : Double.NEGATIVE_INFINITY;
        return new Report.Series(probe, expect, low, high, at, v);
    }

    /** Charts of unlike series in turn: seconds and hours, shares and milliseconds, two zones. */
    private static final List<Report.Series> SERIES = List.of(
            series("latency", "< 200ms", 1000, 4 * 3600, 100, 180),
            series("success", ">= 99%", 500, 13, 0.991, 0.999),
            series("latency-short", "< 200ms", 500, 40, 2, 9),
            series("success-long", ">= 99%", 60_000, 240, 0.5, 1),
            series("latency-again", "< 200ms", 1000, 1440, 1200, 90_000));

    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Berlin"), ZoneId.of("UTC"));

    private static int[] pixels(JFreeChart chart) {
        BufferedImage img = new BufferedImage(1010, 266, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
        g.scale(2, 2);
        chart.draw(g, new Rectangle2D.Double(0, 0, 505, 133));
        g.dispose();
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    @Test
    void everyChartDrawnWithSharedAxesIsTheChartDrawnWithItsOwn() {
        ChartAxes shared = new ChartAxes();
        List<Report.FaultSpan> faults = List.of(new Report.FaultSpan(
                "slow-payments", "payments", "latency 300ms", Instant.ofEpochMilli(T0 + 5_000), null));
        int drawn = 0;
        for (int round = 0; round < 2; round++) {
            for (ZoneId zone : ZONES) {
                for (Report.Series s : SERIES) {
                    int[] withShared = pixels(ProbeChart.chart(s, faults, StageMarks.NONE, zone, shared));
                    int[] alone = pixels(ProbeChart.chart(s, faults, StageMarks.NONE, zone, new ChartAxes()));
                    assertThat(withShared).as("%s in %s", s.probe(), zone).isEqualTo(alone);
                    drawn++;
                }
            }
        }
        assertThat(drawn).isEqualTo(2 * ZONES.size() * SERIES.size());
    }

    @Test
    void eachChartGetsAxesOfItsOwn() {
        ChartAxes axes = new ChartAxes();
        DateAxis berlin = axes.time(ZoneId.of("Europe/Berlin"));
        DateAxis berlinAgain = axes.time(ZoneId.of("Europe/Berlin"));
        NumberAxis share = axes.value(true);
        NumberAxis shareAgain = axes.value(true);
        assertThat(berlin).isNotSameAs(berlinAgain);
        assertThat(share).isNotSameAs(shareAgain);

        share.setRange(new Range(0.5, 0.6));
        berlin.setRange(new Range(T0, T0 + 60_000));
        assertThat(shareAgain.getRange()).isNotEqualTo(share.getRange());
        assertThat(axes.value(true).getRange()).isNotEqualTo(share.getRange());
        assertThat(axes.time(ZoneId.of("Europe/Berlin")).getRange()).isNotEqualTo(berlin.getRange());
        assertThat(axes.time(ZoneId.of("UTC")).getTimeZone().getID()).isEqualTo("UTC");
        assertThat(berlinAgain.getTimeZone().getID()).isEqualTo("Europe/Berlin");
    }
}
