package dev.faultline.reports;

import com.openhtmltopdf.extend.FSObjectDrawer;
import com.openhtmltopdf.render.DefaultObjectDrawerFactory;
import dev.faultline.engine.report.Report;
import java.awt.geom.Rectangle2D;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The PDF's charts: each {@code <object type="faultline/chart" data-chart="n">} is drawn by JFreeChart
 * straight onto the page through openhtmltopdf's Graphics2D bridge (PDFBox vector paths), which is
 * several times faster than writing SVG and parsing it back with Batik (docs/benchmarks.md).
 */
final class ChartObjects {
    static final String TYPE = "faultline/chart";

    private record Chart(Report.Series series, List<Report.FaultSpan> faults, StageMarks stages, ZoneId zone) {}

    private final List<Chart> charts = new ArrayList<>();
    private final ChartAxes axes = new ChartAxes();

    /** Registers a chart and returns its number for {@code data-chart}. */
    int add(Report.Series s, List<Report.FaultSpan> faults, StageMarks stages, ZoneId zone) {
        charts.add(new Chart(s, faults, stages, zone));
        return charts.size() - 1;
    }

    /** The axes of this document's charts (its SVG charts too, in HTML). */
    ChartAxes axes() {
        return axes;
    }

    DefaultObjectDrawerFactory factory() {
        DefaultObjectDrawerFactory f = new DefaultObjectDrawerFactory();
        FSObjectDrawer drawer = (element, x, y, width, height, out, ctx, dotsPerPixel) -> {
            Chart c = charts.get(Integer.parseInt(element.getAttribute("data-chart")));
            float w = (float) width / dotsPerPixel;
            float h = (float) height / dotsPerPixel;
            out.drawWithGraphics(
                    (float) x,
                    (float) y,
                    w,
                    h,
                    g -> ProbeChart.chart(c.series(), c.faults(), c.stages(), c.zone(), axes)
                            .draw(g, new Rectangle2D.Float(0, 0, w, h)));
            return null;
        };
        f.registerDrawer(TYPE, drawer);
        return f;
    }
}
