package dev.faultline.reports;

/** The report's CSS: one look for screen and paper; the PDF adds pages with running headers and numbers. */
final class ReportStyle {
    private ReportStyle() {}

    static String css(boolean pdf, String title) {
        return css(pdf, title, true);
    }

    static String css(boolean pdf, String title, boolean gameDay) {
        String base = """
                body { font-family: %s; color: #1f2328; font-size: %s; line-height: 1.45; margin: 0; }
                main { max-width: 960px; margin: 0 auto; padding: %s; }
                h1 { font-size: 22pt; margin: 0 0 2pt 0; color: #0b2545; }
                h2 { font-size: 14pt; color: #0b2545; border-bottom: 1.5pt solid #0b2545; padding-bottom: 2pt; margin-top: 18pt;
                     page-break-after: avoid; }
                h3 { font-size: 11.5pt; margin: 14pt 0 4pt 0; page-break-after: avoid; }
                .keep { page-break-inside: avoid; }
                .kicker { text-transform: uppercase; letter-spacing: 1.5pt; font-size: 8.5pt; color: #57606a; }
                .lead { font-size: 11pt; color: #424a53; margin: 6pt 0 10pt 0; }
                table { border-collapse: collapse; width: 100%%; margin: 4pt 0 8pt 0; font-size: 9pt; }
                th { text-align: left; background: #eef2f7; color: #24292f; font-weight: bold; padding: 3pt 5pt;
                     border-bottom: 1pt solid #c9d1d9; }
                td { padding: 3pt 5pt; border-bottom: 0.5pt solid #e1e4e8; vertical-align: top; }
                table.facts td:first-child { width: 30%%; color: #57606a; }
                tr { page-break-inside: avoid; }
                td.nowrap { white-space: nowrap; }
                table.timeline td:first-child { width: 24mm; } table.timeline td:nth-child(2) { width: 30mm; }
                .badge { display: inline-block; padding: 1pt 6pt; border-radius: 3pt; font-weight: bold; font-size: 8.5pt;
                         color: #ffffff; background: #57606a; }
                .HELD, .COMPLETED, .PASSED, .DONE { background: #1a7f37; }
                .DEVIATED, .UNSURE, .IN_PROGRESS { background: #9a6700; }
                .HALTED, .STOPPED, .FAILED, .CRASHED, .CRITICAL, .HIGH { background: #cf222e; }
                .ABORTED, .OPEN, .MEDIUM, .LOW, .RUNNING, .SKIPPED, .WONT_DO { background: #57606a; }
                .no { color: #cf222e; font-weight: bold; }
                .expected { color: #1a7f37; }
                .chart { page-break-inside: avoid; margin: 4pt 0 10pt 0; }
                .chart .caption { font-size: 8.5pt; color: #57606a; }
                .legend-band { color: #1a7f37; } .legend-fault { color: #6366f1; }
                .experiment { margin-top: 6pt; }
                .appendix { page-break-before: %s; }
                table.score-parts td:nth-child(3) { white-space: nowrap; }
                .score { font-size: 26pt; font-weight: bold; color: #0b2545; }
                .muted { color: #57606a; font-size: 8.5pt; }
                .note { white-space: pre-wrap; word-wrap: break-word; }
                footer { margin-top: 20pt; color: #57606a; font-size: 8pt; border-top: 0.5pt solid #d0d7de; padding-top: 4pt; }
                """.formatted(
                        ReportFonts.FAMILY, pdf ? "9.5pt" : "10.5pt", pdf ? "0" : "24px", pdf ? "always" : "auto");
        if (!pdf) {
            return base + ".chart svg { width: 100%; height: auto; display: block; }\n";
        }
        return base
                + """
                @page { size: A4; margin: 20mm 16mm 18mm 16mm;
                  @top-left { content: "%s"; font-family: %s; font-size: 7.5pt; color: #57606a; }
                  @top-right { content: "%s"; font-family: %s; font-size: 7.5pt; color: #57606a; }
                  @bottom-center { content: "Page " counter(page) " of " counter(pages); font-family: %s;
                                   font-size: 7.5pt; color: #57606a; } }
                @page :first { @top-left { content: none; } @top-right { content: none; } }
                .cover { page-break-after: always; }
                .cover h2 { margin-top: 8pt; }
                .cover h3 { margin: 8pt 0 2pt 0; }
                .cover table { font-size: 8pt; margin: 2pt 0 4pt 0; }
                .cover td, .cover th { padding: 1.5pt 4pt; }
                .cover .lead { font-size: 10pt; margin: 4pt 0 6pt 0; }
                .cover .score { font-size: 20pt; }
                .cover p { margin: 3pt 0; }
                table.score-parts td:first-child { width: 30%%; }
                .chart-object { display: block; width: 178mm; height: 47mm; }
                """.formatted(
                                title.replace("\"", "'").replace("\\", ""),
                                ReportFonts.FAMILY,
                                gameDay ? "Faultline GameDay report" : "Faultline experiment run report",
                                ReportFonts.FAMILY,
                                ReportFonts.FAMILY);
    }
}
