package dev.faultline.app.view.gameday;

import dev.faultline.engine.model.Participant;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;
import org.jspecify.annotations.Nullable;

/**
 * The selected participant's name, role and Slack member id, in fields below the table: Edit… or
 * Enter on the table puts the focus in them, Enter in a field takes it back to the table. No
 * double-click needed, nothing modal.
 */
final class ParticipantForm extends GridPane {
    private final TextField name = new TextField();
    private final ComboBox<Participant.Role> role =
            new ComboBox<>(FXCollections.observableArrayList(Participant.Role.values()));
    private final TextField slack = new TextField();
    private @Nullable ParticipantRow shown;

    ParticipantForm(TableView<ParticipantRow> table) {
        setId("participant-form");
        setHgap(10);
        setVgap(6);
        name.setId("participant-name");
        name.setPromptText("e.g. Grace Hopper");
        name.setAccessibleText("Name of the selected participant");
        role.setId("participant-role");
        role.setAccessibleText("Role of the selected participant");
        role.setConverter(new StringConverter<>() {
            @Override
            public String toString(Participant.@Nullable Role r) {
                return r == null ? "" : r.label();
            }

            @Override
            public Participant.Role fromString(String s) {
                return Participant.Role.fromYaml(s.strip().replace(' ', '-'));
            }
        });
        slack.setId("participant-slack");
        slack.setPromptText("Slack member id, e.g. U0123ABCD (optional)");
        slack.setAccessibleText("Slack member id of the selected participant");
        // Enter in a field is done with it (and does not run the day): back to the table
        name.setOnAction(e -> table.requestFocus());
        slack.setOnAction(e -> table.requestFocus());
        addRow(0, label("Name", name), name, label("Role", role), role);
        addRow(1, label("Slack id", slack), slack);
        GridPane.setHgrow(name, Priority.ALWAYS);
        GridPane.setHgrow(slack, Priority.ALWAYS);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> show(b));
        show(table.getSelectionModel().getSelectedItem());
    }

    private void show(@Nullable ParticipantRow row) {
        if (shown != null) {
            name.textProperty().unbindBidirectional(shown.name);
            role.valueProperty().unbindBidirectional(shown.role);
            slack.textProperty().unbindBidirectional(shown.slackId);
        }
        shown = row;
        setDisable(row == null);
        if (row == null) {
            name.clear();
            slack.clear();
            role.setValue(null);
            return;
        }
        name.textProperty().bindBidirectional(row.name);
        role.valueProperty().bindBidirectional(row.role);
        slack.textProperty().bindBidirectional(row.slackId);
    }

    /** Puts the focus on the name, all of it selected, to type over. */
    void focusName() {
        name.requestFocus();
        name.selectAll();
    }

    private static Label label(String text, javafx.scene.Node field) {
        Label l = new Label(text);
        l.setLabelFor(field);
        l.setMinWidth(USE_PREF_SIZE);
        return l;
    }
}
