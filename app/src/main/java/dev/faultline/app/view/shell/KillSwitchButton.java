package dev.faultline.app.view.shell;

import dev.faultline.engine.safety.HaltReport;
import dev.faultline.engine.safety.KillSwitch;
import dev.faultline.engine.safety.KillSwitchListener;
import dev.faultline.engine.safety.RevertOutcome;
import dev.faultline.engine.spi.run.HaltReason;
import java.time.ZoneId;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The kill switch, always visible: a large red button that is never disabled, also on
 * Ctrl+Shift+K. Pressing it calls {@link KillSwitch#halt}, which returns at once; progress and the
 * report come back through the listener. Engaged, it is latched: it reads "HALTED — Release…" and
 * is the release, which asks for a reason and stays open until one is given; the banner
 * ({@link #bannerProperty()}) says what was reverted and what was not. The release is offered here
 * (always in sight, on every screen) and in a paused GameDay's panel (where the leader decides how
 * the day goes on), nowhere else: one button that halts and releases, not four.
 */
public final class KillSwitchButton extends HBox implements KillSwitchListener {
    static final String IDLE_TEXT = "HALT ALL   Ctrl+Shift+K";
    static final String ENGAGED_TEXT = "HALTED — Release…";
    private static final PseudoClass ENGAGED = PseudoClass.getPseudoClass("engaged");

    private final KillSwitch killSwitch;
    private final ZoneId zone;
    private final Button halt = new Button(IDLE_TEXT);
    private final Label state = new Label();
    private final ReadOnlyBooleanWrapper engaged = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper banner = new ReadOnlyStringWrapper("");
    /** Team mode: what the team's shared switch made of the last press or release ("" when nothing was sent). */
    private final ReadOnlyStringWrapper team = new ReadOnlyStringWrapper("");

    private TeamSwitch teamSwitch = TeamSwitch.NONE;

    /**
     * Team mode: the team's shared kill switch, pressed and released with this one (after it, never
     * holding it up). Each call completes with a line for the person, empty when nothing was sent.
     */
    public interface TeamSwitch {
        TeamSwitch NONE = new TeamSwitch() {
            @Override
            public java.util.concurrent.CompletableFuture<String> press(String reason) {
                return java.util.concurrent.CompletableFuture.completedFuture("");
            }

            @Override
            public java.util.concurrent.CompletableFuture<String> release(String reason) {
                return java.util.concurrent.CompletableFuture.completedFuture("");
            }
        };

        java.util.concurrent.CompletableFuture<String> press(String reason);

        java.util.concurrent.CompletableFuture<String> release(String reason);
    }

    KillSwitchButton(KillSwitch killSwitch, ZoneId zone) {
        this.killSwitch = killSwitch;
        this.zone = zone;
        getStyleClass().add("kill-switch-bar");
        halt.getStyleClass().add("kill-switch");
        halt.setId("kill-switch");
        halt.setOnAction(e -> {
            if (killSwitch.isEngaged()) {
                askRelease();
            } else {
                press();
            }
        });
        state.getStyleClass().add("kill-switch-state");
        state.setId("kill-switch-state");
        state.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        setSpacing(12);
        setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        getChildren().addAll(state, halt);
        killSwitch.addListener(this);
        show(
                killSwitch.isEngaged() ? "ENGAGED" : "",
                killSwitch.engagement().map(x -> "Engaged: " + x.detail()).orElse(""));
        killSwitch
                .engagement()
                .ifPresent(en -> banner.set("Kill switch engaged (" + en.detail() + "). " + HaltSummary.RELEASE));
    }

    public void press() {
        String why = "pressed in the app";
        killSwitch.halt(HaltReason.killSwitch(why));
        teamSwitch.press(why).thenAccept(this::showTeam);
    }

    /** Team mode: presses and releases {@code shared} with this switch from now on. */
    public void relayTo(TeamSwitch shared) {
        this.teamSwitch = shared;
    }

    private void showTeam(String line) {
        Platform.runLater(() -> team.set(line));
    }

    /** Team mode: what the team's shared switch made of the last press or release; empty when nothing was sent. */
    public ReadOnlyStringProperty teamProperty() {
        return team.getReadOnlyProperty();
    }

    /**
     * Asks why it is safe to go on and releases with that reason; an empty reason keeps the dialog
     * open and says a reason is needed. Nothing happens when the switch is not engaged.
     */
    public void askRelease() {
        if (!killSwitch.isEngaged()) {
            return;
        }
        Dialog<String> d = releaseDialog();
        d.showAndWait().ifPresent(reason -> {
            killSwitch.release(reason);
            show("released", "Released: " + reason); // at once: the listener's call comes a moment later
            // a release that reached the team needs no words; one that did not stays in sight
            teamSwitch
                    .release(reason)
                    .thenAccept(line -> showTeam(line.startsWith("the team's shared store could not") ? line : ""));
        });
    }

    /** The release dialog (its OK refuses an empty reason); public for tests. */
    public Dialog<String> releaseDialog() {
        Dialog<String> d = new Dialog<>();
        d.setTitle("Release the kill switch");
        d.setHeaderText("Runs may start again once the kill switch is released.");
        TextField reason = new TextField();
        reason.setId("release-reason");
        reason.setPromptText("e.g. all faults confirmed gone, the team agrees to go on");
        reason.setAccessibleText("Why is it safe to go on?");
        Label problem = new Label();
        problem.setId("release-problem");
        problem.getStyleClass().add("danger");
        problem.setWrapText(true);
        problem.setManaged(false);
        problem.setVisible(false);
        VBox content = new VBox(8, new Label("Why is it safe to go on?"), reason, problem);
        content.setPrefWidth(460);
        d.getDialogPane().setContent(content);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        ((Button) d.getDialogPane().lookupButton(ButtonType.OK)).setText("Release");
        d.getDialogPane().lookupButton(ButtonType.OK).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            if (reason.getText().isBlank()) {
                e.consume(); // the dialog stays open
                problem.setText("A reason is needed: say why it is safe to go on. It is kept with the release.");
                problem.setManaged(true);
                problem.setVisible(true);
                reason.requestFocus();
            }
        });
        d.setResultConverter(b -> b == ButtonType.OK ? reason.getText().strip() : null);
        Platform.runLater(reason::requestFocus);
        return d;
    }

    /**
     * @param text   the few words beside the button (the banner says the rest)
     * @param detail its tooltip: the whole of it
     */
    private void show(String text, String detail) {
        Platform.runLater(() -> {
            boolean on = killSwitch.isEngaged();
            state.setText(text);
            state.setTooltip(detail.isEmpty() ? null : new Tooltip(detail));
            halt.setText(on ? ENGAGED_TEXT : IDLE_TEXT);
            halt.setAccessibleText(
                    on
                            ? "Kill switch engaged: every run halted and nothing starts. Press to release it"
                            : "Kill switch: halt every run and revert every fault");
            halt.setTooltip(new Tooltip(
                    on
                            ? "Engaged: nothing starts until it is released. Press to release (asks why it is safe)."
                                    + " Ctrl+Shift+K halts again."
                            : "Halt every run and revert every fault in every backend (Ctrl+Shift+K)"));
            halt.pseudoClassStateChanged(ENGAGED, on);
            pseudoClassStateChanged(ENGAGED, on);
            engaged.set(on);
            if (!on) {
                banner.set("");
            }
        });
    }

    private void showBanner(String text) {
        Platform.runLater(() -> banner.set(text));
    }

    @Override
    public void engaged(HaltReason reason) {
        show("ENGAGED: reverting…", "Engaged (" + reason.detail() + "): halting every run, reverting every fault");
        showBanner("Kill switch engaged (" + reason.detail() + "): halting every run, reverting every fault…");
    }

    @Override
    public void progress(int done, int total, RevertOutcome last) {
        show("ENGAGED: reverting " + done + "/" + total, "Reverting fault " + done + " of " + total);
    }

    @Override
    public void completed(HaltReport report) {
        int bad = report.needingAttention().size();
        show(
                bad == 0 ? "ENGAGED" : "ENGAGED: " + bad + " NEED A PERSON",
                "Engaged: " + report.outcomes().size() + " fault(s) reverted"
                        + (bad == 0 ? ", all confirmed gone" : ", " + bad + " NEED A PERSON (see the banner)"));
        showBanner(HaltSummary.of(report, zone));
    }

    @Override
    public void released(String reason) {
        show("released", "Released: " + reason);
    }

    /** Whether the kill switch is engaged (on the FX thread, as shown). */
    public ReadOnlyBooleanProperty engagedProperty() {
        return engaged.getReadOnlyProperty();
    }

    /** What the banner says while the switch is engaged; empty when released. */
    public ReadOnlyStringProperty bannerProperty() {
        return banner.getReadOnlyProperty();
    }

    /** The big button, for tests. */
    public Button haltButton() {
        return halt;
    }
}
