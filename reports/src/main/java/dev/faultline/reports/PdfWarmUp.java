package dev.faultline.reports;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets the PDF engine ready in the background while a command reads its report from the database:
 * the report's Latin fonts for the next PDF ({@link ParsedFonts}), the metrics of PDFBox's 14
 * standard fonts (parsed once per process, for every PDF), the engine's
 * classes and their first compilation, by making a one-line PDF with the report's fonts and throwing
 * it away. The report's own PDF is made as before and is the same; on one core it only costs the
 * time of the one-line PDF. Once per process.
 */
final class PdfWarmUp {
    private static final Logger log = LoggerFactory.getLogger(PdfWarmUp.class);
    private static final String PAGE = "<html><head><style>body { font-family: " + ReportFonts.FAMILY
            + "; }</style></head><body><h1>Faultline</h1><p>report <b>warm-up</b></p></body></html>";

    private static final CompletableFuture<Void> DONE = new CompletableFuture<>();
    private static boolean running;

    private PdfWarmUp() {}

    /** Starts it, or returns the one started before; it completes normally whatever happens inside. */
    static synchronized CompletableFuture<Void> start() {
        if (!running) {
            running = true;
            Thread t = new Thread(
                    () -> {
                        try {
                            warmUp();
                        } catch (Exception | LinkageError e) {
                            log.debug("the PDF engine's warm-up failed; the report is made without it", e);
                        } finally {
                            DONE.complete(null);
                        }
                    },
                    "faultline-pdf-warm-up");
            t.setDaemon(true);
            t.start();
        }
        return DONE;
    }

    private static void warmUp() throws Exception {
        ParsedFonts.parseAhead();
        for (Standard14Fonts.FontName f : Standard14Fonts.FontName.values()) {
            Standard14Fonts.getAFM(f.getName());
        }
        PdfRendererBuilder b = PdfReport.builder(PAGE);
        b.toStream(OutputStream.nullOutputStream());
        b.run();
    }
}
