package dev.faultline.app.view.home;

import dev.faultline.engine.report.ScoreHistory;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The schedules on the home screen: a table (schedule, experiment, when, next run, last result) with
 * Pause and Resume, and each scheduled experiment's resilience score over time as a line chart.
 */
public final class SchedulesPane extends VBox {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM");

    private final TableView<SchedulesModel.Row> table;
    private final LineChart<Number, Number> chart;
    private final Label noScores = new Label("No scored run of a scheduled experiment yet: the resilience score over"
            + " time is drawn here once one has run (aborted runs have no score).");
    private final Label empty = new Label(
            "No schedules yet. Add one from a terminal: faultline schedule add weekly-payments"
                    + " runbooks/sandbox/payment-latency-holds.yaml --cron \"0 9 * * MON\"; 'faultline scheduler' runs them.");

    public SchedulesPane(SchedulesModel model, ZoneId zone) {
        super(8);
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
        HBox buttons = new HBox(8, pause, resume);

        NumberAxis x = new NumberAxis();
        x.setForceZeroInRange(false);
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return DAY.format(Instant.ofEpochSecond(n.longValue()).atZone(zone));
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

    private void showTrends(SchedulesModel model) {
        chart.getData().clear();
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
