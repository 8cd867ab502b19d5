package dev.faultline.app.view.document;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * One document as the app holds it: where it is saved ({@code file}, none while untitled), the
 * text its file holds and the text being edited. A shipped runbook is {@code readOnly}: it may be
 * edited, but is saved as a copy in the user's folder.
 *
 * @param name the file name shown, also the one offered when it is first saved
 */
public record Document(
        DocumentKind kind, @Nullable Path file, String name, String savedText, String text, boolean readOnly) {

    /** A document just read from {@code file}. */
    public static Document opened(DocumentKind kind, Path file, String text, boolean readOnly) {
        return new Document(kind, file, file.getFileName().toString(), text, text, readOnly);
    }

    /** A new document, not saved yet: {@code text} is what it starts with (a template's), unsaved once edited. */
    public static Document untitled(DocumentKind kind, String name, String text) {
        return new Document(kind, null, name, text, text, false);
    }

    /** Edits differ from what the file holds . */
    public boolean dirty() {
        return !text.equals(savedText);
    }

    public boolean untitled() {
        return file == null;
    }

    public Document edited(String newText) {
        return new Document(kind, file, name, savedText, newText, readOnly);
    }

    /** Saved as {@code to} with {@code savedAs}: the user's own file from now on. */
    public Document savedAs(Path to, String savedAs) {
        return new Document(kind, to, to.getFileName().toString(), savedAs, savedAs, false);
    }

    /** The name with the unsaved marker, as tabs and the window title show it: "payment.yaml •". */
    public String title() {
        return name + (dirty() ? " •" : "") + (readOnly ? " (read-only)" : "");
    }
}
