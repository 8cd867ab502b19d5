package dev.faultline.reports;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jspecify.annotations.Nullable;

/**
 * The report's Latin fonts (DejaVu Sans, regular and bold: every report uses them), parsed by
 * {@link PdfWarmUp} in the background while the database opens, for the next PDF. Parsed fonts are
 * taken by one document only and closed after it (a parsed font is not shared between documents);
 * a PDF made without them (none parsed ahead, or already taken) reads its fonts from their files as
 * before. The fonts, the subsets embedded and the pages are the same either way.
 */
final class ParsedFonts {
    private static final AtomicReference<@Nullable CompletableFuture<Map<Path, TrueTypeFont>>> AHEAD =
            new AtomicReference<>();

    private ParsedFonts() {}

    /** Parses the Latin fonts on this thread for the next document (once per process). */
    static void parseAhead() {
        CompletableFuture<Map<Path, TrueTypeFont>> f = new CompletableFuture<>();
        if (!AHEAD.compareAndSet(null, f)) {
            return;
        }
        Map<Path, TrueTypeFont> out = new LinkedHashMap<>();
        try {
            for (ReportFonts.Font font : ReportFonts.available()) {
                if (font.family().equals("DejaVu Sans")) {
                    out.put(font.file(), parse(font.file()));
                }
            }
            f.complete(out);
        } catch (IOException | RuntimeException e) {
            out.values().forEach(ParsedFonts::close);
            f.complete(Map.of());
        }
    }

    /** The fonts parsed ahead (waiting for them if being parsed), once; empty when none were. */
    static Map<Path, TrueTypeFont> take() {
        CompletableFuture<Map<Path, TrueTypeFont>> f = AHEAD.getAndSet(CompletableFuture.completedFuture(Map.of()));
        return f == null ? Map.of() : f.join();
    }

    /** A font for {@code doc}, made from a parsed font when the document first needs it, as a subset. */
    static PDFontSupplier supplier(PDDocument doc, TrueTypeFont ttf) {
        return new PDFontSupplier(null) {
            private @Nullable PDFont font;

            @Override
            public PDFont supply() {
                if (font == null) {
                    try {
                        font = PDType0Font.load(doc, ttf, true);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot embed a report font in the PDF: " + e.getMessage(), e);
                    }
                }
                return font;
            }
        };
    }

    static void close(TrueTypeFont ttf) {
        try {
            ttf.close();
        } catch (IOException e) {
            // a font file that was read: nothing left to release
        }
    }

    /**
     * A font for {@code doc} read from {@code file} when the document first needs it (the fallback
     * fonts: only a document with CJK or emoji text needs them), each parsed font handed to {@code
     * opened} to be closed after the document.
     */
    static PDFontSupplier onFirstUse(PDDocument doc, Path file, Consumer<TrueTypeFont> opened) {
        return new PDFontSupplier(null) {
            private @Nullable PDFont font;

            @Override
            public PDFont supply() {
                if (font == null) {
                    try {
                        TrueTypeFont ttf = parse(file);
                        opened.accept(ttf);
                        font = PDType0Font.load(doc, ttf, true);
                    } catch (IOException e) {
                        throw new UncheckedIOException(
                                "cannot read the report font " + file + ": " + e.getMessage(), e);
                    }
                }
                return font;
            }
        };
    }

    /**
     * Parses the font and reads the tables the PDF engine needs for its metrics and subset. The file
     * is read in one go: PDFBox's buffered file reader reads it in 4 KB pages, one seek each (4 MB of
     * Droid Sans Fallback took about 70 ms on the page's thread).
     */
    private static TrueTypeFont parse(Path file) throws IOException {
        TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(Files.readAllBytes(file)));
        ttf.getHeader();
        ttf.getHorizontalHeader();
        ttf.getMaximumProfile();
        ttf.getOS2Windows();
        ttf.getPostScript();
        ttf.getHorizontalMetrics();
        ttf.getNaming();
        ttf.getUnicodeCmapLookup();
        return ttf;
    }
}
