package dev.faultline.reports;

import dev.faultline.engine.report.Report;
import dev.faultline.engine.report.ReportRenderer;
import java.nio.charset.StandardCharsets;

/** The report as one self-contained HTML file: inline CSS and inline SVG charts, nothing fetched. */
public final class HtmlReport implements ReportRenderer {
    @Override
    public String format() {
        return "html";
    }

    @Override
    public byte[] render(Report report) {
        return ReportDocument.xhtml(report, false).getBytes(StandardCharsets.UTF_8);
    }
}
