package dev.faultline.app.view.home;

import dev.faultline.engine.report.ScoreHistory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.jspecify.annotations.Nullable;

/**
 * The schedules on the home screen: a table (schedule, experiment, when, next run, last result) with
 * Add, Edit (Enter), Pause, Resume and Remove (Delete), and each scheduled experiment's resilience
 * score over time as a line chart.
 */
public final class SchedulesPane extends VBox {
    private final TableView<SchedulesModel.Row> table;
    private final LineChart<Number, Number> chart;
    private final Label noScores = new Label("No scored run of a scheduled experiment yet: the resilience score over"
            + " time is drawn here once one has run (aborted runs have no score).");
    private final Label empty = new Label("No schedules yet: Add schedule… runs a runbook every week or every day (or"
            + " 'faultline schedule add' in a terminal); 'faultline scheduler' starts them on time.");
    private final SchedulesModel model;
    private final ScheduleDialog.Choices choices;
    private final ZoneId zone;
    private TrendTicks ticks;

    /**
     * @param choices the runbooks and environments the schedule dialog offers, and how it browses for a file
     */
    public SchedulesPane(
            SchedulesModel model,
            ZoneId zone,
            Supplier<List<Path>> runbooks,
            Supplier<List<String>> environments,
            Function<Window, Optional<Path>> browse) {
        super(8);
        this.model = model;
        this.choices = new ScheduleDialog.Choices(runbooks, environments, browse);
        setId("schedules");
        Label heading = new Label("Schedules");
        heading.getStyleClass().add("section");
        table = new TableView<>(model.rows());
        table.setId("schedule-table");
        table.setAccessibleText("Schedules: next run and last result");
        table.getColumns().add(column("Schedule", 150, SchedulesModel.Row::name));
        table.getColumns().add(column("Experiment", 190, SchedulesModel.Row::experiment));
        table.getColumns().add(column("When", 170, SchedulesModel.Row::when));
        table.getColumns().add(column("Next run (" + zone.getId() + ")", 170, SchedulesModel.Row::nextRun));
        table.getColumns().add(column("Last result", 260, SchedulesModel.Row::lastResult));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(empty);
        empty.setWrapText(true);
        table.setPrefHeight(150);
        table.setMinHeight(110);

        Button pause = new Button("Pause");
        pause.setId("schedule-pause");
        pause.setTooltip(new Tooltip("The selected schedule does not run until resumed"));
        Button resume = new Button("Resume");
        resume.setId("schedule-resume");
        resume.setTooltip(new Tooltip("Resume the selected schedule; times that passed while paused are not run"));
        var selected = table.getSelectionModel().selectedItemProperty();
        pause.disableProperty()
                .bind(javafx.beans.binding.Bindings.createBooleanBinding(
                        () -> selected.get() == null || selected.get().paused(), selected));
        resume.disableProperty()
                .bind(javafx.beans.binding.Bindings.createBooleanBinding(
                        () -> selected.get() == null || !selected.get().paused(), selected));
        pause.setOnAction(e -> model.setPaused(selected.get().name(), true));
        resume.setOnAction(e -> model.setPaused(selected.get().name(), false));
        Button add = new Button("Add schedule…");
        add.setId("schedule-add");
        add.setTooltip(new Tooltip("Run a runbook on a schedule: when, where and its guards"));
        add.setOnAction(
                e -> ScheduleDialog.open(window(), model, ScheduleForm.blank(ZoneId.systemDefault()), null, choices));
        Button edit = new Button("Edit…");
        edit.setId("schedule-edit");
        edit.setTooltip(new Tooltip("Change the selected schedule (Enter or a double-click in the table)"));
        edit.disableProperty().bind(selected.isNull());
        edit.setOnAction(e -> edit(selected.get()));
        Button remove = new Button("Remove…");
        remove.setId("schedule-remove");
        remove.setTooltip(new Tooltip("Remove the selected schedule (Delete); its past runs stay in the history"));
        remove.disableProperty().bind(selected.isNull());
        remove.setOnAction(e -> remove(selected.get()));
        table.setOnKeyPressed(e -> {
            SchedulesModel.Row r = selected.get();
            if (r == null) {
                return;
            }
            switch (e.getCode()) {
                case ENTER -> edit(r);
                case DELETE -> remove(r);
                default -> {
                    return;
                }
            }
            e.consume();
        });
        table.setRowFactory(t -> {
            TableRow<SchedulesModel.Row> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    edit(row.getItem());
                }
            });
            return row;
        });
        for (Button b : List.of(add, edit, pause, resume, remove)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        FlowPane buttons = new FlowPane(8, 6, add, edit, pause, resume, remove);

        this.zone = zone;
        this.ticks = TrendTicks.spanning(Duration.ZERO, zone);
        NumberAxis x = new NumberAxis();
        x.setForceZeroInRange(false);
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return ticks.label(Instant.ofEpochSecond(n.longValue()));
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        });
        NumberAxis y = new NumberAxis(0, 100, 20);
        y.setLabel("resilience score");
        chart = new LineChart<>(x, y);
        chart.setId("score-trend");
        chart.setTitle("Resilience score of each scheduled experiment, per run");
        chart.setAnimated(false);
        chart.setCreateSymbols(true);
        chart.setPrefHeight(240);
        chart.setMinHeight(180);
        model.trends().addListener((ListChangeListener<SchedulesModel.Trend>) c -> showTrends(model));
        showTrends(model);

        VBox.setVgrow(table, Priority.SOMETIMES);
        setMinHeight(Region.USE_PREF_SIZE);
        noScores.setWrapText(true);
        noScores.setId("no-scores");
        getChildren().addAll(heading, table, buttons, noScores, chart);
    }

    private void edit(SchedulesModel.Row r) {
        ScheduleDialog.open(window(), model, r.fields(), r.name(), choices);
    }

    private void remove(SchedulesModel.Row r) {
        Alert ask = new Alert(
                Alert.AlertType.CONFIRMATION,
                "It no longer runs; its past runs and their reports stay in the history.",
                new ButtonType("Remove", ButtonBar.ButtonData.OK_DONE),
                ButtonType.CANCEL);
        ask.setHeaderText("Remove schedule " + r.name() + "?");
        ask.getDialogPane().setId("schedule-remove-confirm");
        ask.initOwner(window());
        ask.showAndWait()
                .filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE)
                .ifPresent(b -> model.remove(r.name()));
    }

    private @Nullable Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    private void showTrends(SchedulesModel model) {
        chart.getData().clear();
        LongSummaryStatistics runs = model.trends().stream()
                .flatMap(t -> t.points().stream())
                .mapToLong(p -> p.at().getEpochSecond())
                .summaryStatistics();
        ticks = TrendTicks.spanning(
                runs.getCount() == 0 ? Duration.ZERO : Duration.ofSeconds(runs.getMax() - runs.getMin()), zone);
        for (SchedulesModel.Trend t : model.trends()) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(t.experiment());
            for (ScoreHistory.Point p : t.points()) {
                s.getData().add(new XYChart.Data<>(p.at().getEpochSecond(), p.score()));
            }
            chart.getData().add(s);
        }
        // an axis of time without a single point only shows the epoch: say why there is no line instead
        boolean scored = model.trends().stream().anyMatch(t -> !t.points().isEmpty());
        chart.setVisible(scored);
        chart.setManaged(scored);
        noScores.setVisible(!scored && !model.trends().isEmpty());
        noScores.setManaged(noScores.isVisible());
    }

    private static TableColumn<SchedulesModel.Row, String> column(
            String title, double width, java.util.function.Function<SchedulesModel.Row, String> value) {
        TableColumn<SchedulesModel.Row, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        // a narrow window shortens a cell: its whole text stays one hover away
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null ? null : new Tooltip(text));
            }
        });
        return c;
    }
}
