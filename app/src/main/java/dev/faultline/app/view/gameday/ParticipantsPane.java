package dev.faultline.app.view.gameday;

import static dev.faultline.app.view.gameday.PlanFields.buttons;

import dev.faultline.engine.model.Participant;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.ChoiceBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;

/** Who takes part, with which role and Slack id: a table, add / edit / remove, and the form that edits one. */
final class ParticipantsPane extends VBox {
    ParticipantsPane(GameDayPlanModel plan) {
        super(6);
        TableView<ParticipantRow> table = new TableView<>(plan.participants());
        table.setEditable(true);
        table.setPrefHeight(190);
        table.setAccessibleText("Participants: name, role and Slack member id");
        TableColumn<ParticipantRow, String> name = new TableColumn<>("Name");
        name.setCellValueFactory(c -> c.getValue().name);
        name.setCellFactory(TextFieldTableCell.forTableColumn());
        name.setPrefWidth(220);
        TableColumn<ParticipantRow, Participant.Role> role = new TableColumn<>("Role");
        role.setCellValueFactory(c -> c.getValue().role);
        role.setCellFactory(ChoiceBoxTableCell.forTableColumn(Participant.Role.values()));
        role.setPrefWidth(140);
        TableColumn<ParticipantRow, String> slack = new TableColumn<>("Slack member id");
        slack.setCellValueFactory(c -> c.getValue().slackId);
        slack.setCellFactory(TextFieldTableCell.forTableColumn());
        slack.setPrefWidth(180);
        table.getColumns().addAll(List.of(name, role, slack));
        table.setPlaceholder(new Label("No one yet: add the leader, an operator, a scribe and who is on call"));
        Button add = new Button("Add participant");
        ParticipantForm form = new ParticipantForm(table);
        add.setOnAction(e -> {
            plan.addParticipant();
            table.getSelectionModel().selectLast();
            form.focusName();
        });
        Button edit = new Button("Edit…");
        edit.setId("edit-participant");
        edit.setTooltip(new Tooltip("Edit the selected participant's name, role and Slack id (Enter on the table)"));
        edit.disableProperty()
                .bind(table.getSelectionModel().selectedItemProperty().isNull());
        edit.setOnAction(e -> form.focusName());
        table.setId("participants");
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && table.getEditingCell() == null) {
                if (table.getSelectionModel().getSelectedItem() != null) {
                    form.focusName();
                    e.consume();
                }
            }
        });
        Button remove = new Button("Remove");
        remove.disableProperty()
                .bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> {
            ParticipantRow row = table.getSelectionModel().getSelectedItem();
            if (row != null) {
                plan.removeParticipant(row);
            }
        });
        Label logins = new Label("On a team's shared store, rights follow database logins, not these names: a name"
                + " here grants nothing. The leader gives each person's login the role they play here, once:"
                + " faultline team roles --give LOGIN --role ROLE --gameday " + "NAME (see team mode in the guide).");
        logins.setId("participants-logins");
        logins.setWrapText(true);
        logins.getStyleClass().add("text-muted");
        getChildren().addAll(table, buttons(add, edit, remove), logins, form);
    }
}
