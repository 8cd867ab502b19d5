package dev.faultline.app.view.shell;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/** The undo and redo keys of one screen: Ctrl+Z undoes, Ctrl+Y and Ctrl+Shift+Z redo (Cmd on macOS). */
record EditHistoryKeys(Runnable undo, Runnable redo) {
    private static final KeyCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination REDO = new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination REDO_SHIFT =
            new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

    /** Runs undo or redo when {@code e} is one of their keys; false when it is not. */
    boolean handle(KeyEvent e) {
        if (UNDO.match(e)) {
            undo.run();
            return true;
        }
        if (REDO.match(e) || REDO_SHIFT.match(e)) {
            redo.run();
            return true;
        }
        return false;
    }
}
