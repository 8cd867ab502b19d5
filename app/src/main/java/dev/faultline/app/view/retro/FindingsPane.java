package dev.faultline.app.view.retro;

import dev.faultline.engine.report.Finding;
import dev.faultline.engine.report.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jspecify.annotations.Nullable;

/**
 * The findings of the selected run: the list, a form that writes a new finding or edits the
 * selected one (Edit, or Enter / F2 on the list; Escape cancels), the selected finding's links to
 * an experiment of the day and to a note, Close / reopen, Delete (Delete key) and Undo (Ctrl+Z).
 */
final class FindingsPane extends VBox {
    private final RetroViewModel model;
    private final ListView<String> list;
    private final TextField title = new TextField();
    private final TextField happened = new TextField();
    private final TextField expected = new TextField();
    private final ChoiceBox<Severity> severity = new ChoiceBox<>(FXCollections.observableArrayList(Severity.values()));
    private final Button save = new Button("Add finding");
    private final Button cancel = new Button("Cancel");
    private final ChoiceBox<Choice> experiment = new ChoiceBox<>();
    private final ChoiceBox<Choice> note = new ChoiceBox<>();
    private @Nullable Finding editing;
    private boolean filling;
    private long selectedId = -1;

    FindingsPane(RetroViewModel model) {
        super(6);
        this.model = model;
        RetroFindings findings = model.findings();
        list = new ListView<>(findings.lines());
        list.setId("retro-findings");
        list.setAccessibleText("Findings");
        list.setPrefHeight(130);
        list.setPlaceholder(new Label("No findings yet"));
        dev.faultline.app.view.common.WrappingCell.wrapLines(list);
        list.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DELETE) {
                selected().ifPresent(findings::delete);
                e.consume();
            } else if (e.getCode() == KeyCode.F2 || e.getCode() == KeyCode.ENTER) {
                selected().ifPresent(this::edit);
                e.consume();
            }
        });

        Button edit = button("Edit", "retro-finding-edit", () -> selected().ifPresent(this::edit));
        Button close = button(
                "Close / reopen",
                "retro-finding-close",
                () -> selected().ifPresent(f -> findings.setClosed(f, f.open())));
        Button delete =
                button("Delete", "retro-finding-delete", () -> selected().ifPresent(findings::delete));
        Button undo = button("Undo", "retro-finding-undo", findings::undo);
        undo.textProperty()
                .bind(findings.undoLabelProperty()
                        .map(s -> s.isEmpty() ? "Undo" : s.length() > 48 ? s.substring(0, 47) + "…'" : s));
        undo.disableProperty().bind(findings.undoLabelProperty().isEmpty());
        edit.disableProperty()
                .bind(list.getSelectionModel().selectedIndexProperty().lessThan(0));
        close.disableProperty().bind(edit.disableProperty());
        delete.disableProperty().bind(edit.disableProperty());

        experiment.setId("retro-finding-experiment");
        experiment.setAccessibleText("Experiment the selected finding is about");
        note.setId("retro-finding-note");
        note.setAccessibleText("Note the selected finding came from");
        experiment.setOnAction(e -> link());
        note.setOnAction(e -> link());
        experiment.disableProperty().bind(edit.disableProperty());
        note.disableProperty().bind(edit.disableProperty());
        list.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (!filling) {
                selectedId = selected().map(Finding::id).orElse(-1L);
            }
            showLinks();
        });
        // the list is read again after every change: the finding that was selected stays selected
        findings.records().addListener((javafx.collections.ListChangeListener<Finding>) c -> reselect());

        title.setId("retro-finding-title");
        title.setPromptText("finding, e.g. retries hide a slow payment provider");
        title.setAccessibleText("Finding title");
        happened.setId("retro-finding-happened");
        happened.setPromptText("what happened");
        happened.setAccessibleText("What happened");
        expected.setId("retro-finding-expected");
        expected.setPromptText("what we expected");
        expected.setAccessibleText("What we expected");
        severity.setId("retro-finding-severity");
        severity.setAccessibleText("Severity");
        severity.setValue(Severity.MEDIUM);
        severity.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        save.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        save.setId("retro-finding-save");
        save.setOnAction(e -> save());
        cancel.setId("retro-finding-cancel");
        cancel.setOnAction(e -> clear());
        cancel.setVisible(false);
        cancel.managedProperty().bind(cancel.visibleProperty());
        for (TextField t : List.of(title, happened, expected)) {
            t.setOnAction(e -> save());
            t.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == KeyCode.ESCAPE && editing != null) {
                    clear();
                    e.consume();
                }
            });
        }
        HBox.setHgrow(title, Priority.ALWAYS);
        HBox.setHgrow(happened, Priority.ALWAYS);
        HBox.setHgrow(expected, Priority.ALWAYS);
        Label about = new Label("about");
        Label from = new Label("from");
        for (Label l : List.of(about, from)) {
            l.getStyleClass().add("muted");
            l.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        }
        for (Button b : List.of(edit, close, delete, undo)) {
            b.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        }
        experiment.setPrefWidth(240);
        note.setPrefWidth(260);
        // a flow: at 1024 px the links wrap under the buttons instead of squeezing them to "..."
        javafx.scene.layout.FlowPane selectedRow =
                new javafx.scene.layout.FlowPane(8, 6, edit, close, delete, undo, about, experiment, from, note);
        selectedRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        getChildren()
                .addAll(list, selectedRow, new HBox(8, title, severity), new HBox(8, happened, expected, save, cancel));
    }

    /** The experiments of the day and its notes, to link the selected finding to. */
    void update(RetroViewModel.Retro retro) {
        List<Choice> experiments = new ArrayList<>();
        experiments.add(new Choice("", "the whole day"));
        retro.verdicts().forEach(v -> experiments.add(new Choice(v.runId(), v.name())));
        List<Choice> notes = new ArrayList<>();
        notes.add(new Choice("", "no note"));
        retro.notes()
                .forEach(
                        n -> notes.add(new Choice(String.valueOf(n.observation().id()), cut(n.line()))));
        filling = true;
        try {
            experiment.getItems().setAll(experiments);
            note.getItems().setAll(notes);
        } finally {
            filling = false;
        }
        showLinks();
        if (editing != null && model.findings().records().stream().noneMatch(f -> f.id() == editing.id())) {
            clear();
        }
    }

    private void reselect() {
        List<Finding> records = model.findings().records();
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).id() == selectedId) {
                int at = i;
                javafx.application.Platform.runLater(
                        () -> list.getSelectionModel().select(at));
                return;
            }
        }
    }

    private static String cut(String s) {
        return s.length() > 60 ? s.substring(0, 59) + "…" : s;
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private java.util.Optional<Finding> selected() {
        int i = list.getSelectionModel().getSelectedIndex();
        List<Finding> records = model.findings().records();
        return i >= 0 && i < records.size() ? java.util.Optional.of(records.get(i)) : java.util.Optional.empty();
    }

    private void showLinks() {
        filling = true;
        try {
            selected()
                    .ifPresentOrElse(
                            f -> {
                                experiment.setValue(pick(experiment, f.runId()));
                                note.setValue(
                                        pick(note, f.observationId() == null ? "" : String.valueOf(f.observationId())));
                            },
                            () -> {
                                experiment.setValue(null);
                                note.setValue(null);
                            });
        } finally {
            filling = false;
        }
    }

    private static @Nullable Choice pick(ChoiceBox<Choice> box, String key) {
        return box.getItems().stream()
                .filter(c -> c.key().equals(key))
                .findFirst()
                .orElse(null);
    }

    private void link() {
        if (filling || experiment.getValue() == null || note.getValue() == null) {
            return;
        }
        String run = experiment.getValue().key();
        String obs = note.getValue().key();
        selected().ifPresent(f -> model.findings().link(f, run, obs.isEmpty() ? null : Long.valueOf(obs)));
    }

    /** Puts {@code f} in the form; Save changes writes it back. */
    private void edit(Finding f) {
        editing = f;
        title.setText(f.title());
        happened.setText(f.happened());
        expected.setText(f.expected());
        severity.setValue(f.severity());
        save.setText("Save changes");
        cancel.setVisible(true);
        title.requestFocus();
        title.selectAll();
    }

    private void save() {
        Finding f = editing;
        if (f == null) {
            model.findings()
                    .add(
                            title.getText(),
                            happened.getText(),
                            expected.getText(),
                            Objects.requireNonNullElse(severity.getValue(), Severity.MEDIUM),
                            "",
                            this::clear);
        } else {
            model.findings()
                    .edit(
                            f,
                            title.getText(),
                            happened.getText(),
                            expected.getText(),
                            Objects.requireNonNullElse(severity.getValue(), Severity.MEDIUM),
                            this::clear);
        }
    }

    private void clear() {
        editing = null;
        title.clear();
        happened.clear();
        expected.clear();
        severity.setValue(Severity.MEDIUM);
        save.setText("Add finding");
        cancel.setVisible(false);
    }
}
