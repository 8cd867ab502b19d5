package dev.faultline.app.view.retro;

import dev.faultline.app.view.common.Dates;
import dev.faultline.engine.report.ActionItem;
import dev.faultline.engine.report.ExperimentOutcome;
import dev.faultline.engine.report.Lesson;
import dev.faultline.engine.report.Severity;
import dev.faultline.engine.store.GameDayRunRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.jspecify.annotations.Nullable;

/**
 * The retrospective of a GameDay run: the team's verdict per experiment, what went well, what did
 * not, surprises and follow-ups, findings with severity, action items with owner and due date,
 * full-text search across every GameDay, and the report export. State and commands are the
 * {@link RetroViewModel}'s; this view lays them out and binds.
 */
public final class RetroView extends SplitPane {
    private final RetroViewModel model;
    private final ListView<GameDayRunRecord> runList;
    private final VBox detail = new VBox(12);
    private final Label status = new Label();

    public RetroView(RetroViewModel model) {
        this.model = model;
        getStyleClass().add("retro");
        status.textProperty().bind(model.statusProperty());
        runList = new ListView<>(model.runs());
        runList.setId("retro-gamedays");
        runList.setAccessibleText("GameDay runs");
        runList.setPlaceholder(new Label("No GameDay has run yet"));
        runList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(GameDayRunRecord r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : model.label(r));
            }
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
            showHeader(r);
        });
        model.retroProperty().addListener((o, a, retro) -> {
            if (retro != null) {
                fill(retro);
            }
        });
        TextField search = new TextField();
        search.setPromptText("Search every GameDay: notes, findings, lessons, actions");
        search.setAccessibleText("Full-text search across all GameDays");
        search.setOnAction(e -> model.search(search.getText()));
        ListView<String> results = new ListView<>(model.hits());
        results.setPrefHeight(160);
        results.setPlaceholder(new Label("Enter a term and press Enter"));
        Label h = heading("GameDay runs");
        VBox left = new VBox(8, h, runList, heading("Search"), search, results);
        VBox.setVgrow(runList, Priority.ALWAYS);
        left.setPadding(new Insets(12));
        detail.setPadding(new Insets(16, 20, 16, 20));
        ScrollPane scroll = new ScrollPane(detail);
        scroll.setFitToWidth(true);
        getItems().addAll(left, scroll);
        setDividerPositions(0.28);
        showHeader(null);
        refresh();
    }

    public void refresh() {
        model.refresh();
    }

    private void showHeader(@Nullable GameDayRunRecord r) {
        detail.getChildren().clear();
        if (r == null) {
            Label none = new Label("Run a GameDay first; its retrospective is written here.");
            none.getStyleClass().add("muted");
            detail.getChildren().add(none);
            return;
        }
        Label title = new Label(r.title());
        title.getStyleClass().add("title-3");
        Label when = new Label(model.when(r));
        when.setWrapText(true);
        detail.getChildren().addAll(new HBox(12, title, exportButton(r)), when, status);
    }

    private void fill(RetroViewModel.Retro retro) {
        detail.getChildren().add(heading("Experiments: the team's verdict"));
        for (RetroViewModel.Verdict v : retro.verdicts()) {
            ChoiceBox<ExperimentOutcome.Verdict> verdict =
                    new ChoiceBox<>(FXCollections.observableArrayList(ExperimentOutcome.Verdict.values()));
            verdict.setValue(v.verdict());
            verdict.setAccessibleText("Verdict on " + v.runId());
            CheckBox detected = new CheckBox("our monitoring detected it");
            detected.setSelected(v.detected());
            CheckBox mitigated = new CheckBox("mitigated");
            mitigated.setSelected(v.mitigated());
            Runnable save = () ->
                    model.setVerdict(v.runId(), verdict.getValue(), detected.isSelected(), mitigated.isSelected());
            verdict.setOnAction(e -> save.run());
            detected.setOnAction(e -> save.run());
            mitigated.setOnAction(e -> save.run());
            Label name = new Label(v.name());
            name.setTooltip(new Tooltip(v.runId()));
            name.setMinWidth(300);
            TextField detectedAt = new TextField(RetroViewModel.duration(v.timeToDetect()));
            detectedAt.setPromptText("detected after (40s, or 10:03:12)");
            detectedAt.setAccessibleText("Time to detect of " + v.runId());
            TextField mitigatedAt = new TextField(RetroViewModel.duration(v.timeToMitigate()));
            mitigatedAt.setPromptText("mitigated after (3m, or 10:06:00)");
            mitigatedAt.setAccessibleText("Time to mitigate of " + v.runId());
            Runnable saveTimes = () -> model.setTimes(v.runId(), detectedAt.getText(), mitigatedAt.getText());
            detectedAt.setOnAction(e -> saveTimes.run());
            mitigatedAt.setOnAction(e -> saveTimes.run());
            detectedAt.setPrefColumnCount(18);
            mitigatedAt.setPrefColumnCount(18);
            Label times = new Label("times from the first fault:");
            times.getStyleClass().add("muted");
            HBox timeRow = new HBox(12, times, detectedAt, mitigatedAt);
            timeRow.setPadding(new Insets(0, 0, 4, 24));
            detail.getChildren().addAll(new HBox(12, name, verdict, detected, mitigated), timeRow);
        }
        for (String skipped : retro.skipped()) {
            Label name = new Label(skipped + " · SKIPPED: it never started");
            name.getStyleClass().add("muted");
            detail.getChildren().add(name);
        }
        if (!retro.notes().isEmpty()) {
            ListView<String> notes = new ListView<>(FXCollections.observableArrayList(retro.notes()));
            notes.setPrefHeight(110);
            notes.setAccessibleText("Notes of the day");
            detail.getChildren().addAll(heading("Notes of the day"), notes);
        }
        GridPane lessons = new GridPane();
        lessons.setHgap(16);
        lessons.setVgap(8);
        int i = 0;
        for (Lesson.Kind k : Lesson.Kind.values()) {
            lessons.add(lessonBox(k), i % 2, i / 2);
            i++;
        }
        detail.getChildren().addAll(heading("Retrospective"), lessons);
        detail.getChildren().addAll(heading("Findings"), findings());
        detail.getChildren().addAll(heading("Action items"), actionItems());
    }

    private VBox lessonBox(Lesson.Kind kind) {
        Label h = new Label(kind.heading());
        h.getStyleClass().add("subsection");
        ListView<String> list = new ListView<>(model.lessons(kind));
        list.setPrefHeight(110);
        list.setPrefWidth(420);
        list.setAccessibleText(kind.heading());
        TextField add = new TextField();
        add.setPromptText("add and press Enter");
        add.setAccessibleText("Add to " + kind.heading());
        add.setOnAction(e -> model.addLesson(kind, add.getText(), add::clear));
        return new VBox(4, h, list, add);
    }

    private VBox findings() {
        ListView<String> list = new ListView<>(model.findings());
        list.setPrefHeight(120);
        list.setPlaceholder(new Label("No findings yet"));
        Button close = new Button("Close / reopen");
        close.setOnAction(e -> {
            int i = list.getSelectionModel().getSelectedIndex();
            if (i >= 0 && i < model.findingRecords().size()) {
                var f = model.findingRecords().get(i);
                model.setFindingClosed(f, f.open());
            }
        });
        Button delete = new Button("Delete finding");
        delete.setOnAction(e -> {
            int i = list.getSelectionModel().getSelectedIndex();
            if (i >= 0 && i < model.findingRecords().size()) {
                model.deleteFinding(model.findingRecords().get(i));
            }
        });
        TextField title = new TextField();
        title.setPromptText("finding, e.g. retries hide a slow payment provider");
        TextField happened = new TextField();
        happened.setPromptText("what happened");
        TextField expected = new TextField();
        expected.setPromptText("what we expected");
        ChoiceBox<Severity> severity = new ChoiceBox<>(FXCollections.observableArrayList(Severity.values()));
        severity.setValue(Severity.MEDIUM);
        Button add = new Button("Add finding");
        add.setOnAction(e ->
                model.addFinding(title.getText(), happened.getText(), expected.getText(), severity.getValue(), () -> {
                    title.clear();
                    happened.clear();
                    expected.clear();
                }));
        HBox.setHgrow(title, Priority.ALWAYS);
        return new VBox(
                6,
                list,
                new HBox(8, close, delete),
                new HBox(8, title, severity),
                new HBox(8, happened, expected, add));
    }

    private VBox actionItems() {
        ObservableList<String> lines = model.actionItems();
        ListView<String> list = new ListView<>(lines);
        list.setPrefHeight(120);
        list.setPlaceholder(new Label("No action items yet"));
        ChoiceBox<ActionItem.Status> state =
                new ChoiceBox<>(FXCollections.observableArrayList(ActionItem.Status.values()));
        state.setAccessibleText("Status of the selected action item");
        state.setOnAction(e -> {
            int i = list.getSelectionModel().getSelectedIndex();
            if (i >= 0 && i < model.actionItemRecords().size() && state.getValue() != null) {
                ActionItem a = model.actionItemRecords().get(i);
                if (a.status() != state.getValue()) {
                    model.editActionItem(a, a.title(), a.owner(), a.due(), state.getValue(), a.ticketUrl(), () -> {});
                }
            }
        });
        Button delete = new Button("Delete action item");
        delete.setOnAction(e -> {
            int i = list.getSelectionModel().getSelectedIndex();
            if (i >= 0 && i < model.actionItemRecords().size()) {
                model.deleteActionItem(model.actionItemRecords().get(i));
            }
        });
        TextField title = new TextField();
        title.setPromptText("what to do");
        TextField owner = new TextField();
        owner.setPromptText("owner");
        DatePicker due = Dates.unambiguous(new DatePicker(model.defaultDue()));
        TextField ticket = new TextField();
        ticket.setPromptText("ticket URL (optional)");
        Button add = new Button("Add action item");
        add.setOnAction(
                e -> model.addActionItem(title.getText(), owner.getText(), due.getValue(), ticket.getText(), () -> {
                    title.clear();
                    ticket.clear();
                }));
        HBox.setHgrow(title, Priority.ALWAYS);
        return new VBox(
                6,
                list,
                new HBox(8, new Label("status of the selected item"), state, delete),
                new HBox(8, title, owner, due),
                new HBox(8, ticket, add));
    }

    private MenuButton exportButton(GameDayRunRecord r) {
        MenuButton export = new MenuButton("Export report");
        export.setTooltip(
                new Tooltip("The GameDay report: summary, timeline, charts, results, findings, lessons, actions"));
        for (String f : List.of("pdf", "html", "md", "json")) {
            MenuItem item = new MenuItem(f.toUpperCase(Locale.ROOT));
            item.setOnAction(e -> {
                FileChooser fc = new FileChooser();
                fc.setInitialFileName(RetroViewModel.reportFileName(r, f));
                java.io.File file = fc.showSaveDialog(getScene().getWindow());
                if (file != null) {
                    export(f, file.toPath());
                }
            });
            export.getItems().add(item);
        }
        return export;
    }

    /** Writes the selected run's report (off the FX thread), saying where. */
    public void export(String format, Path to) {
        model.export(format, to);
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section");
        return l;
    }
}
