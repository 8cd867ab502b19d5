package dev.faultline.app.view.common;

import javafx.scene.control.TableCell;

/** A run's outcome, coloured so the table reads at a glance: held, deviated, halted, crashed. */
public final class OutcomeCell extends TableCell<RunRow, String> {
    private static final java.util.List<String> STYLES =
            java.util.List.of("outcome-good", "outcome-warn", "outcome-bad", "outcome-running");

    @Override
    protected void updateItem(String status, boolean empty) {
        super.updateItem(status, empty);
        getStyleClass().removeAll(STYLES);
        if (empty || status == null) {
            setText(null);
            return;
        }
        setText(status);
        getStyleClass()
                .add(
                        switch (status) {
                            case "HELD" -> "outcome-good";
                            case "DEVIATED", "ABORTED" -> "outcome-warn";
                            case "RUNNING" -> "outcome-running";
                            default -> "outcome-bad";
                        });
    }
}
