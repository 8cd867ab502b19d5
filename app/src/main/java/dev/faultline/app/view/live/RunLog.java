package dev.faultline.app.view.live;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The live view's event log: one line per event, note and message, each with its time of day, the
 * newest {@link #LINES} kept; a note is remembered so that the store handing it back does not show
 * it twice.
 */
final class RunLog {
    /** Lines kept in the event log. */
    static final int LINES = 5_000;

    private final DateTimeFormatter time;
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    // one read-only view, kept: a wrapper made per call would be collected with its listeners
    private final ObservableList<String> view = FXCollections.unmodifiableObservableList(lines);
    private final Set<String> notes = new HashSet<>();

    RunLog(DateTimeFormatter time) {
        this.time = time;
    }

    void clear() {
        lines.clear();
        notes.clear();
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    /** A line at {@code at}. */
    void add(Instant at, String text) {
        lines.add(time.format(at) + "  " + text);
        if (lines.size() > LINES) {
            lines.remove(0, lines.size() - LINES);
        }
    }

    void note(Instant at, String author, String text) {
        notes.add(key(at, author, text));
        add(at, "note" + (author.isBlank() ? "" : " (" + author + ")") + ": " + text);
    }

    /** Whether this note is already shown (written here, then read back from the store). */
    boolean shown(Instant at, String author, String text) {
        return notes.contains(key(at, author, text));
    }

    private static String key(Instant at, String author, String text) {
        return at.toEpochMilli() + "|" + author + "|" + text;
    }

    /** The list itself, for the GameDay plan's lines. */
    ObservableList<String> lines() {
        return lines;
    }

    ObservableList<String> view() {
        return view;
    }
}
