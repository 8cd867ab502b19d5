package dev.faultline.app.view.live;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * A probe's live chart, drawn straight onto a canvas so that 20 of them redraw well inside one
 * frame: the LTTB-decimated samples as one path, the tolerance band and the stop condition's halt
 * zone shaded, the baseline dashed, fault blocks and events on the time axis in the user's zone.
 * {@link ProbeChart} draws the same picture with JFreeChart where zooming or exporting matters.
 */
public final class LiveChart extends Region {
    private static final double LEFT = 64;
    private static final double RIGHT = 14;
    private static final double TOP = 30;
    private static final double BOTTOM = 24;
    /** The height of a row of mark labels. */
    private static final double LABEL_ROW = 14;

    private static final long[] TIME_STEPS = {
        1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000
    };

    private final Canvas canvas = new Canvas();
    private final DateTimeFormatter clock;
    private final java.text.DecimalFormat format;
    private final String title;
    private ChartPalette palette;
    private ProbeTrack track;
    private Iterable<FaultSpan> spans = java.util.List.of();
    private Iterable<ChartMark> marks = java.util.List.of();

    public LiveChart(ProbeTrack track, ZoneId zone, ChartPalette palette) {
        this.track = track;
        this.palette = palette;
        this.clock = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(zone);
        this.title = track.name() + "   expect " + track.probe().expectText();
        this.format = track.probe().expectText().contains("%")
                ? new java.text.DecimalFormat("0.#%")
                : new java.text.DecimalFormat("#,##0.##");
        getChildren().add(canvas);
        getStyleClass().add("live-chart");
        setAccessibleText(
                "Chart of probe " + track.name() + ", expected " + track.probe().expectText());
        widthProperty().addListener((o, a, b) -> redraw());
        heightProperty().addListener((o, a, b) -> redraw());
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
    }

    public void setPalette(ChartPalette p) {
        palette = p;
        redraw();
    }

    public void update(ProbeTrack t, Iterable<FaultSpan> faultSpans, Iterable<ChartMark> chartMarks) {
        track = t;
        spans = faultSpans;
        marks = chartMarks;
        redraw();
    }

    /** Draws everything; called once per batch of events, or on resize. */
    public void redraw() {
        double w = getWidth();
        double h = getHeight();
        canvas.setWidth(w);
        canvas.setHeight(h);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h); // clearing the whole canvas also drops its queued commands
        g.setFill(fx(palette.background()));
        g.fillRect(0, 0, w, h);
        g.setFill(fx(palette.text()));
        g.setFont(Font.font("System", FontWeight.BOLD, 13));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(title, 10, 8);
        double pw = w - LEFT - RIGHT;
        double ph = h - TOP - BOTTOM;
        if (pw < 20 || ph < 20) {
            return;
        }
        double[][] pts = track.series().decimated((int) Math.max(16, Math.min(ProbeChart.POINTS, pw)));
        double[] xs = pts[0];
        double[] ys = pts[1];
        long now = System.currentTimeMillis();
        double x0 = xs.length == 0 ? now - 60_000 : xs[0];
        double x1 = xs.length == 0 ? now : Math.max(xs[xs.length - 1], x0 + 10_000);
        // The axis ends at the run's last event, not at its last sample: the halt and the reverts that end
        // a run come after it, and once the run is over the axis stays where it ended.
        for (ChartMark m : marks) {
            if (m.at() >= x0) {
                x1 = Math.max(x1, m.at() + 1_000);
            }
        }
        ValueRange r = ValueRange.of(ys, track);
        double[] range = {r.low(), r.high()};
        Scale sx = new Scale(x0, x1, LEFT, LEFT + pw);
        Scale sy = new Scale(range[0], range[1], TOP + ph, TOP);
        band(g, track.band(), sy, pw, palette.band());
        if (track.haltZone() != null) {
            band(g, track.haltZone(), sy, pw, palette.haltZone());
        }
        for (FaultSpan s : spans) {
            double a = Math.max(LEFT, sx.at(s.start()));
            double b = Math.min(LEFT + pw, sx.at(s.active() ? x1 : s.end()));
            if (b > a) {
                g.setFill(fx(palette.fault()));
                g.fillRect(a, TOP, b - a, ph);
                g.setFill(fx(palette.text()));
                g.setFont(Font.font(11));
                g.fillText(s.step(), a + 3, TOP + 2);
            }
        }
        grid(g, sx, sy, x0, x1, range, pw, ph);
        if (!Double.isNaN(track.baseline())) {
            double y = sy.at(track.baseline());
            g.setStroke(fx(palette.baseline()));
            g.setLineWidth(1.2);
            g.setLineDashes(6, 4);
            g.strokeLine(LEFT, y, LEFT + pw, y);
            g.setLineDashes();
            g.setFill(fx(palette.baseline()));
            g.setFont(Font.font(11));
            g.fillText("baseline", LEFT + 4, y - 15);
        }
        line(g, xs, ys, sx, sy);
        java.util.List<ChartMark> labelled = new java.util.ArrayList<>();
        for (ChartMark m : marks) {
            if (m.kind() == ChartMark.Kind.INJECT || m.kind() == ChartMark.Kind.PHASE || m.at() < x0 || m.at() > x1) {
                continue;
            }
            double x = sx.at(m.at());
            g.setStroke(fx(colour(m)));
            g.setLineWidth(m.kind() == ChartMark.Kind.HALT ? 2.5 : 1.4);
            g.strokeLine(x, TOP, x, TOP + ph);
            if (m.kind() != ChartMark.Kind.REVERT) {
                labelled.add(m);
            }
        }
        labels(g, labelled, sx, ph);
    }

    /** The marks' labels above the time axis, a row up where one would cover another (the halt right after the breach). */
    private void labels(GraphicsContext g, java.util.List<ChartMark> labelled, Scale sx, double ph) {
        Font font = Font.font(11);
        javafx.scene.text.Text measure = new javafx.scene.text.Text();
        measure.setFont(font);
        double[] x = new double[labelled.size()];
        double[] width = new double[labelled.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = sx.at(labelled.get(i).at()) + 3;
            measure.setText(labelText(labelled.get(i)));
            width[i] = measure.getLayoutBounds().getWidth();
        }
        int[] rows = MarkLabels.rows(x, width);
        g.setFont(font);
        for (int i = 0; i < x.length; i++) {
            double y = Math.max(TOP, TOP + ph - 15 - rows[i] * LABEL_ROW);
            g.setFill(fx(colour(labelled.get(i))));
            g.fillText(labelText(labelled.get(i)), x[i], y);
        }
    }

    private static String labelText(ChartMark m) {
        return m.kind() == ChartMark.Kind.OBSERVATION ? "note" : m.text();
    }

    private java.awt.Color colour(ChartMark m) {
        return switch (m.kind()) {
            case BREACH, HALT -> palette.breach();
            case REVERT -> palette.revert();
            case STAGE -> palette.baseline();
            default -> palette.observation();
        };
    }

    private void line(GraphicsContext g, double[] xs, double[] ys, Scale sx, Scale sy) {
        g.setStroke(fx(palette.line()));
        g.setLineWidth(1.8);
        g.beginPath();
        boolean pen = false;
        for (int i = 0; i < xs.length; i++) {
            if (Double.isNaN(ys[i])) {
                pen = false; // a failed read leaves a gap
                continue;
            }
            double x = sx.at(xs[i]);
            double y = sy.at(ys[i]);
            if (pen) {
                g.lineTo(x, y);
            } else {
                g.moveTo(x, y);
                pen = true;
            }
        }
        g.stroke();
        if (xs.length > 0 && !Double.isNaN(ys[ys.length - 1])) {
            g.setFill(fx(track.latestWithin() ? palette.line() : palette.breach()));
            g.fillOval(sx.at(xs[xs.length - 1]) - 3.5, sy.at(ys[ys.length - 1]) - 3.5, 7, 7);
        }
    }

    private void grid(
            GraphicsContext g, Scale sx, Scale sy, double x0, double x1, double[] range, double pw, double ph) {
        g.setStroke(fx(palette.grid()));
        g.setLineWidth(1);
        g.setFill(fx(palette.text()));
        g.setFont(Font.font(11));
        double step = niceStep((range[1] - range[0]) / 4);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double v = Math.ceil(range[0] / step) * step; v <= range[1]; v += step) {
            double y = sy.at(v);
            g.strokeLine(LEFT, y, LEFT + pw, y);
            g.fillText(format.format(Math.abs(v) < step * 1e-9 ? 0 : v), LEFT - 6, y);
        }
        long tstep = TIME_STEPS[TIME_STEPS.length - 1];
        for (long s : TIME_STEPS) {
            if (s / (x1 - x0) * pw >= 90) {
                tstep = s;
                break;
            }
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (long t = (long) Math.ceil(x0 / tstep) * tstep; t <= x1; t += tstep) {
            double x = sx.at(t);
            g.strokeLine(x, TOP, x, TOP + ph);
            String label = clock.format(Instant.ofEpochMilli(t));
            g.fillText(label, timeLabelX(x, textWidth(label, g.getFont()), getWidth()), TOP + ph + 5);
        }
        g.setTextAlign(TextAlignment.LEFT);
    }

    /**
     * Where a time label centred under its tick at {@code x} is drawn so that all of it is on the
     * canvas: the last tick of a run can sit closer to the right edge than half a label's width.
     */
    static double timeLabelX(double x, double labelWidth, double canvasWidth) {
        double half = labelWidth / 2;
        return Math.max(half + 1, Math.min(x, canvasWidth - half - 1));
    }

    private static double textWidth(String text, Font font) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(text);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    private void band(GraphicsContext g, ToleranceBand b, Scale sy, double pw, java.awt.Color c) {
        double top = sy.at(Math.min(b.high(), sy.max()));
        double bottom = sy.at(Math.max(b.low(), sy.min()));
        if (bottom > top) {
            g.setFill(fx(c));
            g.fillRect(LEFT, top, pw, bottom - top);
        }
    }

    static double niceStep(double raw) {
        if (!(raw > 0)) {
            return 1;
        }
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double n = raw / mag;
        return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * mag;
    }

    private static Color fx(java.awt.Color c) {
        return Color.rgb(c.getRed(), c.getGreen(), c.getBlue(), c.getAlpha() / 255.0);
    }

    /** A linear map from data to pixels. */
    private record Scale(double min, double max, double from, double to) {
        double at(double v) {
            return from + (v - min) / (max - min) * (to - from);
        }
    }
}
