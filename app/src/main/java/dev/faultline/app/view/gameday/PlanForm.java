package dev.faultline.app.view.gameday;

import static dev.faultline.app.view.gameday.PlanFields.heading;
import static dev.faultline.app.view.gameday.PlanFields.label;
import static dev.faultline.app.view.gameday.PlanFields.sync;
import static dev.faultline.app.view.gameday.PlanFields.text;

import dev.faultline.app.view.common.Dates;
import java.time.ZoneId;
import java.util.Collection;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The plan's left column: what for, when (in the organiser's zone), where, and who takes part. */
final class PlanForm extends VBox {
    private static final double DATE_MIN_WIDTH = 150;
    private final ComboBox<String> env = new ComboBox<>();

    PlanForm(GameDayPlanModel plan, Collection<String> environments) {
        super(12);
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        TextField title = text(plan.titleProperty(), plan::setTitle, "Title", "e.g. Payments resilience GameDay");
        title.setId("gameday-title");
        TextField name = text(plan.nameProperty(), plan::setName, "Name", "a stable id: letters, digits and dashes");
        TextArea description = new TextArea();
        sync(description.textProperty(), plan.descriptionProperty(), plan::setDescription);
        description.setPrefRowCount(2);
        description.setWrapText(true);
        description.setAccessibleText("Description");
        TextArea objectives = new TextArea();
        sync(objectives.textProperty(), plan.objectivesProperty(), plan::setObjectives);
        objectives.setPrefRowCount(3);
        objectives.setWrapText(true);
        objectives.setPromptText("one objective per line");
        objectives.setAccessibleText("Objectives, one per line");
        DatePicker date = Dates.unambiguous(new DatePicker());
        date.setValue(plan.dateProperty().get());
        plan.dateProperty().addListener((o, a, b) -> date.setValue(b));
        date.valueProperty().addListener((o, a, b) -> plan.setDate(b));
        date.setAccessibleText("Date");
        TextField time = text(plan.timeProperty(), plan::setTime, "Time", "HH:mm");
        time.setId("gameday-time");
        time.setPrefColumnCount(5);
        time.setMinWidth(Region.USE_PREF_SIZE);
        date.setMinWidth(DATE_MIN_WIDTH);
        ComboBox<ZoneId> zone = new ComboBox<>(FXCollections.observableArrayList(
                ZoneId.getAvailableZoneIds().stream().sorted().map(ZoneId::of).toList()));
        sync(zone.valueProperty(), plan.zoneProperty(), plan::setZone);
        zone.setAccessibleText("Time zone");
        zone.setMinWidth(140);
        zone.setMaxWidth(Double.MAX_VALUE);
        env.getItems().setAll(environments);
        sync(env.valueProperty(), plan.environmentProperty(), plan::setEnvironment);
        env.setAccessibleText("Environment");
        int r = 0;
        g.addRow(r++, label("Title", title), title);
        g.addRow(r++, label("Name", name), name);
        g.addRow(r++, label("Description", description), description);
        g.addRow(r++, label("Objectives", objectives), objectives);
        g.addRow(r++, label("When", date), new HBox(8, date, time));
        g.addRow(r++, label("Time zone", zone), zone);
        g.addRow(r, label("Environment", env), env);
        GridPane.setHgrow(title, Priority.ALWAYS);
        Label ph = new Label("Participants");
        ph.getStyleClass().add("section");
        getChildren().addAll(heading("Plan"), g, ph, new ParticipantsPane(plan));
        setPrefWidth(620);
        HBox.setHgrow(this, Priority.ALWAYS);
    }

    /** Lists the environments again, keeping the one chosen. */
    void environments(Collection<String> names) {
        String chosen = env.getValue();
        env.getItems().setAll(names);
        env.setValue(chosen);
    }
}
