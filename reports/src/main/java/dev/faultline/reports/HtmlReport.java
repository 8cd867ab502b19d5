package dev.faultline.reports;

import dev.faultline.engine.report.Report;
import dev.faultline.engine.report.ReportRenderer;
import java.nio.charset.StandardCharsets;

/** The report as one self-contained HTML file: inline CSS and inline SVG charts, nothing fetched. */
public final class HtmlReport implements ReportRenderer {
    private final boolean engineLog;

    /** With the engine log as an appendix. */
    public HtmlReport() {
        this(true);
    }

    /** {@code engineLog}: the run events as an appendix; false leaves them out. */
    public HtmlReport(boolean engineLog) {
        this.engineLog = engineLog;
    }

    @Override
    public ReportRenderer withoutEngineLog() {
        return new HtmlReport(false);
    }

    @Override
    public String format() {
        return "html";
    }

    @Override
    public byte[] render(Report report) {
        return ReportDocument.xhtml(report, false, new ChartObjects(), engineLog)
                .getBytes(StandardCharsets.UTF_8);
    }
}
