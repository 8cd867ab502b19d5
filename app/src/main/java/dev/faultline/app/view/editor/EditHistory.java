package dev.faultline.app.view.editor;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** Undo and redo over {@link Edit}s, bounded so a long session does not grow without end. */
public final class EditHistory {
    static final int LIMIT = 500;
    private final Deque<Edit> undo = new ArrayDeque<>();
    private final Deque<Edit> redo = new ArrayDeque<>();

    public void record(Edit e) {
        undo.push(e);
        if (undo.size() > LIMIT) {
            undo.removeLast();
        }
        redo.clear();
    }

    public Optional<Edit> undo() {
        if (undo.isEmpty()) {
            return Optional.empty();
        }
        Edit e = undo.pop();
        redo.push(e);
        return Optional.of(e);
    }

    public Optional<Edit> redo() {
        if (redo.isEmpty()) {
            return Optional.empty();
        }
        Edit e = redo.pop();
        undo.push(e);
        return Optional.of(e);
    }

    public Optional<String> nextUndo() {
        return Optional.ofNullable(undo.peek()).map(Edit::description);
    }

    public Optional<String> nextRedo() {
        return Optional.ofNullable(redo.peek()).map(Edit::description);
    }

    public void clear() {
        undo.clear();
        redo.clear();
    }
}
