package dev.faultline.reports;

import dev.faultline.engine.report.Report;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import java.time.ZoneId;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * One probe's chart as SVG: its samples as a line, the tolerance band in green, each fault's time in
 * a quiet indigo, each rollout stage's start as a dashed line with its share, the time axis in the viewer's zone. Long series are reduced to the lowest and highest value of
 * each of at most {@link #BUCKETS} time buckets, so a four-hour run at 1 s stays a small, exact-looking
 * chart (spikes are kept).
 */
final class ProbeChart {
    /** Time buckets of a chart: each keeps its lowest and highest sample (so spikes stay visible). */
    static final int BUCKETS = 300;

    private static final Color BAND = new Color(46, 160, 67, 40);
    /**
     * The fault's window: a quiet indigo, its own colour over the green band (a red tint there mixed
     * to brown and read as an alarm over a steady state); red is kept for what went wrong.
     */
    static final Color FAULT = new Color(99, 102, 241, 38);

    private static final Color LINE = new Color(31, 86, 160);
    /**
     * Round joins: drawn as one path, the line's corners look as its separate segments did (a
     * mitred corner would overshoot a sharp spike).
     */
    private static final BasicStroke LINE_STROKE =
            new BasicStroke(1.2f, BasicStroke.CAP_SQUARE, BasicStroke.JOIN_ROUND);

    private ProbeChart() {}

    static String svg(Report.Series s, java.util.List<Report.FaultSpan> faults, ZoneId zone, int width, int height) {
        return svg(s, faults, StageMarks.NONE, zone, width, height);
    }

    /** As {@link #svg(Report.Series, java.util.List, ZoneId, int, int)}, with a rollout's stages marked. */
    static String svg(
            Report.Series s,
            java.util.List<Report.FaultSpan> faults,
            StageMarks stages,
            ZoneId zone,
            int width,
            int height) {
        return svg(s, faults, stages, zone, width, height, new ChartAxes());
    }

    /** As above, with the axes of the document's other charts ({@link ChartAxes}). */
    static String svg(
            Report.Series s,
            java.util.List<Report.FaultSpan> faults,
            StageMarks stages,
            ZoneId zone,
            int width,
            int height,
            ChartAxes axes) {
        JFreeChart chart = chart(s, faults, stages, zone, axes);
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        chart.draw(g, new Rectangle(0, 0, width, height));
        // no fixed size: the page's CSS sizes the chart, the view box keeps its proportions
        return g.getSVGElement(null, false, new org.jfree.svg.ViewBox(0, 0, width, height), null, null);
    }

    static JFreeChart chart(Report.Series s, java.util.List<Report.FaultSpan> faults, ZoneId zone) {
        return chart(s, faults, StageMarks.NONE, zone);
    }

    static JFreeChart chart(Report.Series s, java.util.List<Report.FaultSpan> faults, StageMarks stages, ZoneId zone) {
        return chart(s, faults, stages, zone, new ChartAxes());
    }

    /** The chart, its axes copied from {@code axes} (one per document: its charts share their tick units). */
    static JFreeChart chart(
            Report.Series s, java.util.List<Report.FaultSpan> faults, StageMarks stages, ZoneId zone, ChartAxes axes) {
        XYSeries line = new XYSeries(s.probe(), false, true);
        reduce(s, line);
        NumberAxis valueAxis = axes.value(s.expect().contains("%"));
        XYPlot plot = new XYPlot(new XYSeriesCollection(line), axes.time(zone), valueAxis, null);
        if (line.getItemCount() > 0) {
            double lo = line.getMinY();
            double hi = line.getMaxY();
            if (!Double.isInfinite(s.low())) {
                lo = Math.min(lo, s.low());
                hi = Math.max(hi, s.low());
            }
            if (!Double.isInfinite(s.high())) {
                lo = Math.min(lo, s.high());
                hi = Math.max(hi, s.high());
            }
            double pad = hi > lo ? (hi - lo) * 0.08 : Math.max(1e-3, Math.abs(hi) * 0.1);
            valueAxis.setRange(lo - pad, hi + pad);
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        // the line as one path: one drawing call and one path on the page per chart, not one per
        // segment each with its colour and stroke set again (half of a PDF chart's time)
        r.setDrawSeriesLineAsPath(true);
        r.setSeriesPaint(0, LINE);
        r.setSeriesStroke(0, LINE_STROKE);
        plot.setRenderer(r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(225, 225, 225));
        plot.setRangeGridlinePaint(new Color(225, 225, 225));
        plot.setOutlineVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        if (!Double.isInfinite(s.low()) || !Double.isInfinite(s.high())) {
            double lo = Double.isInfinite(s.low()) ? -1e12 : s.low();
            double hi = Double.isInfinite(s.high()) ? 1e12 : s.high();
            plot.addRangeMarker(new IntervalMarker(lo, hi, BAND), Layer.BACKGROUND);
        }
        for (Report.FaultSpan f : faults) {
            long to = f.to() == null
                    ? (s.size() == 0 ? f.from().toEpochMilli() : s.at()[s.size() - 1])
                    : f.to().toEpochMilli();
            plot.addDomainMarker(
                    new IntervalMarker(
                            f.from().toEpochMilli(), Math.max(to, f.from().toEpochMilli() + 1), FAULT),
                    Layer.BACKGROUND);
        }
        stages.drawOn(plot);
        JFreeChart chart = new JFreeChart(null, null, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        // room on the right for the last time label, which is centred on its tick
        chart.setPadding(new RectangleInsets(4, 4, 4, 24));
        return chart;
    }

    /** Min and max of each bucket, in time order; NaN (failed reads) left out. */
    static void reduce(Report.Series s, XYSeries out) {
        int n = s.size();
        if (n <= BUCKETS * 2) {
            for (int i = 0; i < n; i++) {
                if (!Double.isNaN(s.values()[i])) {
                    out.add(s.at()[i], s.values()[i], false);
                }
            }
            return;
        }
        long from = s.at()[0];
        long span = Math.max(1, s.at()[n - 1] - from);
        int i = 0;
        for (int b = 0; b < BUCKETS && i < n; b++) {
            long end = from + span * (b + 1) / BUCKETS;
            int minI = -1;
            int maxI = -1;
            for (; i < n && (s.at()[i] <= end || b == BUCKETS - 1); i++) {
                double v = s.values()[i];
                if (Double.isNaN(v)) {
                    continue;
                }
                if (minI < 0 || v < s.values()[minI]) {
                    minI = i;
                }
                if (maxI < 0 || v > s.values()[maxI]) {
                    maxI = i;
                }
            }
            if (minI >= 0) {
                int first = Math.min(minI, maxI);
                int second = Math.max(minI, maxI);
                out.add(s.at()[first], s.values()[first], false);
                if (second != first) {
                    out.add(s.at()[second], s.values()[second], false);
                }
            }
        }
    }
}
