package dev.faultline.app.view.gameday;

import dev.faultline.engine.model.Checklist;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One item of the day's checklist, ticked off on the day. */
public final class ChecklistRow {
    final StringProperty text = new SimpleStringProperty("");
    final BooleanProperty done = new SimpleBooleanProperty(false);

    ChecklistRow(String text, boolean done) {
        this.text.set(text);
        this.done.set(done);
    }

    Checklist.Item toItem() {
        return new Checklist.Item(text.get().strip(), done.get());
    }
}
