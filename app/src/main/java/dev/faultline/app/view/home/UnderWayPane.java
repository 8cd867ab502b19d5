package dev.faultline.app.view.home;

import dev.faultline.engine.store.TeamRuns;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Team mode on the home screen: the GameDays and runs under way on the other desktops, read every
 * few seconds, each to follow live in the live view. Shown only on a team's shared store.
 */
public final class UnderWayPane extends VBox {
    private final Timeline poll;

    public UnderWayPane(UnderWayModel model, Consumer<TeamRuns.UnderWay> follow) {
        super(8);
        setId("under-way");
        Label heading = new Label("Under way on the team's other desktops");
        heading.getStyleClass().add("section");
        ListView<TeamRuns.UnderWay> list = new ListView<>(model.runs());
        list.setId("under-way-runs");
        list.setAccessibleText("Runs under way on other desktops: Enter follows the selected one live");
        list.setPrefHeight(96);
        list.setMinHeight(72);
        Label none = new Label("Nothing runs on the other desktops now.");
        none.setWrapText(true);
        list.setPlaceholder(none);
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(TeamRuns.UnderWay r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : model.line(r));
            }
        });
        Button go = new Button("Follow live");
        go.setId("follow-run");
        go.setTooltip(new Tooltip("Watch the selected run in the live view, at most a second behind its runner"
                + " (read-only here: your notes and the kill switch still work)"));
        go.disableProperty()
                .bind(list.getSelectionModel().selectedItemProperty().isNull());
        go.setOnAction(e -> follow.accept(list.getSelectionModel().getSelectedItem()));
        list.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER
                    && list.getSelectionModel().getSelectedItem() != null) {
                follow.accept(list.getSelectionModel().getSelectedItem());
            }
        });
        Label problem = new Label();
        problem.textProperty().bind(model.problemProperty());
        problem.getStyleClass().add("danger");
        problem.setWrapText(true);
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        getChildren().addAll(heading, list, new HBox(8, go), problem);
        visibleProperty().bind(model.sharedProperty());
        managedProperty().bind(visibleProperty());
        poll = new Timeline(new KeyFrame(javafx.util.Duration.seconds(2), e -> {
            if (model.sharedProperty().get()) {
                model.refresh();
            }
        }));
        poll.setCycleCount(Timeline.INDEFINITE);
        // read while Home shows (a hidden screen has no scene or is not visible)
        sceneProperty().addListener((o, was, now) -> {
            if (now == null) {
                poll.stop();
            } else {
                poll.play();
            }
        });
        model.refresh();
    }
}
