package dev.faultline.app.view.gameday;

import dev.faultline.app.view.gameday.GameDayPlanModel.Duty;
import dev.faultline.engine.model.ExperimentCrew;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.jspecify.annotations.Nullable;

/** For the selected experiment: each participant, and whether they run it, watch it or neither. */
final class CrewPane extends VBox {
    private final GameDayPlanModel plan;
    private final ObservableValue<@Nullable String> selected;
    private final Label heading = new Label();
    private final GridPane people = new GridPane();
    private boolean updating;

    CrewPane(GameDayPlanModel plan, ObservableValue<@Nullable String> selected) {
        this.plan = plan;
        this.selected = selected;
        setId("crew");
        heading.getStyleClass().add("subsection");
        heading.setWrapText(true);
        people.setHgap(10);
        people.setVgap(4);
        setSpacing(4);
        getChildren().addAll(heading, people);
        selected.addListener((o, a, b) -> rebuild());
        plan.participants().addListener((ListChangeListener<ParticipantRow>) c -> rebuild());
        plan.crews().addListener((MapChangeListener<String, ExperimentCrew>) c -> rebuild());
        plan.titles().addListener((MapChangeListener<String, String>) c -> rebuild());
        rebuild();
    }

    private void rebuild() {
        if (updating) {
            return;
        }
        people.getChildren().clear();
        String experiment = selected.getValue();
        if (experiment == null) {
            heading.setText("Who runs and who watches: select an experiment");
            return;
        }
        heading.setText("Who runs and who watches \u201c" + plan.titleOf(experiment) + "\u201d");
        int r = 0;
        for (ParticipantRow p : plan.participants()) {
            String name = p.name.get().strip();
            if (name.isEmpty()) {
                continue;
            }
            Label who = new Label(name + " (" + p.role.get().label() + ")");
            who.setMinWidth(Region.USE_PREF_SIZE);
            ComboBox<Duty> duty = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(Duty.values()));
            duty.setConverter(DUTIES);
            duty.setValue(plan.dutyOf(experiment, name));
            duty.setAccessibleText("What " + name + " does in this experiment");
            who.setLabelFor(duty);
            duty.valueProperty().addListener((o, a, b) -> {
                if (b != null) {
                    updating = true;
                    try {
                        plan.setDuty(experiment, name, b);
                    } finally {
                        updating = false;
                    }
                }
            });
            people.addRow(r++, who, duty);
        }
        if (r == 0) {
            people.addRow(0, new Label("Add participants first: operators run, observers watch."));
        }
    }

    private static final StringConverter<Duty> DUTIES = new StringConverter<>() {
        @Override
        public String toString(@Nullable Duty d) {
            return d == null
                    ? ""
                    : switch (d) {
                        case NONE -> "not in this one";
                        case RUNS -> "runs it";
                        case WATCHES -> "watches";
                    };
        }

        @Override
        public Duty fromString(String s) {
            return Duty.NONE;
        }
    };
}
