package dev.faultline.app.view.live;

import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.Probe;
import dev.faultline.engine.model.Tolerance;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One frame of the live view with 20 probes that each received 100,000 samples: every chart takes
 * its LTTB-decimated series, tolerance band, baseline, fault blocks and event marks, and draws
 * itself. Three ways, side by side: the live view's canvas charts ({@link LiveChart}), and the
 * JFreeChart version ({@link ProbeChart}, used for the zoomable detail window and reports) both
 * through JFreeChart-FX's FXGraphics2D and through Java2D into an image.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(
        value = 1,
        jvmArgs = {
            "-Xmx1g",
            "-Djava.awt.headless=true",
            "-Dglass.platform=Monocle",
            "-Dmonocle.platform=Headless",
            "-Dprism.order=sw"
        })
public class ChartRepaintBenchmark {
    static final int PROBES = 20;
    static final int POINTS = 100_000;
    private final List<ProbeTrack> tracks = new ArrayList<>();
    private final List<ProbeChart> charts = new ArrayList<>();
    private final List<LiveChart> live = new ArrayList<>();
    private final List<FaultSpan> spans = new ArrayList<>();
    private final List<ChartMark> marks = new ArrayList<>();
    private BufferedImage image;
    private Graphics2D g;
    private Graphics2D fx;

    @Setup
    public void fill() {
        long t0 = 1_700_000_000_000L;
        for (int p = 0; p < PROBES; p++) {
            ProbeTrack t = new ProbeTrack(
                    new Probe(
                            "probe-" + p,
                            "metrics",
                            Params.EMPTY,
                            new Tolerance.Threshold(Tolerance.Op.GE, 0.9),
                            true,
                            ">= 90%"),
                    new Tolerance.Threshold(Tolerance.Op.LT, 0.5));
            java.util.Random r = new java.util.Random(p);
            for (int i = 0; i < POINTS; i++) {
                t.add(t0 + i * 1000L, 0.95 + r.nextGaussian() * 0.02, true, null, i < 10);
            }
            tracks.add(t);
            charts.add(new ProbeChart(t.name(), ">= 90%", TimeZone.getTimeZone("UTC"), ChartPalette.light()));
        }
        for (int f = 0; f < 10; f++) {
            spans.add(new FaultSpan("fault-" + f, "latency", t0 + f * 9_000_000L, t0 + f * 9_000_000L + 600_000));
            marks.add(new ChartMark(t0 + f * 9_000_000L + 300_000, ChartMark.Kind.OBSERVATION, "note " + f));
        }
        image = new BufferedImage(720, 380, BufferedImage.TYPE_INT_ARGB);
        g = image.createGraphics();
        java.util.concurrent.CountDownLatch up = new java.util.concurrent.CountDownLatch(1);
        javafx.application.Platform.startup(up::countDown);
        try {
            up.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // The app's path: JFreeChart-FX draws through FXGraphics2D into a canvas's command buffer on
        // the FX thread; Prism rasterises it later on its render thread.
        fx = new org.jfree.fx.FXGraphics2D(new javafx.scene.canvas.Canvas(720, 380).getGraphicsContext2D());
        for (ProbeTrack t : tracks) {
            LiveChart c = new LiveChart(t, java.time.ZoneId.of("UTC"), ChartPalette.light());
            c.resize(720, 380);
            live.add(c);
        }
    }

    /** The live view's path: each chart draws straight onto its canvas, on the FX thread. */
    @Benchmark
    public List<LiveChart> frameOfTwentyLiveCharts() {
        for (int i = 0; i < PROBES; i++) {
            live.get(i).update(tracks.get(i), spans, marks);
        }
        return live;
    }

    @TearDown
    public void close() {
        g.dispose();
    }

    @Benchmark
    public BufferedImage frameOfTwentyCharts() {
        Rectangle2D area = new Rectangle2D.Double(0, 0, 720, 380);
        for (int i = 0; i < PROBES; i++) {
            charts.get(i).update(tracks.get(i), spans, marks);
            charts.get(i).chart().draw(g, area);
        }
        return image;
    }

    /** What the FX thread spends on a frame of 20 charts in the app. */
    @Benchmark
    public Graphics2D frameOfTwentyChartsOnTheFxThread() {
        Rectangle2D area = new Rectangle2D.Double(0, 0, 720, 380);
        for (int i = 0; i < PROBES; i++) {
            charts.get(i).update(tracks.get(i), spans, marks);
            charts.get(i).chart().draw(fx, area);
        }
        return fx;
    }

    @Benchmark
    public int[] decimateOneRawSeriesOf100k() {
        return Lttb.downsample(RAW_X, RAW_Y, POINTS, ProbeChart.POINTS);
    }

    private static final double[] RAW_X = new double[POINTS];
    private static final double[] RAW_Y = new double[POINTS];

    static {
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < POINTS; i++) {
            RAW_X[i] = i * 1000.0;
            RAW_Y[i] = r.nextGaussian();
        }
    }
}
