package dev.faultline.app.view.shell;

import dev.faultline.engine.safety.HaltReport;
import dev.faultline.engine.safety.KillSwitch;
import dev.faultline.engine.safety.KillSwitchListener;
import dev.faultline.engine.safety.RevertOutcome;
import dev.faultline.engine.spi.run.HaltReason;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.HBox;

/**
 * The kill switch, always visible: a large red button that is never disabled, also on
 * Ctrl+Shift+K. Pressing it calls {@link KillSwitch#halt}, which returns at once; progress and the
 * report come back through the listener. While engaged it offers a release that asks for a reason.
 */
public final class KillSwitchButton extends HBox implements KillSwitchListener {
    private final KillSwitch killSwitch;
    private final Button halt = new Button("HALT ALL   Ctrl+Shift+K");
    private final Button release = new Button("Release…");
    private final Label state = new Label();

    KillSwitchButton(KillSwitch killSwitch) {
        this.killSwitch = killSwitch;
        getStyleClass().add("kill-switch-bar");
        halt.getStyleClass().add("kill-switch");
        halt.setAccessibleText("Kill switch: halt every run and revert every fault");
        halt.setTooltip(new javafx.scene.control.Tooltip(
                "Halt every run and revert every fault in every backend (Ctrl+Shift+K)"));
        halt.setOnAction(e -> press());
        release.setOnAction(e -> askRelease());
        release.setAccessibleText("Release the kill switch");
        state.getStyleClass().add("kill-switch-state");
        setSpacing(12);
        setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        getChildren().addAll(state, release, halt);
        killSwitch.addListener(this);
        show(
                killSwitch.isEngaged()
                        ? "ENGAGED: "
                                + killSwitch.engagement().map(x -> x.reason()).orElse("")
                        : "");
    }

    public void press() {
        killSwitch.halt(HaltReason.killSwitch("kill switch pressed in the app"));
    }

    public void askRelease() {
        TextInputDialog d = new TextInputDialog();
        d.setTitle("Release the kill switch");
        d.setHeaderText("Runs may start again once the kill switch is released.");
        d.setContentText("Why is it safe to go on?");
        d.showAndWait().filter(s -> !s.isBlank()).ifPresent(killSwitch::release);
    }

    private void show(String text) {
        Platform.runLater(() -> {
            state.setText(text);
            release.setVisible(killSwitch.isEngaged());
            release.setManaged(killSwitch.isEngaged());
            pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("engaged"), killSwitch.isEngaged());
        });
    }

    @Override
    public void engaged(HaltReason reason) {
        show("ENGAGED: halting, reverting…");
    }

    @Override
    public void progress(int done, int total, RevertOutcome last) {
        show("ENGAGED: reverting " + done + "/" + total);
    }

    @Override
    public void completed(HaltReport report) {
        int bad = report.needingAttention().size();
        show("ENGAGED: " + report.outcomes().size() + " fault(s) reverted"
                + (bad == 0 ? ", all confirmed gone" : ", " + bad + " NEED A PERSON (see log)"));
    }

    @Override
    public void released(String reason) {
        show("released: " + reason);
    }
}
