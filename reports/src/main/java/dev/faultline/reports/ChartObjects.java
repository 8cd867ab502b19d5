package dev.faultline.reports;

import com.openhtmltopdf.extend.FSObjectDrawer;
import com.openhtmltopdf.render.DefaultObjectDrawerFactory;
import dev.faultline.engine.report.Report;
import java.awt.geom.Rectangle2D;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jfree.chart.JFreeChart;
import org.jspecify.annotations.Nullable;

/**
 * The PDF's charts: each {@code <object type="faultline/chart" data-chart="n">} is drawn by JFreeChart
 * straight onto the page through openhtmltopdf's Graphics2D bridge (PDFBox vector paths), which is
 * several times faster than writing SVG and parsing it back with Batik (docs/benchmarks.md).
 *
 * <p>Each chart is made (its series reduced to buckets, its axes, bands and marks) on a thread of its
 * own from the moment it is added, in document order, while the main thread lays out the pages; the
 * page's drawing then takes the chart made and draws it. The charts are the same as made on the page.
 * {@link #close()} ends that thread.
 */
final class ChartObjects implements AutoCloseable {
    static final String TYPE = "faultline/chart";

    private final List<CompletableFuture<JFreeChart>> charts = new ArrayList<>();
    private @Nullable ExecutorService maker;

    /** Registers a chart, starts making it, and returns its number for {@code data-chart}. */
    synchronized int add(Report.Series s, List<Report.FaultSpan> faults, StageMarks stages, ZoneId zone) {
        if (maker == null) {
            maker = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "faultline-pdf-charts");
                t.setDaemon(true);
                return t;
            });
        }
        charts.add(CompletableFuture.supplyAsync(() -> ProbeChart.chart(s, faults, stages, zone), maker));
        return charts.size() - 1;
    }

    private synchronized CompletableFuture<JFreeChart> chart(int n) {
        return charts.get(n);
    }

    DefaultObjectDrawerFactory factory() {
        DefaultObjectDrawerFactory f = new DefaultObjectDrawerFactory();
        FSObjectDrawer drawer = (element, x, y, width, height, out, ctx, dotsPerPixel) -> {
            JFreeChart c =
                    chart(Integer.parseInt(element.getAttribute("data-chart"))).join();
            float w = (float) width / dotsPerPixel;
            float h = (float) height / dotsPerPixel;
            out.drawWithGraphics((float) x, (float) y, w, h, g -> c.draw(g, new Rectangle2D.Float(0, 0, w, h)));
            return null;
        };
        f.registerDrawer(TYPE, drawer);
        return f;
    }

    /** Ends the thread that makes the charts (charts not made yet are not made). */
    @Override
    public synchronized void close() {
        if (maker != null) {
            maker.shutdownNow();
        }
    }
}
