package dev.faultline.app.view.document;

import java.nio.file.Path;

/** Where a Save goes: over the document's own file, or to a file the user picks. */
public sealed interface SaveTarget {

    /** Writes over the file the document was opened from. */
    record InPlace(Path file) implements SaveTarget {}

    /**
     * Asks for a file, starting in {@code folder} with {@code name}; {@code why} says why when it is
     * not plain Save As (a shipped runbook saved as a copy).
     */
    record Ask(Path folder, String name, String why) implements SaveTarget {}
}
