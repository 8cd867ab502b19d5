package dev.faultline.app.view.live;

import java.awt.BasicStroke;
import java.awt.Font;
import java.text.SimpleDateFormat;
import java.util.TimeZone;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * One probe's chart: its decimated samples, the tolerance band shaded green, the stop condition's
 * halt zone shaded red, the baseline dashed, fault blocks and events on the time axis (in the
 * user's time zone). Pure JFreeChart, so it also draws off screen for reports and benchmarks.
 */
public final class ProbeChart {
    /** Points drawn per series: about one per two pixels of a wide chart. */
    public static final int POINTS = 600;

    private final JFreeChart chart;
    private final XYPlot plot;
    private final DefaultXYDataset data = new DefaultXYDataset();
    private final String key;
    private ChartPalette palette;

    public ProbeChart(String probe, String expectText, TimeZone zone, ChartPalette palette) {
        this.key = probe;
        this.palette = palette;
        DateAxis time = new DateAxis();
        time.setTimeZone(zone);
        SimpleDateFormat f = new SimpleDateFormat("HH:mm:ss");
        f.setTimeZone(zone);
        time.setDateFormatOverride(f);
        NumberAxis value = new NumberAxis();
        value.setAutoRange(false);
        value.setNumberFormatOverride(
                expectText.contains("%")
                        ? new java.text.DecimalFormat("0.#%")
                        : new java.text.DecimalFormat("#,##0.###"));
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
        line.setSeriesStroke(0, new BasicStroke(1.8f));
        line.setDrawSeriesLineAsPath(true); // one path per series, not one stroke per segment: ~10x cheaper
        plot = new XYPlot(data, time, value, line);
        plot.setDomainPannable(false);
        chart = new JFreeChart(
                probe + "   expect " + expectText, new Font(Font.SANS_SERIF, Font.BOLD, 13), plot, false);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        applyPalette();
    }

    public JFreeChart chart() {
        return chart;
    }

    public void setPalette(ChartPalette p) {
        palette = p;
        applyPalette();
    }

    private void applyPalette() {
        chart.setBackgroundPaint(palette.background());
        chart.getTitle().setPaint(palette.text());
        plot.setBackgroundPaint(palette.background());
        plot.setDomainGridlinePaint(palette.grid());
        plot.setRangeGridlinePaint(palette.grid());
        plot.setOutlineVisible(false);
        plot.getDomainAxis().setTickLabelPaint(palette.text());
        plot.getRangeAxis().setTickLabelPaint(palette.text());
        plot.getRenderer().setSeriesPaint(0, palette.line());
    }

    private void showRange(double[] ys, ProbeTrack track) {
        ValueRange r = ValueRange.of(ys, track);
        plot.getRangeAxis().setRange(r.low(), r.high());
    }

    /** Redraws from the track: once per batch of events, never per sample. */
    public void update(ProbeTrack track, Iterable<FaultSpan> spans, Iterable<ChartMark> marks) {
        chart.setNotify(false);
        try {
            double[][] points = track.series().decimated(POINTS);
            data.addSeries(key, points);
            showRange(points[1], track);
            plot.clearDomainMarkers();
            plot.clearRangeMarkers();
            ToleranceBand band = track.band().clip(-1e12, 1e12);
            IntervalMarker ok = new IntervalMarker(band.low(), band.high(), palette.band());
            plot.addRangeMarker(ok, Layer.BACKGROUND);
            ToleranceBand halt = track.haltZone();
            if (halt != null) {
                ToleranceBand h = halt.clip(-1e12, 1e12);
                plot.addRangeMarker(new IntervalMarker(h.low(), h.high(), palette.haltZone()), Layer.BACKGROUND);
            }
            if (!Double.isNaN(track.baseline())) {
                ValueMarker base = new ValueMarker(
                        track.baseline(),
                        palette.baseline(),
                        new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
                base.setLabel("baseline");
                base.setLabelPaint(palette.baseline());
                base.setLabelAnchor(RectangleAnchor.TOP_LEFT);
                base.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
                plot.addRangeMarker(base, Layer.FOREGROUND);
            }
            long now = (long) track.series().lastX();
            for (FaultSpan s : spans) {
                IntervalMarker m =
                        new IntervalMarker(s.start(), s.active() ? Math.max(now, s.start()) : s.end(), palette.fault());
                m.setLabel(s.step());
                m.setLabelPaint(palette.text());
                m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
                m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
                plot.addDomainMarker(m, Layer.BACKGROUND);
            }
            for (ChartMark mark : marks) {
                if (mark.kind() == ChartMark.Kind.INJECT || mark.kind() == ChartMark.Kind.PHASE) {
                    continue; // the fault block and the phase line say it already
                }
                ValueMarker m = new ValueMarker(
                        mark.at(),
                        switch (mark.kind()) {
                            case BREACH, HALT -> palette.breach();
                            case REVERT -> palette.revert();
                            case STAGE -> palette.baseline();
                            default -> palette.observation();
                        },
                        new BasicStroke(mark.kind() == ChartMark.Kind.HALT ? 2.5f : 1.4f));
                if (mark.kind() != ChartMark.Kind.REVERT) {
                    m.setLabel(mark.kind() == ChartMark.Kind.OBSERVATION ? "note" : mark.text());
                    m.setLabelPaint(m.getPaint());
                    // the halt comes right after its stop condition's breach: its label at the top, the breach's at the
                    // foot
                    boolean top = mark.kind() == ChartMark.Kind.HALT;
                    m.setLabelAnchor(top ? RectangleAnchor.TOP_RIGHT : RectangleAnchor.BOTTOM_RIGHT);
                    m.setLabelTextAnchor(top ? TextAnchor.TOP_LEFT : TextAnchor.BOTTOM_LEFT);
                }
                plot.addDomainMarker(m, Layer.FOREGROUND);
            }
        } finally {
            chart.setNotify(true);
        }
    }
}
