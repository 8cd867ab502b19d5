package dev.faultline.app.fx;

import java.time.Duration;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;

/**
 * The window's closing state while a run ends first: what it is waiting for and for how long, at
 * the bottom of the window, which keeps answering (and the kill switch with it). FX thread only.
 */
final class ClosingBar extends HBox {
    private final Label step = new Label();
    private final Label elapsed = new Label();
    private final Timeline clock;
    private long startedNanos;

    ClosingBar() {
        super(10);
        setId("closing");
        getStyleClass().add("closing-bar");
        setAlignment(Pos.CENTER_LEFT);
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        step.setId("closing-step");
        elapsed.getStyleClass().add("header-muted");
        getChildren().addAll(spinner, step, elapsed);
        clock = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> showElapsed()));
        clock.setCycleCount(Timeline.INDEFINITE);
    }

    void start(String first) {
        startedNanos = System.nanoTime();
        show(first);
        showElapsed();
        clock.play();
    }

    void show(String what) {
        step.setText("Closing: " + what);
    }

    void stop() {
        clock.stop();
    }

    private void showElapsed() {
        elapsed.setText(Duration.ofNanos(System.nanoTime() - startedNanos).toSeconds() + " s");
    }
}
