package dev.faultline.reports;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import dev.faultline.engine.report.Report;
import dev.faultline.engine.report.ReportException;
import dev.faultline.engine.report.ReportRenderer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
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
        Map<Path, TrueTypeFont> parsed = ParsedFonts.take();
        List<TrueTypeFont> opened = new ArrayList<>(parsed.values());
        // the fonts are made into PDF fonts of this document (those parsed ahead, the others read on
        // first use), so the engine writes into it
        PDDocument doc = new PDDocument();
        try {
            PdfRendererBuilder b = builder(xhtml, doc, parsed, opened::add);
            b.useObjectDrawerFactory(charts.factory());
            b.toStream(out);
            b.run();
        } catch (IOException | RuntimeException e) {
            throw new ReportException("cannot make the PDF: " + e.getMessage(), e);
        } finally {
            opened.forEach(ParsedFonts::close);
            closeQuietly(doc);
        }
        return out.toByteArray();
    }

    private static void closeQuietly(PDDocument doc) {
        try {
            doc.close(); // the engine closes it when done: a second close does nothing
        } catch (IOException e) {
            // a document in memory: nothing left to release
        }
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
            b.useFont(f.file().toFile(), f.family(), f.weight(), FontStyle.NORMAL, true);
        }
        return content(b, xhtml);
    }

    /**
     * The same into {@code doc}: the fonts of {@code parsed} (parsed ahead by {@link ParsedFonts}, for
     * this document alone) instead of reading those files again, the others read in one go when the
     * document first needs them and handed to {@code opened} (to be closed after the document).
     */
    static PdfRendererBuilder builder(
            String xhtml, PDDocument doc, Map<Path, TrueTypeFont> parsed, Consumer<TrueTypeFont> opened) {
        PdfRendererBuilder b = new PdfRendererBuilder();
        b.usePDDocument(doc);
        for (ReportFonts.Font f : ReportFonts.available()) {
            TrueTypeFont ttf = parsed.get(f.file());
            PDFontSupplier font =
                    ttf != null ? ParsedFonts.supplier(doc, ttf) : ParsedFonts.onFirstUse(doc, f.file(), opened);
            b.useFont(font, f.family(), f.weight(), FontStyle.NORMAL, true);
        }
        return content(b, xhtml);
    }

    private static PdfRendererBuilder content(PdfRendererBuilder b, String xhtml) {
        b.withHtmlContent(xhtml, null);
        b.withProducer("Faultline");
        return b;
    }
}
