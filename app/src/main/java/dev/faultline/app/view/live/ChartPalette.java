package dev.faultline.app.view.live;

import java.awt.Color;

/**
 * The charts' colours for a theme: quiet backgrounds, one line colour, red only for trouble. The
 * fault block is a light indigo that stays its own colour over the green tolerance band (checked by
 * ChartPaletteTest).
 */
public record ChartPalette(
        Color background,
        Color grid,
        Color text,
        Color line,
        Color band,
        Color haltZone,
        Color baseline,
        Color fault,
        Color breach,
        Color revert,
        Color observation) {

    public static ChartPalette light() {
        return new ChartPalette(
                new Color(0xffffff),
                new Color(0xe3e6eb),
                new Color(0x3a4150),
                new Color(0x2f6fde),
                new Color(46, 160, 67, 46),
                new Color(198, 40, 40, 22),
                new Color(0x6b7280),
                new Color(99, 102, 241, 30), // a quiet indigo: amber over the green band mixed to olive
                new Color(0xc62828),
                new Color(0x1b7f3b),
                new Color(0x7c3aed));
    }

    public static ChartPalette dark() {
        return new ChartPalette(
                new Color(0x0d1117),
                new Color(0x30363d),
                new Color(0xc9d1d9),
                new Color(0x58a6ff),
                new Color(63, 185, 80, 45),
                new Color(248, 81, 73, 30),
                new Color(0x8b949e),
                new Color(129, 140, 248, 50),
                new Color(0xf85149),
                new Color(0x3fb950),
                new Color(0xbc8cff));
    }
}
