package dev.faultline.app.view.editor;

import dev.faultline.engine.model.MethodStep;
import dev.faultline.engine.run.TimelinePlan;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** One step on the timeline: a block whose left edge is its start and whose width its length. */
final class TimelineBlock extends StackPane {
    static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    /** How close to the right edge (px) a press resizes instead of moving. */
    static final double EDGE = 8;

    final TimelinePlan.Entry entry;

    TimelineBlock(TimelinePlan.Entry entry) {
        this.entry = entry;
        MethodStep s = entry.step();
        getStyleClass().addAll("timeline-block", s instanceof MethodStep.FaultStep ? "block-fault" : "block-wait");
        Label name = new Label(s.name());
        name.getStyleClass().add("block-name");
        Label what = new Label(StepText.describe(s));
        what.getStyleClass().add("block-detail");
        VBox v = new VBox(1, name, what);
        v.setAlignment(Pos.CENTER_LEFT);
        v.setMouseTransparent(true);
        getChildren().add(v);
        setAlignment(Pos.CENTER_LEFT);
        Tooltip.install(
                this,
                new Tooltip(
                        s.name() + "\n" + StepText.describe(s) + "\nstarts at "
                                + StepText.seconds(entry.start()) + ", lasts " + StepText.seconds(s.plannedLength())
                                + "\nDrag to move, drag the right edge to resize; arrows move, Shift+arrows resize, Delete removes"));
        setAccessibleText("Step " + s.name() + ", " + StepText.describe(s) + ", lane " + s.lane() + ", at "
                + StepText.seconds(entry.start()));
    }

    String step() {
        return entry.step().name();
    }

    void setSelected(boolean selected) {
        pseudoClassStateChanged(SELECTED, selected);
    }
}
