package dev.faultline.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.report.Report;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

/**
 * The report's chart reads as a steady state with a fault's window over it: the fault's block is a
 * calm colour of its own, over the green band and beside it, not a red alarm that turns brown over
 * the green.
 */
class ProbeChartColoursTest {
    private static final long T0 = 1_796_000_000_000L;

    @Test
    void theFaultsWindowIsACalmColourOfItsOwnOverTheGreenBand() {
        long[] at = new long[300];
        double[] v = new double[300];
        for (int i = 0; i < at.length; i++) {
            at[i] = T0 + i * 1000L;
            v[i] = 100;
        }
        // the band from 50 to 150; the line at 100; the axis goes a little above 150
        Report.Series s = new Report.Series("order-success-ratio", "50..150", 50, 150, at, v);
        Report.FaultSpan fault = new Report.FaultSpan(
                "slow-payments",
                "payment",
                "latency 800ms",
                Instant.ofEpochMilli(T0 + 100_000),
                Instant.ofEpochMilli(T0 + 200_000));
        JFreeChart chart = ProbeChart.chart(s, List.of(fault), ZoneId.of("UTC"));
        BufferedImage img = new BufferedImage(900, 300, BufferedImage.TYPE_INT_RGB);
        ChartRenderingInfo info = new ChartRenderingInfo();
        Graphics2D g = img.createGraphics();
        chart.draw(g, new Rectangle2D.Double(0, 0, 900, 300), info);
        g.dispose();
        Rectangle2D area = info.getPlotInfo().getDataArea();
        XYPlot plot = chart.getXYPlot();

        Color bandOnly = pixel(img, plot, area, T0 + 50_000, 70);
        Color faultOverBand = pixel(img, plot, area, T0 + 150_000, 70);
        Color faultOnly = pixel(img, plot, area, T0 + 150_000, 153);

        assertThat(hue(bandOnly)).as("the band, green").isBetween(100.0, 160.0);
        assertThat(hue(faultOverBand))
                .as("the fault over the band " + faultOverBand + ": cool, not red or brown")
                .isBetween(170.0, 260.0);
        assertThat(hue(faultOnly))
                .as("the fault outside the band " + faultOnly + ": not red")
                .isBetween(200.0, 280.0);
        assertThat(distance(faultOverBand, bandOnly))
                .as("the fault stands out from the band")
                .isGreaterThan(12);
        assertThat(faultOverBand.getRed() + faultOverBand.getGreen() + faultOverBand.getBlue())
                .as("light enough for the line and the labels over it")
                .isGreaterThan(3 * 190);
    }

    private static Color pixel(BufferedImage img, XYPlot plot, Rectangle2D area, long x, double y) {
        int px = (int) Math.round(plot.getDomainAxis().valueToJava2D(x, area, plot.getDomainAxisEdge()));
        int py = (int) Math.round(plot.getRangeAxis().valueToJava2D(y, area, plot.getRangeAxisEdge()));
        return new Color(img.getRGB(px, py));
    }

    private static double hue(Color c) {
        float[] hsb = Color.RGBtoHSB(c.getRed(), c.getGreen(), c.getBlue(), null);
        return hsb[0] * 360.0;
    }

    private static double distance(Color a, Color b) {
        return Math.sqrt(Math.pow(a.getRed() - b.getRed(), 2)
                + Math.pow(a.getGreen() - b.getGreen(), 2)
                + Math.pow(a.getBlue() - b.getBlue(), 2));
    }
}
