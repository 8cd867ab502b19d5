package dev.faultline.app.view.common;

import javafx.scene.control.TableCell;

/** A run's outcome, coloured so the table reads at a glance ({@link RunStatusStyle}). */
public final class OutcomeCell extends TableCell<RunRow, String> {
    @Override
    protected void updateItem(String status, boolean empty) {
        super.updateItem(status, empty);
        if (empty || status == null) {
            getStyleClass().removeAll(RunStatusStyle.ALL);
            setText(null);
            return;
        }
        setText(status);
        RunStatusStyle.apply(getStyleClass(), status);
    }
}
