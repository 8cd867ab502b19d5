package dev.faultline.app.view.gameday;

import dev.faultline.engine.model.Checklist;
import dev.faultline.engine.model.GameDay;
import dev.faultline.engine.model.Participant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The GameDay being planned, as editable properties; {@link #toGameDay()} makes the immutable
 * model (and says what is missing when it cannot). No nodes: the planner binds to it.
 */
public final class GameDayPlanModel {
    final StringProperty name = new SimpleStringProperty("new-gameday");
    final StringProperty title = new SimpleStringProperty("");
    final StringProperty description = new SimpleStringProperty("");
    final StringProperty objectives = new SimpleStringProperty("");
    final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>(LocalDate.now().plusDays(1));
    final StringProperty time = new SimpleStringProperty("10:00");
    final ObjectProperty<ZoneId> zone = new SimpleObjectProperty<>(ZoneId.systemDefault());
    final StringProperty environment = new SimpleStringProperty("sandbox");
    final ObservableList<ParticipantRow> participants = FXCollections.observableArrayList();
    final ObservableList<String> experiments = FXCollections.observableArrayList();
    final ObservableList<ChecklistRow> preChecks = FXCollections.observableArrayList();
    final ObservableList<ChecklistRow> comms = FXCollections.observableArrayList();
    final ObservableList<ChecklistRow> abortCriteria = FXCollections.observableArrayList();
    final ObjectProperty<String> file = new SimpleObjectProperty<>("");

    public void load(GameDay d, String fromFile) {
        name.set(d.name());
        title.set(d.title());
        description.set(d.description());
        objectives.set(String.join("\n", d.objectives()));
        date.set(d.scheduledLocal().toLocalDate());
        time.set(d.scheduledLocal().toLocalTime().toString());
        zone.set(d.zone());
        environment.set(d.environment());
        participants.setAll(d.participants().stream().map(p -> new ParticipantRow(p.name(), p.role(), p.slackId())).toList());
        experiments.setAll(d.experiments());
        preChecks.setAll(rows(d.checklist().preChecks()));
        comms.setAll(rows(d.checklist().comms()));
        abortCriteria.setAll(rows(d.checklist().abortCriteria()));
        file.set(fromFile);
    }

    private static List<ChecklistRow> rows(List<Checklist.Item> items) {
        return items.stream().map(i -> new ChecklistRow(i.text(), i.done())).toList();
    }

    /** The plan as a GameDay; throws with a message for people when a part is missing or wrong. */
    public GameDay toGameDay() {
        LocalTime at;
        try {
            at = LocalTime.parse(time.get().strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("time: '" + time.get() + "' is not a time of day, e.g. 10:00");
        }
        if (date.get() == null) {
            throw new IllegalArgumentException("date: pick the day");
        }
        if (title.get().isBlank()) {
            throw new IllegalArgumentException("title: give the GameDay a title");
        }
        List<String> goals = Arrays.stream(objectives.get().split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        List<Participant> people = participants.stream().filter(p -> !p.name.get().isBlank())
                .map(ParticipantRow::toParticipant).toList();
        Checklist checklist = new Checklist(items(preChecks), items(comms), items(abortCriteria));
        return new GameDay(name.get().strip(), title.get().strip(), description.get().strip(), goals,
                date.get().atTime(at).atZone(zone.get()).toInstant(), zone.get(), environment.get(), people,
                List.copyOf(experiments), checklist);
    }

    private static List<Checklist.Item> items(List<ChecklistRow> rows) {
        return rows.stream().filter(r -> !r.text.get().isBlank()).map(ChecklistRow::toItem).toList();
    }
}
