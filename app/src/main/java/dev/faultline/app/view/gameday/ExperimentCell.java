package dev.faultline.app.view.gameday;

import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.VBox;

/** One experiment of the day: its title, then its file name and who runs and watches it. */
final class ExperimentCell extends ListCell<String> {
    private final GameDayPlanModel plan;
    private final Label title = new Label();
    private final Label detail = new Label();
    private final VBox box = new VBox(2, title, detail);

    private final java.util.function.ObjDoubleConsumer<String> measured;

    /** @param measured told each experiment's row height as measured at the list's width */
    ExperimentCell(GameDayPlanModel plan, java.util.function.ObjDoubleConsumer<String> measured) {
        this.plan = plan;
        this.measured = measured;
        title.getStyleClass().add("experiment-title");
        detail.getStyleClass().add("muted");
        title.setMinWidth(0);
        detail.setMinWidth(0);
        // a long title or crew line wraps to the list's width instead of ending in "..." (1024 px)
        title.setWrapText(true);
        detail.setWrapText(true);
        setPrefWidth(0);
        listViewProperty().addListener((o, a, list) -> {
            box.maxWidthProperty().unbind();
            if (list != null) {
                box.maxWidthProperty().bind(list.widthProperty().subtract(28));
                box.prefWidthProperty().bind(box.maxWidthProperty());
            }
        });
        box.maxWidthProperty().addListener((o, a, b) -> requestLayout()); // measured again at the new width
    }

    /** As high as the wrapped lines need at the list's width (a list asks for the height without a width). */
    @Override
    protected double computePrefHeight(double width) {
        if (getGraphic() == null || box.getMaxWidth() <= 0) {
            return super.computePrefHeight(width);
        }
        double h = snappedTopInset() + snappedBottomInset() + box.prefHeight(box.getMaxWidth());
        if (!isEmpty() && getItem() != null) {
            measured.accept(getItem(), h);
        }
        return h;
    }

    @Override
    protected void updateItem(String experiment, boolean empty) {
        super.updateItem(experiment, empty);
        setText(null);
        if (empty || experiment == null) {
            setGraphic(null);
            setAccessibleText(null);
            return;
        }
        title.setText((getIndex() + 1) + ". " + plan.titleOf(experiment));
        detail.setText(GameDayPlanModel.fileNameOf(experiment) + " · " + plan.crewLine(experiment));
        setAccessibleText(title.getText() + ", " + detail.getText());
        setGraphic(box);
    }
}
