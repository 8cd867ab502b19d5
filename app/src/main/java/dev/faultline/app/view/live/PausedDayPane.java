package dev.faultline.app.view.live;

import dev.faultline.engine.spi.run.AfterHalt;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * A paused GameDay's question, above the charts: what was halted and why, the kill switch's
 * release while it is engaged, then resume with the next experiment, repeat the halted one, or end
 * the day. Resume and repeat wait for the release.
 */
final class PausedDayPane extends VBox {

    PausedDayPane(LiveRunViewModel model, ObservableBooleanValue engaged, Runnable release) {
        setId("paused-day");
        getStyleClass().add("paused-day");
        setSpacing(8);
        setPadding(new Insets(10, 16, 10, 16));
        // never squeezed by the charts under it: its lines ended in "…" at 1024x700
        setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label what = new Label();
        what.setId("paused-day-text");
        what.setWrapText(true);
        what.getStyleClass().add("paused-day-text");
        Label hint = new Label();
        hint.setWrapText(true);
        hint.getStyleClass().add("muted");
        Button releaseButton = new Button("Release the kill switch…");
        releaseButton.setId("paused-release");
        releaseButton.setOnAction(e -> release.run());
        Button resume = new Button();
        resume.setId("paused-resume");
        resume.getStyleClass().add("accent");
        resume.setDefaultButton(false);
        resume.setOnAction(e -> model.choose(AfterHalt.RESUME));
        Button repeat = new Button();
        repeat.setId("paused-repeat");
        repeat.setOnAction(e -> model.choose(AfterHalt.REPEAT));
        Button end = new Button("End the day");
        end.setId("paused-end");
        end.setOnAction(e -> model.choose(AfterHalt.END));
        releaseButton.visibleProperty().bind(Bindings.createBooleanBinding(engaged::get, engaged));
        releaseButton.managedProperty().bind(releaseButton.visibleProperty());
        resume.disableProperty().bind(Bindings.createBooleanBinding(engaged::get, engaged));
        repeat.disableProperty().bind(resume.disableProperty());
        FlowPane buttons = new FlowPane(8, 8, releaseButton, resume, repeat, end);
        buttons.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(what, hint, buttons);
        Runnable show = () -> {
            PausedDay p = model.pausedProperty().get();
            setVisible(p != null);
            setManaged(p != null);
            if (p == null) {
                return;
            }
            what.setText(model.pausedHeadline());
            hint.setText(
                    engaged.get()
                            ? "The kill switch is engaged: release it (say why it is safe), then choose how the day goes"
                                    + " on."
                            : "Choose how the day goes on.");
            resume.setText(p.last() ? "Resume" : "Resume with experiment " + (p.index() + 2) + ": " + p.next());
            resume.setVisible(!p.last());
            resume.setManaged(!p.last());
            repeat.setText("Repeat experiment " + (p.index() + 1));
        };
        model.pausedProperty().addListener((o, a, b) -> show.run());
        engaged.addListener((o, a, b) -> show.run());
        show.run();
    }
}
