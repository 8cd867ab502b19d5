package dev.faultline.app.view.gameday;

import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.Property;
import javafx.beans.property.ReadOnlyProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;

/** The planner's small pieces: a field kept in step with the plan, its label, a heading, a row of buttons. */
final class PlanFields {
    private PlanFields() {}

    static TextField text(ReadOnlyStringProperty p, Consumer<String> set, String name, String prompt) {
        TextField t = new TextField();
        sync(t.textProperty(), p, set);
        t.setPromptText(prompt);
        t.setAccessibleText(name);
        return t;
    }

    /** Keeps a field and a plan property in step: the field shows the plan, and an edit goes to the plan through its method. */
    static <T> void sync(Property<T> field, ReadOnlyProperty<T> plan, Consumer<T> set) {
        field.setValue(plan.getValue());
        plan.addListener((o, a, b) -> {
            if (!Objects.equals(field.getValue(), b)) {
                field.setValue(b);
            }
        });
        field.addListener((o, a, b) -> {
            if (b != null && !Objects.equals(plan.getValue(), b)) {
                set.accept(b);
            }
        });
    }

    static Label label(String text, Node field) {
        Label l = new Label(text);
        l.getStyleClass().add("field-label");
        l.setLabelFor(field);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section");
        return l;
    }

    /** A row of buttons that wraps onto a second line rather than squeezing them into "…". */
    static FlowPane buttons(Node... nodes) {
        FlowPane f = new FlowPane(8, 6, nodes);
        for (Node n : nodes) {
            if (n instanceof Region r) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        return f;
    }
}
