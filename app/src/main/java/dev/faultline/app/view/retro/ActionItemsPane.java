package dev.faultline.app.view.retro;

import dev.faultline.app.view.common.Dates;
import dev.faultline.engine.report.ActionItem;
import dev.faultline.engine.report.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DatePicker;
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
 * The action items of the selected run: the list, the selected item's status, the finding it
 * answers, Done (Ctrl+D on the list) and Delete (Delete key; asks first), and a form for a new
 * item with owner, due date, ticket and the finding it answers.
 */
final class ActionItemsPane extends VBox {
    private final RetroViewModel model;
    private final ListView<String> list;
    private final ChoiceBox<ActionItem.Status> state =
            new ChoiceBox<>(FXCollections.observableArrayList(ActionItem.Status.values()));
    private final ChoiceBox<Choice> answers = new ChoiceBox<>();
    private final ChoiceBox<Choice> newAnswers = new ChoiceBox<>();
    private boolean filling;
    private long selectedId = -1;

    ActionItemsPane(RetroViewModel model) {
        super(6);
        this.model = model;
        RetroActionItems items = model.actionItems();
        list = new ListView<>(items.lines());
        list.setId("retro-actions");
        list.setAccessibleText("Action items");
        list.setPrefHeight(130);
        list.setPlaceholder(new Label("No action items yet"));
        dev.faultline.app.view.common.WrappingCell.wrapLines(list);
        state.setId("retro-action-status");
        state.setAccessibleText("Status of the selected action item");
        state.setOnAction(e -> {
            ActionItem.Status s = state.getValue();
            selected().ifPresent(a -> {
                if (!filling && s != null && a.status() != s) {
                    items.edit(a, a.title(), a.owner(), a.due(), s, a.ticketUrl(), () -> {});
                }
            });
        });
        answers.setId("retro-action-finding");
        answers.setAccessibleText("Finding the selected action item answers");
        answers.setOnAction(e -> {
            Choice c = answers.getValue();
            if (!filling && c != null) {
                selected().ifPresent(a -> items.link(a, finding(c)));
            }
        });
        Button done = new Button("Done");
        done.setId("retro-action-done");
        done.setOnAction(e -> selected().ifPresent(a -> items.close(a, a.status() != ActionItem.Status.DONE)));
        Button delete = new Button("Delete…");
        delete.setId("retro-action-delete");
        delete.setOnAction(e -> selected().ifPresent(this::delete));
        list.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DELETE) {
                selected().ifPresent(this::delete);
                e.consume();
            } else if (e.getCode() == KeyCode.D && e.isShortcutDown()) {
                selected().ifPresent(a -> items.close(a, a.status() != ActionItem.Status.DONE));
                e.consume();
            }
        });
        for (var n : List.of(state, answers, done, delete)) {
            n.disableProperty()
                    .bind(list.getSelectionModel().selectedIndexProperty().lessThan(0));
        }
        list.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (!filling) {
                selectedId = selected().map(ActionItem::id).orElse(-1L);
            }
            show();
        });
        items.records().addListener((ListChangeListener<ActionItem>) c -> reselect());
        model.findings().records().addListener((ListChangeListener<Finding>) c -> findings());

        TextField title = new TextField();
        title.setId("retro-action-title");
        title.setPromptText("what to do");
        title.setAccessibleText("Action item");
        TextField owner = new TextField();
        owner.setId("retro-action-owner");
        owner.setPromptText("owner");
        owner.setAccessibleText("Owner");
        DatePicker due = Dates.unambiguous(new DatePicker(items.defaultDue()));
        due.setId("retro-action-due");
        due.setAccessibleText("Due date");
        TextField ticket = new TextField();
        ticket.setId("retro-action-ticket");
        ticket.setPromptText("ticket URL (optional)");
        ticket.setAccessibleText("Ticket URL");
        newAnswers.setId("retro-action-new-finding");
        newAnswers.setAccessibleText("Finding the new action item answers");
        Button add = new Button("Add action item");
        add.setId("retro-action-add");
        Runnable addIt = () -> items.add(
                title.getText(),
                owner.getText(),
                due.getValue(),
                ticket.getText(),
                newAnswers.getValue() == null ? null : finding(newAnswers.getValue()),
                () -> {
                    title.clear();
                    ticket.clear();
                    newAnswers.setValue(
                            newAnswers.getItems().isEmpty()
                                    ? null
                                    : newAnswers.getItems().get(0));
                });
        add.setOnAction(e -> addIt.run());
        title.setOnAction(e -> addIt.run());
        owner.setOnAction(e -> addIt.run());
        ticket.setOnAction(e -> addIt.run());
        HBox.setHgrow(title, Priority.ALWAYS);
        HBox.setHgrow(ticket, Priority.ALWAYS);
        Label status = new Label("selected item:");
        Label answersLabel = new Label("answers");
        Label newAnswersLabel = new Label("answers");
        for (Label l : List.of(status, answersLabel, newAnswersLabel)) {
            l.getStyleClass().add("muted");
            l.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        }
        for (var b : List.of(done, delete, add)) {
            b.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        }
        answers.setPrefWidth(260);
        newAnswers.setPrefWidth(220);
        javafx.scene.layout.FlowPane selectedRow =
                new javafx.scene.layout.FlowPane(8, 6, status, state, answersLabel, answers, done, delete);
        selectedRow.setAlignment(Pos.CENTER_LEFT);
        HBox newRow = new HBox(8, ticket, newAnswersLabel, newAnswers, add);
        newRow.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(list, selectedRow, new HBox(8, title, owner, due), newRow);
        findings();
    }

    private void delete(ActionItem a) {
        Alert ask = new Alert(
                Alert.AlertType.CONFIRMATION,
                "Delete action item #" + a.id() + " '" + a.title() + "' (" + a.owner() + ")? This cannot be undone.",
                ButtonType.CANCEL,
                ButtonType.OK);
        ask.setHeaderText("Delete the action item?");
        ask.setTitle("Delete action item");
        if (getScene() != null) {
            ask.initOwner(getScene().getWindow());
        }
        ask.showAndWait()
                .filter(b -> b == ButtonType.OK)
                .ifPresent(b -> model.actionItems().delete(a));
    }

    private @Nullable Finding finding(Choice c) {
        return model.findings().records().stream()
                .filter(f -> String.valueOf(f.id()).equals(c.key()))
                .findFirst()
                .orElse(null);
    }

    /** The findings of the run, as what an action item can answer. */
    private void findings() {
        List<Choice> choices = new ArrayList<>();
        choices.add(new Choice("", "no finding"));
        for (Finding f : model.findings().records()) {
            String t = f.title().length() > 40 ? f.title().substring(0, 39) + "…" : f.title();
            choices.add(new Choice(String.valueOf(f.id()), "#" + f.id() + " " + t));
        }
        filling = true;
        try {
            Choice keep = newAnswers.getValue();
            answers.getItems().setAll(choices);
            newAnswers.getItems().setAll(choices);
            newAnswers.setValue(keep == null ? choices.get(0) : pick(keep.key()));
        } finally {
            filling = false;
        }
        show();
    }

    private Choice pick(String key) {
        return answers.getItems().stream()
                .filter(c -> c.key().equals(key))
                .findFirst()
                .orElse(answers.getItems().get(0));
    }

    private void show() {
        filling = true;
        try {
            Optional<ActionItem> a = selected();
            state.setValue(a.map(ActionItem::status).orElse(null));
            answers.setValue(a.map(x -> pick(x.findingId() == null ? "" : String.valueOf(x.findingId())))
                    .orElse(null));
        } finally {
            filling = false;
        }
    }

    private void reselect() {
        List<ActionItem> records = model.actionItems().records();
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).id() == selectedId) {
                int at = i;
                Platform.runLater(() -> {
                    list.getSelectionModel().select(at);
                    show();
                });
                return;
            }
        }
    }

    private Optional<ActionItem> selected() {
        int i = list.getSelectionModel().getSelectedIndex();
        List<ActionItem> records = model.actionItems().records();
        return i >= 0 && i < records.size() ? Optional.of(records.get(i)) : Optional.empty();
    }
}
