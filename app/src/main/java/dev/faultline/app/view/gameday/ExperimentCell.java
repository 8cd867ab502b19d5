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

    ExperimentCell(GameDayPlanModel plan) {
        this.plan = plan;
        title.getStyleClass().add("experiment-title");
        detail.getStyleClass().add("muted");
        title.setMinWidth(0);
        detail.setMinWidth(0);
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
