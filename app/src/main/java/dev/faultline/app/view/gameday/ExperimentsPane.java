package dev.faultline.app.view.gameday;

import static dev.faultline.app.view.gameday.PlanFields.buttons;
import static dev.faultline.app.view.gameday.PlanFields.heading;

import dev.faultline.app.view.common.Background;
import dev.faultline.engine.model.ExperimentCrew;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.layout.VBox;

/**
 * The day's experiments in the order they run: add one (a shipped runbook, titled as it is read, or
 * a file of one's own), move, remove, and who runs and watches the one selected.
 */
final class ExperimentsPane extends VBox {
    private final GameDayPlanModel plan;

    /**
     * @param add     adds a runbook as the day's next experiment
     * @param ownFile asks for a runbook file of one's own and adds it
     */
    ExperimentsPane(GameDayPlanModel plan, GameDayActions actions, Consumer<Path> add, Runnable ownFile) {
        super(10);
        this.plan = plan;
        ListView<String> experiments = new ListView<>(plan.experiments());
        experiments.setId("gameday-experiments");
        experiments.setPrefHeight(170);
        experiments.setMinHeight(120);
        experiments.setAccessibleText("Experiments in the order they run, with who runs and who watches each");
        experiments.setPlaceholder(new Label("Add the experiments, in the order they run"));
        experiments.setCellFactory(l -> new ExperimentCell(plan));
        // a title learnt or a crew changed: the cells say it at once
        plan.titles().addListener((MapChangeListener<String, String>) c -> experiments.refresh());
        plan.crews().addListener((MapChangeListener<String, ExperimentCrew>) c -> experiments.refresh());
        plan.participants().addListener((ListChangeListener<ParticipantRow>) c -> experiments.refresh());
        MenuButton addMenu = new MenuButton("Add experiment");
        addMenu.setId("add-experiment");
        for (Path p : actions.experimentRunbooks()) {
            MenuItem item = new MenuItem(p.getParent().getFileName() + " / " + p.getFileName());
            item.setOnAction(e -> add.accept(p));
            addMenu.getItems().add(item);
            Background.run(
                    "experiment-title",
                    () -> actions.experimentTitle(p),
                    t -> item.setText(t + "  (" + p.getParent().getFileName() + " / " + p.getFileName() + ")"),
                    err -> {}); // the file name stays: the editor says what is wrong with it
        }
        MenuItem own = new MenuItem("A runbook file of your own…");
        own.setId("add-own-experiment");
        own.setOnAction(e -> ownFile.run());
        if (!addMenu.getItems().isEmpty()) {
            addMenu.getItems().add(new SeparatorMenuItem());
        }
        addMenu.getItems().add(own);
        Button up = new Button("Up");
        up.setOnAction(e -> move(experiments, -1));
        Button down = new Button("Down");
        down.setOnAction(e -> move(experiments, 1));
        Button remove = new Button("Remove");
        remove.setOnAction(
                e -> plan.removeExperiment(experiments.getSelectionModel().getSelectedItem()));
        CrewPane crew = new CrewPane(plan, experiments.getSelectionModel().selectedItemProperty());
        getChildren().addAll(heading("Experiments"), experiments, buttons(addMenu, up, down, remove), crew);
    }

    private void move(ListView<String> list, int by) {
        int j = plan.moveExperiment(list.getSelectionModel().getSelectedIndex(), by);
        if (j >= 0) {
            list.getSelectionModel().select(j);
        }
    }
}
