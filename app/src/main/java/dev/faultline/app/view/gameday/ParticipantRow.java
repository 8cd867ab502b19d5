package dev.faultline.app.view.gameday;

import dev.faultline.engine.model.Participant;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One editable row of the participants table. */
public final class ParticipantRow {
    final StringProperty name = new SimpleStringProperty("");
    final ObjectProperty<Participant.Role> role = new SimpleObjectProperty<>(Participant.Role.OBSERVER);
    final StringProperty slackId = new SimpleStringProperty("");

    ParticipantRow(String name, Participant.Role role, String slackId) {
        this.name.set(name);
        this.role.set(role);
        this.slackId.set(slackId);
    }

    /** The participant this row holds (the name must not be blank). */
    public Participant toParticipant() {
        return new Participant(name.get().strip(), role.get(), slackId.get().strip());
    }
}
