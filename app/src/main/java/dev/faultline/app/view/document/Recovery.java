package dev.faultline.app.view.document;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/**
 * Unsaved work an earlier session left in its autosave: the text, the file it was edited for (none
 * when untitled), its name and when it was written.
 */
public record Recovery(DocumentKind kind, @Nullable Path original, String name, String text, Instant at) {

    /** "Recover unsaved experiment from 14:02?" in {@code zone}. */
    public String question(ZoneId zone) {
        return "Recover unsaved " + kind.noun() + " from "
                + DateTimeFormatter.ofPattern("HH:mm").format(at.atZone(zone)) + "?";
    }

    /** What it is, for the dialog's text. */
    public String detail(ZoneId zone) {
        return "Faultline was closed before " + name + " was saved. Its last edits were kept at "
                + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(at.atZone(zone))
                + (original == null ? " (it was never saved)." : " (its file: " + original + ").");
    }
}
