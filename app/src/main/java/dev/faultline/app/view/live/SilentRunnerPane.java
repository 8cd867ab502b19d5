package dev.faultline.app.view.live;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Team mode, above the charts of a followed run: its runner stopped answering (since when), the
 * faults its journal still holds, and for each who can revert it: those of backends anyone can reach
 * with a Revert from here (for a login whose role allows it), local ones named as the runner's
 * machine's, with what to do there.
 */
final class SilentRunnerPane extends VBox {

    SilentRunnerPane(FollowState follow, Runnable revert) {
        setId("runner-silent");
        setSpacing(6);
        setPadding(new Insets(10, 16, 10, 16));
        // the banner colours of the theme (AtlantaFX), inline: no stylesheet of its own for one box
        setStyle("-fx-background-color: -color-danger-subtle; -fx-border-color: -color-danger-emphasis;"
                + " -fx-border-width: 0 0 0 4;");
        setMinHeight(Region.USE_PREF_SIZE);
        Label banner = new Label();
        banner.setId("runner-silent-text");
        banner.setWrapText(true);
        banner.setStyle("-fx-font-weight: bold; -fx-text-fill: -color-danger-fg;");
        banner.textProperty().bind(follow.silenceProperty());
        VBox faults = new VBox(4);
        faults.setId("runner-silent-faults");
        Runnable list = () -> faults.getChildren()
                .setAll(follow.held().stream().map(SilentRunnerPane::line).toList());
        follow.held().addListener((ListChangeListener<FollowState.Held>) c -> list.run());
        list.run();
        Button revertButton = new Button("Revert the reachable faults from here");
        revertButton.setId("revert-held");
        revertButton.getStyleClass().add("danger");
        revertButton.setTooltip(new Tooltip("Reverts, from this desktop, the faults of backends anyone can reach"
                + " (Chaos Mesh, Litmus, Toxiproxy), as faultline team revert does"));
        revertButton.disableProperty().bind(follow.revertable().not());
        revertButton.setOnAction(e -> revert.run());
        revertButton
                .visibleProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> follow.held().stream().anyMatch(FollowState.Held::reachable), follow.held()));
        revertButton.managedProperty().bind(revertButton.visibleProperty());
        Label refusal = hint("runner-silent-refusal", follow.refusalProperty());
        Label outcome = hint("runner-silent-outcome", follow.outcomeProperty());
        HBox actions = new HBox(12, revertButton, refusal);
        actions.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(refusal, javafx.scene.layout.Priority.ALWAYS);
        getChildren().addAll(banner, faults, actions, outcome);
        visibleProperty().bind(follow.silenceProperty().isNotEmpty());
        managedProperty().bind(visibleProperty());
    }

    private static Label hint(String id, javafx.beans.value.ObservableStringValue text) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.getStyleClass().add("muted");
        l.textProperty().bind(text);
        l.visibleProperty().bind(Bindings.isNotEmpty(text));
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    private static Label line(FollowState.Held h) {
        Label l = new Label("• " + h.what() + ": " + h.todo());
        l.setWrapText(true);
        l.getStyleClass().add(h.reachable() ? "held-reachable" : "held-local");
        return l;
    }
}
