package dev.faultline.app.view.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fault block as drawn on a chart, over the green tolerance band, in both themes: a calm colour
 * of its own (not the olive that amber over green mixes to), set apart from the band, with the
 * fault's name over it readable.
 */
class ChartPaletteTest {

    private static ChartPalette palette(boolean dark) {
        return dark ? ChartPalette.dark() : ChartPalette.light();
    }

    @ParameterizedTest(name = "dark={0}")
    @ValueSource(booleans = {false, true})
    void theFaultBlockOverTheBandIsNotOlive(boolean dark) {
        ChartPalette p = palette(dark);
        Color band = over(p.band(), p.background());
        Color block = over(p.fault(), band);
        float[] hsb = Color.RGBtoHSB(block.getRed(), block.getGreen(), block.getBlue(), null);
        double hue = hsb[0] * 360;

        assertThat(hue < 30 || hue > 100)
                .as("the hue of the fault block over the band, " + Math.round(hue) + "° " + block
                        + " (olive and brown lie between 30° and 100°)")
                .isTrue();
    }

    @ParameterizedTest(name = "dark={0}")
    @ValueSource(booleans = {false, true})
    void theFaultBlockStandsApartFromTheBandAndItsNameReads(boolean dark) {
        ChartPalette p = palette(dark);
        Color band = over(p.band(), p.background());
        Color block = over(p.fault(), band);

        assertThat(distance(block, band)).as("the block against the band alone").isGreaterThanOrEqualTo(18);
        assertThat(distance(over(p.fault(), p.background()), p.background()))
                .as("the block against the chart's background")
                .isGreaterThanOrEqualTo(18);
        assertThat(contrast(p.text(), block))
                .as("the fault's name over the block")
                .isGreaterThanOrEqualTo(4.5);
        assertThat(contrast(p.line(), block))
                .as("the probe's line over the block")
                .isGreaterThanOrEqualTo(3);
    }

    /** {@code top} (with its alpha) painted over the opaque {@code under}. */
    private static Color over(Color top, Color under) {
        double a = top.getAlpha() / 255.0;
        return new Color(
                (int) Math.round(top.getRed() * a + under.getRed() * (1 - a)),
                (int) Math.round(top.getGreen() * a + under.getGreen() * (1 - a)),
                (int) Math.round(top.getBlue() * a + under.getBlue() * (1 - a)));
    }

    private static double distance(Color a, Color b) {
        return Math.sqrt(Math.pow(a.getRed() - b.getRed(), 2)
                + Math.pow(a.getGreen() - b.getGreen(), 2)
                + Math.pow(a.getBlue() - b.getBlue(), 2));
    }

    /** WCAG's contrast ratio. */
    private static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    private static double channel(int v) {
        double s = v / 255.0;
        return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }
}
