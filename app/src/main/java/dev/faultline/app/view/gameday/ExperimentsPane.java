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
        // the whole day in view: as high as its rows as measured (a row wraps to three or four lines at
        // 1024 px), up to six; the planner scrolls as a whole when the window is lower
        RowHeights rows = new RowHeights(plan, experiments);
        experiments.setMinHeight(120);
        experiments.setAccessibleText("Experiments in the order they run, with who runs and who watches each");
        experiments.setPlaceholder(new Label("Add the experiments, in the order they run"));
        experiments.setCellFactory(l -> new ExperimentCell(plan, rows::measured));
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

    /**
     * The list's height from its rows' heights as the cells measure them at the list's width; a row
     * not measured yet (not in view yet) counts as three lines.
     */
    private static final class RowHeights {
        private static final int ROWS_SHOWN = 6;
        private static final double UNMEASURED = 60;

        private final GameDayPlanModel plan;
        private final ListView<String> list;
        private final java.util.Map<String, Double> heights = new java.util.HashMap<>();
        private boolean pending;

        RowHeights(GameDayPlanModel plan, ListView<String> list) {
            this.plan = plan;
            this.list = list;
            plan.experiments().addListener((ListChangeListener<String>) c -> fit());
            list.widthProperty().addListener((o, a, b) -> heights.clear());
            fit();
        }

        /** A cell measured {@code experiment}'s row: the list fits it on the next pulse (not during the layout). */
        void measured(String experiment, double height) {
            Double was = heights.put(experiment, height);
            if ((was == null || Math.abs(was - height) > 0.5) && !pending) {
                pending = true;
                javafx.application.Platform.runLater(this::fit);
            }
        }

        private void fit() {
            pending = false;
            java.util.List<String> all = plan.experiments();
            double h = 0;
            for (int i = 0; i < Math.max(2, Math.min(ROWS_SHOWN, all.size())); i++) {
                h += i < all.size() ? heights.getOrDefault(all.get(i), UNMEASURED) : UNMEASURED;
            }
            list.setPrefHeight(Math.ceil(h) + list.snappedTopInset() + list.snappedBottomInset() + 4);
        }
    }
}
