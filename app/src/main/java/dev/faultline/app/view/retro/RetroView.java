package dev.faultline.app.view.retro;

import dev.faultline.engine.report.ExperimentOutcome;
import dev.faultline.engine.report.Lesson;
import dev.faultline.engine.store.GameDayRunRecord;
import java.nio.file.Path;
import javafx.collections.FXCollections;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jspecify.annotations.Nullable;

/**
 * The retrospective of a GameDay run: the team's verdict per experiment with its times, the
 * skipped experiments, the notes of the day, what went well, what did not, surprises and
 * follow-ups, findings ({@link FindingsPane}), action items ({@link ActionItemsPane}), full-text
 * search across every GameDay, and the report export ({@link ExportBar}). State and commands are the
 * {@link RetroViewModel}'s; this view lays them out and binds. The sections stay while the run is
 * read again after a change, so what is selected and focused stays.
 */
public final class RetroView extends SplitPane {
    private static final KeyCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);

    private final RetroViewModel model;
    private final ListView<GameDayRunRecord> runList;
    private final VBox detail = new VBox(12);
    private final Label status = new Label();
    private final Label title = new Label();
    private final Label when = new Label();
    private final VBox experiments = new VBox(6);
    private final VBox notes = new VBox(6);
    private final FindingsPane findings;
    private final ActionItemsPane actionItems;
    private final ExportBar export;
    private final Node[] sections;
    private final ScrollPane scroll;

    public RetroView(RetroViewModel model) {
        this(model, ReportSaver.system());
    }

    public RetroView(RetroViewModel model, ReportSaver saver) {
        this.model = model;
        getStyleClass().add("retro");
        status.textProperty().bind(model.statusProperty());
        status.setId("retro-status");
        status.setWrapText(true);
        runList = new ListView<>(model.runs());
        runList.setId("retro-gamedays");
        runList.setAccessibleText("GameDay runs");
        runList.setPlaceholder(new Label("No GameDay has run yet"));
        runList.setCellFactory(l -> {
            ListCell<GameDayRunRecord> cell = new ListCell<>() {
                @Override
                protected void updateItem(GameDayRunRecord r, boolean empty) {
                    super.updateItem(r, empty);
                    setText(empty || r == null ? null : model.label(r));
                    setTooltip(empty || r == null ? null : new Tooltip(model.label(r)));
                }

                @Override
                protected double computePrefHeight(double width) {
                    // the list asks without a width: measured unwrapped, the title would be cut to "..."
                    return dev.faultline.app.view.common.WrappingCell.heightWrapped(
                            this, width, super.computePrefHeight(width));
                }

                @Override
                public void resize(double width, double height) {
                    super.resize(width, dev.faultline.app.view.common.WrappingCell.atLeastWrapped(this, width, height));
                }
            };
            // a long GameDay title wraps onto more lines instead of ending in "..."
            cell.setWrapText(true);
            cell.prefWidthProperty().bind(l.widthProperty().subtract(24));
            cell.setMaxWidth(javafx.scene.control.Control.USE_PREF_SIZE);
            cell.prefWidthProperty().addListener((o, a, b) -> cell.requestLayout());
            return cell;
        });
        runList.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (r != null) { // null only while the list's items are replaced: the model decides what stays selected
                model.select(r);
            }
        });
        model.selectedProperty().addListener((o, a, r) -> {
            if (r != runList.getSelectionModel().getSelectedItem()) {
                if (r == null) {
                    runList.getSelectionModel().clearSelection();
                } else {
                    runList.getSelectionModel().select(r);
                }
            }
            showRun(r);
        });
        model.retroProperty().addListener((o, a, retro) -> {
            if (retro != null) {
                fill(retro);
            }
        });
        TextField search = new TextField();
        search.setId("retro-search");
        search.setPromptText("Search every GameDay: notes, findings, lessons, actions");
        search.setAccessibleText("Full-text search across all GameDays");
        search.setOnAction(e -> model.search().search(search.getText()));
        ListView<String> results = new ListView<>(model.search().hits());
        results.setPrefHeight(160);
        results.setPlaceholder(new Label("Enter a term and press Enter"));
        VBox left = new VBox(8, heading("GameDay runs"), runList, heading("Search"), search, results);
        VBox.setVgrow(runList, Priority.ALWAYS);
        left.setPadding(new Insets(12));
        left.setMinWidth(200);
        left.setPrefWidth(250);
        SplitPane.setResizableWithParent(left, false); // a wider window widens the retrospective, not the list

        findings = new FindingsPane(model);
        actionItems = new ActionItemsPane(model);
        export = new ExportBar(model.report(), saver);
        title.getStyleClass().add("title-3");
        title.setWrapText(true);
        when.setWrapText(true);
        GridPane lessons = new GridPane();
        lessons.setHgap(16);
        lessons.setVgap(8);
        // two columns sharing the detail's width: lists of a fixed width made the detail wider than
        // its viewport at 1024 px, and it scrolled sideways
        for (int c = 0; c < 2; c++) {
            javafx.scene.layout.ColumnConstraints half = new javafx.scene.layout.ColumnConstraints();
            half.setPercentWidth(50);
            half.setHgrow(Priority.ALWAYS);
            half.setFillWidth(true);
            lessons.getColumnConstraints().add(half);
        }
        int i = 0;
        for (Lesson.Kind k : Lesson.Kind.values()) {
            lessons.add(lessonBox(k), i % 2, i / 2);
            i++;
        }
        sections = new Node[] {
            heading("Experiments: the team's verdict"),
            experiments,
            notes,
            heading("Retrospective"),
            lessons,
            heading("Findings"),
            findings,
            heading("Action items"),
            actionItems
        };
        // the title wraps to the detail's width, the export buttons under it: in a flow pane beside them a
        // long title was as wide as its unwrapped text, and the whole detail scrolled sideways at 1024 px
        title.setMinWidth(0);
        VBox header = new VBox(8, title, export);
        detail.getChildren().addAll(header, when, status);
        detail.setPadding(new Insets(16, 20, 16, 20));
        scroll = new ScrollPane(detail);
        scroll.setFitToWidth(true);
        // Tab moves the focus below the fold: scroll so the focused control shows
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                scene.focusOwnerProperty().addListener((x, was, now) -> reveal(now));
            }
        });
        getItems().addAll(left, scroll);
        setDividerPositions(0.22);
        addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (UNDO.match(e) && !(e.getTarget() instanceof javafx.scene.control.TextInputControl)) {
                model.findings().undo();
                e.consume();
            }
        });
        showRun(null);
        refresh();
    }

    public void refresh() {
        model.refresh();
    }

    /** Scrolls the detail so {@code n} (when it is part of it) is inside the viewport. */
    private void reveal(@Nullable Node n) {
        Node p = n;
        while (p != null && p != detail) {
            p = p.getParent();
        }
        if (n == null || p == null) {
            return;
        }
        Bounds b = detail.sceneToLocal(n.localToScene(n.getBoundsInLocal()));
        double viewport = scroll.getViewportBounds().getHeight();
        double hidden = detail.getHeight() - viewport;
        if (hidden <= 0) {
            return;
        }
        double top = scroll.getVvalue() * hidden;
        if (b.getMinY() < top) {
            scroll.setVvalue(Math.max(0, b.getMinY() - 8) / hidden);
        } else if (b.getMaxY() > top + viewport) {
            scroll.setVvalue(Math.min(hidden, b.getMaxY() + 8 - viewport) / hidden);
        }
    }

    private void showRun(@Nullable GameDayRunRecord r) {
        detail.getChildren().removeAll(sections);
        if (r == null) {
            title.setText("Run a GameDay first; its retrospective is written here.");
            title.getStyleClass().setAll("label", "muted");
            when.setText("");
            export.setVisible(false);
            return;
        }
        title.setText(r.title());
        title.getStyleClass().setAll("label", "title-3");
        when.setText(model.when(r));
        export.setVisible(true);
    }

    private void fill(RetroViewModel.Retro retro) {
        String focused = getScene() != null && getScene().getFocusOwner() != null
                ? getScene().getFocusOwner().getId()
                : null;
        experiments.getChildren().clear();
        for (RetroViewModel.Verdict v : retro.verdicts()) {
            experiments.getChildren().add(verdictRow(v));
        }
        for (String skipped : retro.skipped()) {
            Label name = new Label(skipped + " · SKIPPED: it never started");
            name.getStyleClass().add("muted");
            experiments.getChildren().add(name);
        }
        notes.getChildren().clear();
        if (!retro.notes().isEmpty()) {
            ListView<String> list = new ListView<>(FXCollections.observableArrayList(
                    retro.notes().stream().map(RetroViewModel.Note::line).toList()));
            list.setId("retro-notes");
            dev.faultline.app.view.common.WrappingCell.wrapLines(list);
            list.setPrefHeight(110);
            list.setAccessibleText("Notes of the day");
            notes.getChildren().addAll(heading("Notes of the day"), list);
        }
        findings.update(retro);
        if (!detail.getChildren().contains(sections[0])) {
            detail.getChildren().addAll(sections);
        }
        if (focused != null && focused.startsWith("retro-time-")) {
            Node again = experiments.lookup("#" + focused);
            if (again != null) {
                again.requestFocus();
            }
        }
    }

    private Node verdictRow(RetroViewModel.Verdict v) {
        RetroVerdicts verdicts = model.verdicts();
        ChoiceBox<ExperimentOutcome.Verdict> verdict =
                new ChoiceBox<>(FXCollections.observableArrayList(ExperimentOutcome.Verdict.values()));
        verdict.setValue(v.verdict());
        verdict.setAccessibleText("Verdict on " + v.name());
        CheckBox detected = new CheckBox("our monitoring detected it");
        detected.setSelected(v.detected());
        CheckBox mitigated = new CheckBox("mitigated");
        mitigated.setSelected(v.mitigated());
        Runnable save =
                () -> verdicts.set(v.runId(), verdict.getValue(), detected.isSelected(), mitigated.isSelected());
        verdict.setOnAction(e -> save.run());
        detected.setOnAction(e -> save.run());
        mitigated.setOnAction(e -> save.run());
        Label name = new Label(v.name());
        name.setTooltip(new Tooltip(v.runId()));
        name.setMinWidth(220);
        name.setWrapText(true);
        TextField detectedAt = new TextField(RetroVerdicts.duration(v.timeToDetect()));
        detectedAt.setId("retro-time-detect-" + v.runId());
        detectedAt.setPromptText(verdicts.hint(v.runId(), "detected", java.time.Duration.ofSeconds(40)));
        detectedAt.setAccessibleText("Time to detect of " + v.name());
        TextField mitigatedAt = new TextField(RetroVerdicts.duration(v.timeToMitigate()));
        mitigatedAt.setId("retro-time-mitigate-" + v.runId());
        mitigatedAt.setPromptText(verdicts.hint(v.runId(), "mitigated", java.time.Duration.ofMinutes(3)));
        mitigatedAt.setAccessibleText("Time to mitigate of " + v.name());
        Runnable saveTimes = () -> verdicts.setTimes(v.runId(), detectedAt.getText(), mitigatedAt.getText());
        detectedAt.setOnAction(e -> saveTimes.run());
        mitigatedAt.setOnAction(e -> saveTimes.run());
        detectedAt.setPrefColumnCount(16);
        mitigatedAt.setPrefColumnCount(16);
        Label times = new Label("times from the first fault at " + verdicts.firstFault(v.runId()) + " (Enter saves):");
        times.getStyleClass().add("muted");
        if (!verdicts.faulted(v.runId())) {
            // nothing was injected (ABORTED at the baseline, halted before the first fault): nothing to
            // detect or mitigate, so no times or checkboxes to fill in by mistake
            Label none = new Label("no fault took effect: nothing to detect or mitigate");
            none.setId("retro-no-fault-" + v.runId());
            none.getStyleClass().add("muted");
            none.setWrapText(true);
            FlowPane row = new FlowPane(12, 4, name, verdict);
            VBox.setMargin(none, new Insets(0, 0, 4, 24));
            return new VBox(4, row, none);
        }
        FlowPane row = new FlowPane(12, 4, name, verdict, detected, mitigated);
        FlowPane timeRow = new FlowPane(12, 4, times, detectedAt, mitigatedAt);
        timeRow.setPadding(new Insets(0, 0, 4, 24));
        return new VBox(4, row, timeRow);
    }

    private VBox lessonBox(Lesson.Kind kind) {
        Label h = new Label(kind.heading());
        h.getStyleClass().add("subsection");
        ListView<String> list = new ListView<>(model.lessons().lines(kind));
        list.setId("retro-lessons-" + kind.name());
        list.setPrefHeight(110);
        list.setPrefWidth(200);
        list.setMinWidth(0);
        list.setAccessibleText(kind.heading());
        dev.faultline.app.view.common.WrappingCell.wrapLines(list);
        TextField add = new TextField();
        add.setId("retro-lesson-text-" + kind.name());
        add.setPromptText("add and press Enter");
        add.setAccessibleText("Add to " + kind.heading());
        return new VBox(4, h, list, new LessonControls(model.lessons(), kind, list, add));
    }

    /** Writes the selected run's report (off the FX thread), saying where. */
    public void export(String format, Path to) {
        model.report().export(format, to);
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section");
        return l;
    }
}
