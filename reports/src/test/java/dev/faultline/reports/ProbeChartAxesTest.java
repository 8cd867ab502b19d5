package dev.faultline.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.report.Report;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.time.ZoneId;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.Tick;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;

/** The chart's axes as the PDF draws them (178 × 47 mm): every tick label differs from its neighbours. */
class ProbeChartAxesTest {
    private static final long T0 = 1_796_000_000_000L;

    private static Report.Series series(String expect, long stepMs, int n, double from, double to) {
        long[] at = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            at[i] = T0 + i * stepMs;
            v[i] = from + (to - from) * i / (n - 1);
        }
        return new Report.Series("p", expect, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, at, v);
    }

    private static List<String> labels(Report.Series s, boolean domain) {
        JFreeChart chart = ProbeChart.chart(s, List.of(), ZoneId.of("Europe/Berlin"));
        BufferedImage img = new BufferedImage(505, 133, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.draw(g, new Rectangle2D.Double(0, 0, 505, 133), info);
        Rectangle2D area = info.getPlotInfo().getDataArea();
        XYPlot plot = chart.getXYPlot();
        List<?> ticks = domain
                ? plot.getDomainAxis().refreshTicks(g, new AxisState(), area, RectangleEdge.BOTTOM)
                : plot.getRangeAxis().refreshTicks(g, new AxisState(), area, RectangleEdge.LEFT);
        g.dispose();
        return ticks.stream()
                .map(t -> ((Tick) t).getText())
                .filter(t -> t != null && !t.isEmpty())
                .toList();
    }

    @Test
    void aShortRunSampledEveryHalfSecondHasNoRepeatedTimeLabels() {
        List<String> labels = labels(series("< 200ms", 500, 13, 100, 180), true);
        assertThat(labels).hasSizeGreaterThan(1).doesNotHaveDuplicates();
    }

    @Test
    void aNarrowShareHasNoRepeatedPercentLabels() {
        List<String> labels = labels(series(">= 99%", 1000, 60, 0.991, 0.999), false);
        assertThat(labels).hasSizeGreaterThan(1).doesNotHaveDuplicates();
    }

    @Test
    void aFourHourRunIsLabelledInHoursAndMinutes() {
        List<String> labels = labels(series("< 200ms", 60_000, 240, 100, 180), true);
        assertThat(labels).hasSizeGreaterThan(1).doesNotHaveDuplicates().allMatch(l -> l.matches("\\d\\d:\\d\\d"));
    }
}
