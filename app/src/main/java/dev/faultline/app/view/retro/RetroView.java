package dev.faultline.app.view.retro;

import dev.faultline.app.view.common.ActionItemText;
import dev.faultline.app.view.common.Background;
import dev.faultline.app.view.common.Dates;
import dev.faultline.app.view.common.Dialogs;
import dev.faultline.engine.report.ActionItem;
import dev.faultline.engine.report.ExperimentOutcome;
import dev.faultline.engine.report.Finding;
import dev.faultline.engine.report.Lesson;
import dev.faultline.engine.report.SearchHit;
import dev.faultline.engine.report.Severity;
import dev.faultline.engine.store.GameDayRunRecord;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
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

/**
 * The retrospective of a GameDay run: the team's verdict per experiment, what went well, what did
 * not, surprises and follow-ups, findings with severity, action items with owner and due date,
 * full-text search across every GameDay, and the report export.
 */
public final class RetroView extends SplitPane {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm");
    private final RetroActions actions;
    private final ZoneId zone;
    private final ObservableList<GameDayRunRecord> runs = FXCollections.observableArrayList();
    private final ObservableList<String> hits = FXCollections.observableArrayList();
    private final ListView<GameDayRunRecord> runList = new ListView<>(runs);
    private final VBox detail = new VBox(12);
    private final Label status = new Label();

    public RetroView(RetroActions actions, ZoneId zone) {
        this.actions = actions;
        this.zone = zone;
        getStyleClass().add("retro");
        runList.setId("retro-gamedays");
        runList.setAccessibleText("GameDay runs");
        runList.setPlaceholder(new Label("No GameDay has run yet"));
        runList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(GameDayRunRecord r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : r.title() + "\n" + TIME.format(r.startedAt().atZone(zone)) + " · "
                        + r.status());
            }
        });
        runList.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> show(r));
        TextField search = new TextField();
        search.setPromptText("Search every GameDay: notes, findings, lessons, actions");
        search.setAccessibleText("Full-text search across all GameDays");
        search.setOnAction(e -> Background.run("retro-search", () -> actions.search(search.getText().strip()),
                found -> hits.setAll(found.stream().map(this::hit).toList()),
                err -> hits.setAll("search failed: " + Dialogs.message(err))));
        ListView<String> results = new ListView<>(hits);
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
        refresh();
    }

    public void refresh() {
        Background.run("retro-runs", actions::gameDayRuns, list -> {
            runs.setAll(list);
            if (!list.isEmpty() && runList.getSelectionModel().isEmpty()) {
                runList.getSelectionModel().select(0);
            }
            if (list.isEmpty()) {
                show(null);
            }
        }, err -> Dialogs.error("Could not read the GameDays", err));
    }

    private String hit(SearchHit h) {
        return h.kind() + " · " + TIME.format(h.at().atZone(zone)) + " · " + h.snippet();
    }

    private void show(GameDayRunRecord r) {
        detail.getChildren().clear();
        if (r == null) {
            Label none = new Label("Run a GameDay first; its retrospective is written here.");
            none.getStyleClass().add("muted");
            detail.getChildren().add(none);
            return;
        }
        Label title = new Label(r.title());
        title.getStyleClass().add("title-3");
        Label when = new Label(TIME.format(r.startedAt().atZone(zone)) + " (" + zone.getId() + ") · " + r.environment()
                + " · " + r.status() + (r.reason().isEmpty() ? "" : ": " + r.reason()));
        when.setWrapText(true);
        detail.getChildren().addAll(new HBox(12, title, exportButton(r)), when, status);
        Background.run("retro-load", () -> new Loaded(actions.lessons(r.id()), actions.findings(r), actions.actionItems(r.id()),
                actions.outcomes(r), names(r)), l -> fill(r, l), err -> Dialogs.error("Could not read the retrospective", err));
    }

    private record Loaded(List<Lesson> lessons, List<Finding> findings, List<ActionItem> items, List<ExperimentOutcome> outcomes,
                          Map<String, String> runNames) {
    }

    private Map<String, String> names(GameDayRunRecord r) throws Exception {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String id : r.runIds()) {
            out.put(id, actions.describeRun(id));
        }
        return out;
    }

    private void fill(GameDayRunRecord r, Loaded l) {
        detail.getChildren().add(heading("Experiments: the team's verdict"));
        for (String runId : r.runIds()) {
            ExperimentOutcome o = l.outcomes().stream().filter(x -> x.runId().equals(runId)).findFirst().orElse(null);
            ChoiceBox<ExperimentOutcome.Verdict> verdict = new ChoiceBox<>(FXCollections.observableArrayList(
                    ExperimentOutcome.Verdict.values()));
            verdict.setValue(o == null ? ExperimentOutcome.Verdict.UNSURE : o.verdict());
            verdict.setAccessibleText("Verdict on " + runId);
            javafx.scene.control.CheckBox detected = new javafx.scene.control.CheckBox("our monitoring detected it");
            detected.setSelected(o != null && o.detected());
            javafx.scene.control.CheckBox mitigated = new javafx.scene.control.CheckBox("mitigated");
            mitigated.setSelected(o != null && o.mitigated());
            Runnable save = () -> Background.run("retro-outcome", () -> {
                actions.setOutcome(new ExperimentOutcome(runId, verdict.getValue(), detected.isSelected(),
                        o == null || !detected.isSelected() ? null : o.timeToDetect(), mitigated.isSelected(),
                        o == null || !mitigated.isSelected() ? null : o.timeToMitigate(), o == null ? "" : o.notes()));
                return runId;
            }, id -> status.setText("verdict on " + id + " saved"), err -> Dialogs.error("Could not save the verdict", err));
            verdict.setOnAction(e -> save.run());
            detected.setOnAction(e -> save.run());
            mitigated.setOnAction(e -> save.run());
            Label name = new Label(l.runNames().getOrDefault(runId, runId));
            name.setTooltip(new Tooltip(runId));
            name.setMinWidth(300);
            detail.getChildren().add(new HBox(12, name, verdict, detected, mitigated));
        }
        Map<Lesson.Kind, ObservableList<String>> byKind = new EnumMap<>(Lesson.Kind.class);
        GridPane lessons = new GridPane();
        lessons.setHgap(16);
        lessons.setVgap(8);
        int i = 0;
        for (Lesson.Kind k : Lesson.Kind.values()) {
            ObservableList<String> items = FXCollections.observableArrayList(l.lessons().stream().filter(x -> x.kind() == k)
                    .map(Lesson::text).toList());
            byKind.put(k, items);
            lessons.add(lessonBox(r, k, items), i % 2, i / 2);
            i++;
        }
        detail.getChildren().addAll(heading("Retrospective"), lessons);
        detail.getChildren().addAll(heading("Findings"), findings(r, l.findings()));
        detail.getChildren().addAll(heading("Action items"), actionItems(r, l.items()));
    }

    private VBox lessonBox(GameDayRunRecord r, Lesson.Kind kind, ObservableList<String> items) {
        Label h = new Label(kind.heading());
        h.getStyleClass().add("subsection");
        ListView<String> list = new ListView<>(items);
        list.setPrefHeight(110);
        list.setPrefWidth(420);
        list.setAccessibleText(kind.heading());
        TextField add = new TextField();
        add.setPromptText("add and press Enter");
        add.setAccessibleText("Add to " + kind.heading());
        add.setOnAction(e -> {
            String text = add.getText().strip();
            if (text.isEmpty()) {
                return;
            }
            Background.run("retro-lesson", () -> {
                actions.addLesson(r.id(), kind, text);
                return text;
            }, t -> {
                items.add(t);
                add.clear();
            }, err -> Dialogs.error("Could not save", err));
        });
        return new VBox(4, h, list, add);
    }

    private VBox findings(GameDayRunRecord r, List<Finding> found) {
        ObservableList<String> lines = FXCollections.observableArrayList(found.stream().map(RetroView::line).toList());
        ListView<String> list = new ListView<>(lines);
        list.setPrefHeight(120);
        list.setPlaceholder(new Label("No findings yet"));
        TextField title = new TextField();
        title.setPromptText("finding, e.g. retries hide a slow payment provider");
        TextField happened = new TextField();
        happened.setPromptText("what happened");
        TextField expected = new TextField();
        expected.setPromptText("what we expected");
        ChoiceBox<Severity> severity = new ChoiceBox<>(FXCollections.observableArrayList(Severity.values()));
        severity.setValue(Severity.MEDIUM);
        Button add = new Button("Add finding");
        add.setOnAction(e -> {
            Finding f;
            try {
                f = new Finding(0, r.id(), "", "", null, title.getText().strip(), happened.getText().strip(),
                        expected.getText().strip(), severity.getValue(), Instant.now());
            } catch (IllegalArgumentException ex) {
                status.setText("not added: " + ex.getMessage());
                return;
            }
            Background.run("retro-finding", () -> {
                actions.addFinding(f);
                return f;
            }, x -> {
                lines.add(line(x));
                title.clear();
                happened.clear();
                expected.clear();
            }, err -> Dialogs.error("Could not save the finding", err));
        });
        HBox.setHgrow(title, Priority.ALWAYS);
        return new VBox(6, list, new HBox(8, title, severity), new HBox(8, happened, expected, add));
    }

    private static String line(Finding f) {
        return "[" + f.severity() + "] " + f.title() + (f.happened().isEmpty() ? "" : ": " + f.happened())
                + (f.expected().isEmpty() ? "" : " (expected: " + f.expected() + ")");
    }

    private VBox actionItems(GameDayRunRecord r, List<ActionItem> items) {
        ObservableList<String> lines = FXCollections.observableArrayList(items.stream().map(ActionItemText::line).toList());
        ListView<String> list = new ListView<>(lines);
        list.setPrefHeight(120);
        list.setPlaceholder(new Label("No action items yet"));
        TextField title = new TextField();
        title.setPromptText("what to do");
        TextField owner = new TextField();
        owner.setPromptText("owner");
        DatePicker due = Dates.unambiguous(new DatePicker(LocalDate.now().plusWeeks(2)));
        TextField ticket = new TextField();
        ticket.setPromptText("ticket URL (optional)");
        Button add = new Button("Add action item");
        add.setOnAction(e -> {
            ActionItem a;
            try {
                a = new ActionItem(0, r.id(), null, title.getText().strip(), owner.getText().strip(), due.getValue(),
                        ActionItem.Status.OPEN, ticket.getText().strip(), Instant.now());
            } catch (IllegalArgumentException ex) {
                status.setText("not added: " + ex.getMessage());
                return;
            }
            Background.run("retro-action", () -> {
                actions.addActionItem(a);
                return a;
            }, x -> {
                lines.add(ActionItemText.line(x));
                title.clear();
                ticket.clear();
            }, err -> Dialogs.error("Could not save the action item", err));
        });
        HBox.setHgrow(title, Priority.ALWAYS);
        return new VBox(6, list, new HBox(8, title, owner, due), new HBox(8, ticket, add));
    }

    private MenuButton exportButton(GameDayRunRecord r) {
        MenuButton export = new MenuButton("Export report");
        export.setTooltip(new Tooltip("The GameDay report: summary, timeline, charts, results, findings, lessons, actions"));
        for (String f : List.of("pdf", "html", "md", "json")) {
            MenuItem item = new MenuItem(f.toUpperCase(java.util.Locale.ROOT));
            item.setOnAction(e -> {
                FileChooser fc = new FileChooser();
                fc.setInitialFileName(r.name() + "-report." + f);
                java.io.File file = fc.showSaveDialog(getScene().getWindow());
                if (file != null) {
                    export(r, f, file.toPath());
                }
            });
            export.getItems().add(item);
        }
        return export;
    }

    /** Writes the report (off the FX thread), saying where. */
    public void export(GameDayRunRecord r, String format, Path to) {
        status.setText("writing the " + format + " report…");
        Background.run("retro-report", () -> actions.exportReport(r.id(), format, to),
                p -> status.setText("report written to " + p), err -> {
                    status.setText("the report could not be written: " + Dialogs.message(err));
                    Dialogs.error("The report could not be written", err);
                });
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section");
        return l;
    }
}
