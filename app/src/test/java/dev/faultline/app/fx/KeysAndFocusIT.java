package dev.faultline.app.fx;

import static dev.faultline.app.fx.FxWait.waitFor;
import static dev.faultline.app.fx.LayoutAssertions.assertInside;
import static dev.faultline.app.fx.LayoutAssertions.bounds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.app.view.shell.Screen;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.event.ActionEvent;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The keys do what they say (a recent file opened by keyboard, Enter on the planner, Ctrl+Z
 * anywhere in the editor, a participant edited by Enter) and every Tab stop of Home and the planner
 * shows where the focus is, in both themes.
 */
class KeysAndFocusIT {
    @TempDir
    Path home;

    @AutoClose
    private AppWindowRig rig;

    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        rig = AppWindowRig.openAtFirstStart(home);
    }

    @Test
    void aRecentFileOnHomeOpensByKeyboardAndByMouse() {
        rig.size(1024, 700);
        waitFor(
                "the first GameDay is open",
                () -> !rig.window.gameDay().plan().experiments().isEmpty(),
                10);
        rig.show(Screen.EDITOR);
        rig.show(Screen.HOME); // Home reads the list again when it is shown
        ListView<?> recent = robot.lookup("#recent-files").queryListView();
        waitFor("the files opened at start are listed", () -> recent.getItems().size() >= 2, 10);
        assertInside(recent, rig.stage.getScene());
        // the editor's experiment and the planner's GameDay, opened at start in either order
        String newest = recent.getItems().get(0).toString();
        String other = ((Path) recent.getItems().get(1)).getFileName().toString();

        robot.interact(() -> robot.lookup("#first-gameday").queryButton().requestFocus()); // beside it
        robot.type(KeyCode.TAB);
        waitFor("Tab goes into the recent files, not " + rig.stage.getScene().getFocusOwner(), recent::isFocused, 5);
        assertThat(recent.getSelectionModel().getSelectedIndex())
                .as("the newest is selected")
                .isZero();
        robot.type(KeyCode.ENTER);
        Screen first = newest.endsWith("first-gameday.yaml") ? Screen.GAMEDAY : Screen.EDITOR;
        waitFor(
                "Enter opened " + newest,
                () -> rig.window.shell().currentProperty().get() == first,
                10);

        rig.show(Screen.HOME);
        robot.doubleClickOn(other);
        Screen second = other.equals("first-gameday.yaml") ? Screen.GAMEDAY : Screen.EDITOR;
        waitFor(
                "a double-click opened " + other,
                () -> rig.window.shell().currentProperty().get() == second,
                10);
    }

    @Test
    void enterOnThePlannerRunsTheGameDayAndLeavesTheThemeAlone() {
        rig.size(1024, 700);
        boolean dark = rig.window.dark().get();
        robot.clickOn("#first-gameday");
        waitFor(
                "the planner is shown",
                () -> rig.window.shell().currentProperty().get() == Screen.GAMEDAY,
                10);
        Button run = robot.lookup("#run-gameday").queryButton();
        AtomicInteger runs = new AtomicInteger();
        // counted, not started: the sandbox GameDay itself is AppWindowIT's
        robot.interact(() -> run.addEventFilter(ActionEvent.ACTION, e -> {
            runs.incrementAndGet();
            e.consume();
        }));

        waitFor("the focus is on Run GameDay, not " + rig.stage.getScene().getFocusOwner(), run::isFocused, 5);
        robot.type(KeyCode.ENTER);
        waitFor("Enter ran the GameDay", () -> runs.get() == 1, 5);
        robot.clickOn("#gameday-title").type(KeyCode.ENTER);
        waitFor("Enter in a field of the plan runs it too", () -> runs.get() == 2, 5);

        assertThat(rig.window.dark().get()).as("the theme").isEqualTo(dark);
    }

    @Test
    void ctrlZUndoesInTheEditorWhereverTheFocusIs() {
        rig.show(Screen.EDITOR);
        var m = rig.window.editorModel();
        String step = m.experiment().method().get(0).name();
        robot.interact(() -> m.setField("spec.method[0].duration", "42s", "set duration"));
        assertThat(m.field("spec.method[0].duration")).isEqualTo("42s");

        robot.clickOn("#yaml"); // the focus in the YAML text, not on the timeline
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        waitFor("the edit is undone", () -> !m.field("spec.method[0].duration").equals("42s"), 5);

        robot.push(KeyCode.CONTROL, KeyCode.Y);
        waitFor("and redone", () -> m.field("spec.method[0].duration").equals("42s"), 5);
        assertThat(m.experiment().method().get(0).name()).isEqualTo(step);
    }

    @Test
    void aParticipantIsEditedByButtonOrEnterWithoutADoubleClick() {
        rig.show(Screen.GAMEDAY);
        waitFor(
                "the first GameDay is open",
                () -> !rig.window.gameDay().plan().participants().isEmpty(),
                10);
        TableView<?> table = robot.lookup("#participants").queryTableView();
        robot.interact(() -> table.getSelectionModel().select(1));

        // shown with the selection, in the page's next layout: a busy machine may not have had it yet
        waitFor(
                "Edit… is shown",
                () -> robot.lookup("#edit-participant")
                        .match(NodeQueryUtils.isVisible())
                        .tryQuery()
                        .isPresent(),
                10);
        robot.clickOn("#edit-participant");
        TextField name = robot.lookup("#participant-name").queryAs(TextField.class);
        waitFor("the focus is on the participant's name", name::isFocused, 5);
        assertThat(name.getText()).isEqualTo("Grace Hopper");
        robot.write("Grace Brewster Hopper").type(KeyCode.ENTER); // typed over: the name was selected
        waitFor(
                "the row is renamed",
                () -> rig.window
                        .gameDay()
                        .plan()
                        .participants()
                        .get(1)
                        .toParticipant()
                        .name()
                        .equals("Grace Brewster Hopper"),
                5);
        assertThat(table.isFocused())
                .as("Enter in the field goes back to the table")
                .isTrue();

        robot.interact(() -> table.getSelectionModel().select(0));
        robot.type(KeyCode.ENTER);
        waitFor("Enter on the table edits the selected participant", name::isFocused, 5);
        assertThat(name.getText()).isEqualTo("Ada Lovelace");
    }

    @ParameterizedTest(name = "dark theme: {0}")
    @ValueSource(booleans = {false, true})
    void everyTabStopOnHomeAndThePlannerShowsWhereTheFocusIs(boolean darkTheme) {
        rig.size(1440, 900);
        robot.interact(() -> rig.window.dark().set(darkTheme));
        for (Screen screen : new Screen[] {Screen.HOME, Screen.GAMEDAY}) {
            rig.show(screen);
            Node nav = robot.lookup("#nav-" + screen.name().toLowerCase(java.util.Locale.ROOT))
                    .query();
            robot.interact(nav::requestFocus);
            java.util.Set<Node> seen = new java.util.HashSet<>();
            javafx.scene.image.WritableImage before = snapshot();
            for (int stop = 0; stop < 40; stop++) { // bounded: a screen has fewer stops than this
                Node focused = rig.stage.getScene().getFocusOwner();
                if (focused == null || !seen.add(focused)) {
                    break;
                }
                Bounds b = bounds(focused);
                robot.type(KeyCode.TAB);
                javafx.scene.image.WritableImage after = snapshot();
                if (b.getWidth() > 0 && b.getMaxY() < rig.stage.getScene().getHeight()) {
                    assertThat(differs(before, after, b))
                            .as("the focus on " + focused + " (" + screen + ", dark " + darkTheme + ") shows")
                            .isTrue();
                }
                before = after;
            }
            assertThat(seen).as("Tab stops on " + screen).hasSizeGreaterThan(5);
        }
    }

    private javafx.scene.image.WritableImage snapshot() {
        WaitForAsyncUtils.waitForFxEvents();
        try {
            return WaitForAsyncUtils.waitFor(
                    10,
                    TimeUnit.SECONDS,
                    WaitForAsyncUtils.asyncFx(() -> rig.stage.getScene().snapshot(null)));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no snapshot of the window within 10 s", e);
        }
    }

    /** Whether the pixels around {@code b} (a few beyond it, where a focus ring is drawn) changed. */
    private static boolean differs(javafx.scene.image.Image a, javafx.scene.image.Image c, Bounds b) {
        int x0 = (int) Math.max(0, b.getMinX() - 4);
        int y0 = (int) Math.max(0, b.getMinY() - 4);
        int x1 = (int) Math.min(a.getWidth() - 1, b.getMaxX() + 4);
        int y1 = (int) Math.min(a.getHeight() - 1, b.getMaxY() + 4);
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                if (a.getPixelReader().getArgb(x, y) != c.getPixelReader().getArgb(x, y)) {
                    return true;
                }
            }
        }
        return false;
    }
}
