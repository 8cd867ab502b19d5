package dev.faultline.reports;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import dev.faultline.engine.report.Report;
import dev.faultline.engine.report.ReportException;
import dev.faultline.engine.report.ReportRenderer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The report as an A4 PDF through openhtmltopdf: the same document as the HTML, charts as vector
 * graphics drawn by JFreeChart onto the page ({@link ChartObjects}), fonts embedded (subset) for
 * Latin, CJK and emoji text.
 */
public final class PdfReport implements ReportRenderer {
    private static final Logger log = LoggerFactory.getLogger(PdfReport.class);

    static {
        PdfEngineLog.install();
    }

    private final boolean engineLog;

    /** With the engine log as an appendix. */
    public PdfReport() {
        this(true);
    }

    /** {@code engineLog}: the run events as an appendix; false leaves them out (a shorter PDF). */
    public PdfReport(boolean engineLog) {
        this.engineLog = engineLog;
    }

    @Override
    public ReportRenderer withoutEngineLog() {
        return new PdfReport(false);
    }

    @Override
    public String format() {
        return "pdf";
    }

    @Override
    public byte[] render(Report report) throws ReportException {
        if (!ReportFonts.missing().isEmpty()) {
            log.warn(
                    "fonts missing, characters only they have show as boxes: {} (Debian: fonts-dejavu-core,"
                            + " fonts-droid-fallback, fonts-symbola)",
                    ReportFonts.missing());
        }
        ChartObjects charts = new ChartObjects();
        String xhtml = ReportDocument.xhtml(report, true, charts, engineLog);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        try {
            PdfRendererBuilder b = builder(xhtml);
            b.useObjectDrawerFactory(charts.factory());
            b.toStream(out);
            b.run();
        } catch (IOException | RuntimeException e) {
            throw new ReportException("cannot make the PDF: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** Starts {@link PdfWarmUp} (once per process): a one-line PDF made in the background. */
    @Override
    public void prepare() {
        PdfWarmUp.start();
    }

    /** The PDF engine set up for a document: the fonts in fallback order, Faultline as producer. */
    static PdfRendererBuilder builder(String xhtml) {
        PdfRendererBuilder b = new PdfRendererBuilder();
        for (ReportFonts.Font f : ReportFonts.available()) {
            b.useFont(
                    f.file().toFile(),
                    f.family(),
                    f.weight(),
                    com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle.NORMAL,
                    true);
        }
        b.withHtmlContent(xhtml, null);
        b.withProducer("Faultline");
        return b;
    }
}
