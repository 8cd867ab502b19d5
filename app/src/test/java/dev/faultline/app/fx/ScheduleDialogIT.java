package dev.faultline.app.fx;

import static dev.faultline.app.fx.FxWait.waitFor;
import static dev.faultline.app.fx.LayoutAssertions.assertNotCut;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.app.cli.FaultlineCommand;
import dev.faultline.engine.env.FaultlineHome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The schedule dialog on Home, by keyboard, in the real window at 1024x700 and 1440x900: a schedule
 * added through it (runbook, cron in a zone, guards) is listed on Home with its next run and by
 * {@code faultline schedule list} over the same store; a wrong cron keeps the dialog open and says
 * so; Enter on the row edits it in place, Delete removes it after asking.
 */
class ScheduleDialogIT {
    static final Path RUNBOOK = Path.of("..", "runbooks", "sandbox", "payment-outage-halts.yaml")
            .toAbsolutePath()
            .normalize();

    @TempDir
    Path home;

    @AutoClose
    AppWindowRig rig;

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1024, 700", "1440, 900"})
    void aScheduleIsAddedEditedAndRemovedThroughTheDialogAndTheCliSeesEachChange(int width, int height)
            throws Exception {
        rig = AppWindowRig.open(home);
        rig.size(width, height);
        FxRobot robot = rig.robot;
        @SuppressWarnings("unchecked")
        TableView<Object> table = robot.lookup("#schedule-table").queryAs(TableView.class);

        press(robot.lookup("#schedule-add").queryButton());
        DialogPane dialog = dialog();
        assertFits(dialog, width, height);
        TextField name = (TextField) dialog.lookup("#schedule-name");
        waitFor("the name has the focus", name::isFocused, 5);
        robot.write("weekday-outage");
        robot.type(KeyCode.TAB);
        robot.write(RUNBOOK.toString());
        focus(robot, dialog.lookup("#schedule-cron"));
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("0 25 * * *");
        Label problem = (Label) dialog.lookup("#schedule-problem");
        waitFor(
                "the wrong cron is said",
                () -> problem.isVisible() && problem.getText().startsWith("cron: "),
                5);
        robot.type(KeyCode.ENTER); // Save refuses, the dialog stays
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialog.getScene().getWindow().isShowing()).isTrue();
        assertThat(problem.getText()).startsWith("cron: ").doesNotContain("\n");

        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("0 9 * * *");
        focus(robot, dialog.lookup("#schedule-zone"));
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("Europe/Berlin");
        focus(robot, dialog.lookup("#schedule-window"));
        robot.write("08:00-18:00");
        for (String day : new String[] {"sat", "sun"}) {
            CheckBox c = (CheckBox) dialog.lookup("#schedule-skip-" + day);
            focus(robot, c);
            robot.type(KeyCode.SPACE);
            waitFor(day + " is skipped", c::isSelected, 5);
        }
        @SuppressWarnings("unchecked")
        ComboBox<String> missed = (ComboBox<String>) dialog.lookup("#schedule-missed");
        focus(robot, missed);
        robot.type(KeyCode.F4).type(KeyCode.DOWN).type(KeyCode.ENTER);
        waitFor("run-once is chosen", () -> "run-once".equals(missed.getValue()), 5);
        Label next = (Label) dialog.lookup("#schedule-next-runs");
        waitFor("three next runs are shown", () -> next.getText().lines().count() == 3, 5);
        assertThat(problem.isVisible()).isFalse();
        assertNotCut(next);

        focus(robot, dialog.lookup("#schedule-cron"));
        robot.type(KeyCode.ENTER);
        waitFor(
                "the dialog closes once saved",
                () -> dialog.getScene() == null
                        || !dialog.getScene().getWindow().isShowing(),
                20);
        waitFor("Home lists the schedule", () -> table.getItems().size() == 1, 20);
        String row = table.getItems().getFirst().toString();
        assertThat(row).contains("weekday-outage", "payment-outage-halts", "0 9 * * * (Europe/Berlin)");
        assertThat(row).doesNotContain("nextRun=never", "nextRun=paused");
        String listed = cli("schedule", "list");
        assertThat(listed)
                .contains("weekday-outage", "0 9 * * *", "Europe/Berlin")
                .contains(RUNBOOK + " · window 08:00-18:00 · skips sat,sun · missed: run-once");

        // Enter on the row edits it: the fields come back as saved; the new time replaces the old
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().select(0);
        });
        robot.type(KeyCode.ENTER);
        DialogPane edit = dialog();
        TextField cron = (TextField) edit.lookup("#schedule-cron");
        waitFor("the cron has the focus", cron::isFocused, 5);
        assertThat(((TextField) edit.lookup("#schedule-name")).getText()).isEqualTo("weekday-outage");
        assertThat(((CheckBox) edit.lookup("#schedule-skip-sun")).isSelected()).isTrue();
        assertThat(cron.getText()).isEqualTo("0 9 * * *");
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("30 7 * * MON");
        CheckBox sunday = (CheckBox) edit.lookup("#schedule-skip-sun");
        focus(robot, sunday);
        robot.type(KeyCode.ENTER); // on a day's box Enter saves, as on every field, and leaves the day as it was
        waitFor(
                "the edit is saved",
                () -> edit.getScene() == null || !edit.getScene().getWindow().isShowing(),
                20);
        waitFor(
                "Home shows the new time",
                () -> table.getItems().size() == 1
                        && table.getItems().getFirst().toString().contains("30 7 * * MON"),
                20);
        assertThat(cli("schedule", "list"))
                .contains("30 7 * * MON")
                .contains("skips sat,sun")
                .doesNotContain("0 9 * * *");

        // Delete asks, then removes
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().select(0);
        });
        robot.type(KeyCode.DELETE);
        DialogPane ask = dialog();
        assertThat(ask.getId()).isEqualTo("schedule-remove-confirm");
        Button remove = (Button) ask.lookupButton(ask.getButtonTypes().stream()
                .filter(b -> b.getButtonData() != ButtonType.CANCEL.getButtonData())
                .findFirst()
                .orElseThrow());
        press(remove);
        waitFor("Home lists no schedule", () -> table.getItems().isEmpty(), 20);
        assertThat(cli("schedule", "list")).startsWith("no schedules");
    }

    /** The dialog in front, made the robot's target: keys typed go to its scene, not the main window's. */
    private DialogPane dialog() {
        waitFor("a dialog shows", () -> front().isPresent(), 10);
        DialogPane d = front().orElseThrow();
        rig.robot.targetWindow(d.getScene().getWindow());
        return d;
    }

    private static Optional<DialogPane> front() {
        return Window.getWindows().stream()
                .filter(Window::isShowing)
                .filter(w -> w.getScene() != null && w.getScene().getRoot() instanceof DialogPane)
                .map(w -> (DialogPane) w.getScene().getRoot())
                .reduce((a, b) -> b);
    }

    private void press(Button b) {
        rig.robot.interact(b::requestFocus);
        rig.robot.type(KeyCode.SPACE);
    }

    private void focus(FxRobot robot, Node n) {
        robot.interact(n::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The dialog no larger than the window it belongs to, its labels not cut. */
    private static void assertFits(DialogPane d, int width, int height) {
        Window w = d.getScene().getWindow();
        assertThat(w.getWidth()).as("dialog width").isLessThanOrEqualTo(width);
        assertThat(w.getHeight()).as("dialog height").isLessThanOrEqualTo(height);
        for (Node n : d.lookupAll(".field-label")) {
            Label l = (Label) n;
            // a mnemonic's underscore is not shown: the rest of the text is, in full
            assertThat(((javafx.scene.text.Text) l.lookup(".text")).getText())
                    .as("the text of " + l)
                    .isEqualTo(l.getText().replace("_", ""));
        }
        assertNotCut(d.lookup("#schedule-save"));
    }

    private String cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = FaultlineCommand.execute(
                new FaultlineHome(home), new PrintWriter(out, true), new PrintWriter(err, true), args);
        assertThat(exit).as("faultline %s: %s", String.join(" ", args), err).isZero();
        return out.toString();
    }
}
