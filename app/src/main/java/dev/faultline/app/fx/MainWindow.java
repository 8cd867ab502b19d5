package dev.faultline.app.fx;

import dev.faultline.app.Composition;
import dev.faultline.engine.report.EventText;
import dev.faultline.engine.run.RunEvent;
import dev.faultline.engine.run.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.stage.FileChooser;

/**
 * The walking skeleton's window: the runbooks that ship with Faultline, the runs in the database,
 * the live event log of the current run, and the kill switch, always in reach.
 */
final class MainWindow {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Composition composition;
    private final BorderPane root = new BorderPane();
    private final KillSwitchButton killSwitch;
    private final ObservableList<RunRow> runs = FXCollections.observableArrayList();
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final ListView<Path> runbooks = new ListView<>();
    private final Label phase = new Label("No run active");
    private final Label probes = new Label("");
    private final ListView<String> events = new ListView<>(log);
    private final java.util.Map<String, String> latest = new java.util.LinkedHashMap<>();
    private final Button start = new Button("Run selected runbook");
    private final RunStarter starter;

    MainWindow(Composition composition) {
        this.composition = composition;
        this.killSwitch = new KillSwitchButton(composition.killSwitch);
        this.starter = new RunStarter(composition);
        root.setTop(header());
        root.setLeft(runbookPane());
        root.setCenter(centre());
    }

    Parent root() {
        return root;
    }

    /** Starts with the runbooks focused, so Enter runs the selected one and never halts by accident. */
    void focusRunbooks() {
        runbooks.requestFocus();
    }

    void pressKillSwitch() {
        killSwitch.press();
    }

    private HBox header() {
        Label title = new Label("Faultline");
        title.getStyleClass().add("app-title");
        Label zone = new Label("times in " + ZoneId.systemDefault().getId());
        zone.getStyleClass().add("muted");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox h = new HBox(16, title, zone, grow, killSwitch);
        h.getStyleClass().add("header");
        return h;
    }

    private VBox runbookPane() {
        Label heading = new Label("Runbooks");
        heading.getStyleClass().add("section");
        runbooks.setItems(FXCollections.observableArrayList(shippedRunbooks()));
        runbooks.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Path p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.getFileName().toString());
            }
        });
        runbooks.setAccessibleText("Runbooks");
        runbooks.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && !start.isDisabled()) {
                startSelected();
                e.consume();
            }
        });
        runbooks.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && !start.isDisabled()) {
                startSelected();
            }
        });
        Button open = new Button("Open runbook…");
        open.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Runbooks", "*.yaml", "*.yml"));
            Path p = java.util.Optional.ofNullable(fc.showOpenDialog(root.getScene().getWindow())).map(f -> f.toPath()).orElse(null);
            if (p != null) {
                runbooks.getItems().add(p);
                runbooks.getSelectionModel().select(p);
            }
        });
        start.setDefaultButton(true);
        start.getStyleClass().add("accent");
        start.setOnAction(e -> startSelected());
        start.disableProperty().bind(runbooks.getSelectionModel().selectedItemProperty().isNull());
        if (!runbooks.getItems().isEmpty()) {
            runbooks.getSelectionModel().select(0);
        }
        VBox v = new VBox(10, heading, runbooks, open, start);
        VBox.setVgrow(runbooks, Priority.ALWAYS);
        v.setPadding(new Insets(12));
        v.setPrefWidth(300);
        v.getStyleClass().add("side");
        return v;
    }

    private SplitPane centre() {
        TableView<RunRow> table = new TableView<>(runs);
        table.setAccessibleText("Runs");
        table.getColumns().add(column("Started", r -> TIME.format(r.startedAt().atZone(ZoneId.systemDefault())), 170));
        table.getColumns().add(column("Experiment", RunRow::experiment, 200));
        TableColumn<RunRow, String> result = column("Result", RunRow::status, 100);
        result.setCellFactory(c -> new OutcomeCell());
        table.getColumns().add(result);
        table.getColumns().add(column("Took", r -> r.duration() == null ? "" : r.duration().toSeconds() + " s", 70));
        table.getColumns().add(column("What happened", RunRow::summary, 520));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No runs yet: pick a runbook on the left and run it."));
        Label runsHeading = new Label("Runs");
        runsHeading.getStyleClass().add("section");
        VBox top = new VBox(8, runsHeading, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        top.setPadding(new Insets(12));
        phase.getStyleClass().add("phase");
        events.setAccessibleText("Event log of the current run");
        probes.getStyleClass().add("probes");
        probes.setAccessibleText("Latest probe values");
        VBox bottom = new VBox(8, phase, probes, events);
        VBox.setVgrow(events, Priority.ALWAYS);
        bottom.setPadding(new Insets(12));
        SplitPane split = new SplitPane(top, bottom);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        return split;
    }

    private static TableColumn<RunRow, String> column(String name, java.util.function.Function<RunRow, String> value,
                                                      double width) {
        TableColumn<RunRow, String> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private void startSelected() {
        Path file = runbooks.getSelectionModel().getSelectedItem();
        log.clear();
        latest.clear();
        probes.setText("");
        phase.setText("Starting " + file.getFileName() + "…");
        Task<RunResult> task = starter.task(file, new FxRunBridge(this::onEvents), line -> javafx.application.Platform
                .runLater(() -> log.add(line)));
        task.setOnSucceeded(e -> {
            phase.setText(task.getValue().summary());
            refreshRuns();
        });
        task.setOnFailed(e -> {
            phase.setText("Could not run " + file.getFileName());
            showError("Could not run " + file.getFileName(), task.getException());
            refreshRuns();
        });
        Thread t = new Thread(task, "faultline-app-run");
        t.setDaemon(true);
        t.start();
    }

    private void onEvents(List<RunEvent> batch) {
        for (RunEvent e : batch) {
            if (e instanceof RunEvent.PhaseChanged p) {
                phase.setText("Phase: " + p.to());
            }
            if (e instanceof RunEvent.ProbeSampled s) {
                latest.put(s.sample().probe(), s.sample().probe() + " = " + (s.sample().ok()
                        ? dev.faultline.engine.model.Numbers.format(Math.round(s.sample().value() * 100) / 100.0) : "unreadable")
                        + (s.sample().within() ? "  ✓" : "  ✗ outside tolerance"));
            }
            if (!(e instanceof RunEvent.ProbeSampled) || !((RunEvent.ProbeSampled) e).sample().within()) {
                log.add(TIME.format(e.at().atZone(ZoneId.systemDefault())) + "  " + EventText.describe(e));
            }
        }
        probes.setText(String.join("     ", latest.values()));
        events.scrollTo(log.size() - 1);
        if (log.size() > 5_000) {
            log.remove(0, log.size() - 5_000);
        }
    }

    void refreshRuns() {
        Task<List<RunRow>> load = new Task<>() {
            @Override
            protected List<RunRow> call() throws Exception {
                return starter.recentRuns();
            }
        };
        load.setOnSucceeded(e -> runs.setAll(load.getValue()));
        load.setOnFailed(e -> showError("Could not read the runs from the database", load.getException()));
        Thread t = new Thread(load, "faultline-app-load-runs");
        t.setDaemon(true);
        t.start();
    }

    boolean confirmClose() {
        if (!starter.isRunning()) {
            return true;
        }
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "A run is active. Closing halts it and reverts its faults first.",
                ButtonType.OK, ButtonType.CANCEL);
        a.setHeaderText("Halt the run and close?");
        boolean ok = a.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
        if (ok) {
            starter.haltAndWait();
        }
        return ok;
    }

    void showError(String what, Throwable e) {
        Alert a = new Alert(Alert.AlertType.ERROR, e == null || e.getMessage() == null ? String.valueOf(e) : e.getMessage());
        a.setHeaderText(what);
        a.show();
    }

    private static List<Path> shippedRunbooks() {
        Path dir = Path.of(System.getProperty("faultline.runbooks", "runbooks"), "sandbox");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }
}
