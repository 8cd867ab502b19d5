package dev.faultline.reports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The fonts a PDF embeds, in fallback order: DejaVu Sans for Latin, Greek and Cyrillic; Droid Sans
 * Fallback for Chinese, Japanese and Korean; Symbola for emoji (monochrome). All from Debian packages
 * (fonts-dejavu-core, fonts-droid-fallback, fonts-symbola); a missing one is left out, and the
 * characters only it has show as boxes.
 */
final class ReportFonts {
    record Font(Path file, String family, int weight) {}

    static final List<Font> CANDIDATES = List.of(
            new Font(Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"), "DejaVu Sans", 400),
            new Font(Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"), "DejaVu Sans", 700),
            new Font(Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"), "Droid Sans Fallback", 400),
            new Font(Path.of("/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf"), "Symbola", 400));

    /** The CSS font-family list, the same order. */
    static final String FAMILY = "'DejaVu Sans', 'Droid Sans Fallback', 'Symbola', sans-serif";

    private ReportFonts() {}

    static List<Font> available() {
        List<Font> out = new ArrayList<>();
        for (Font f : CANDIDATES) {
            if (Files.isReadable(f.file())) {
                out.add(f);
            }
        }
        return out;
    }

    static List<String> missing() {
        return CANDIDATES.stream()
                .filter(f -> !Files.isReadable(f.file()))
                .map(f -> f.file().toString())
                .toList();
    }
}
