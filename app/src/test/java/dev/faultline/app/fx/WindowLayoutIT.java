package dev.faultline.app.fx;

import static dev.faultline.app.fx.FxWait.waitFor;
import static dev.faultline.app.fx.LayoutAssertions.assertInside;
import static dev.faultline.app.fx.LayoutAssertions.assertNotCut;
import static dev.faultline.app.fx.LayoutAssertions.assertWhole;
import static dev.faultline.app.fx.LayoutAssertions.bounds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.app.view.shell.Screen;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window at the smallest supported size and at a common laptop size: every part a person needs
 * is inside the window, wide enough to read, not cut to "…", not overlapping (Home and the header,
 * the planner, the editor with its YAML and block forms as tabs or beside the timeline).
 */
class WindowLayoutIT {
    @TempDir
    Path home;

    @AutoClose
    private AppWindowRig rig;

    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        rig = AppWindowRig.openAtFirstStart(home);
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1024, 700", "1440, 900"})
    void homeAndTheHeaderFitTheWindowWithoutCuttingAnything(int width, int height) {
        rig.size(width, height);

        for (String id : new String[] {".app-title", ".kill-switch", "#first-gameday"}) {
            assertWhole(robot.lookup(id).query(), rig.stage.getScene());
        }
        ListView<?> runbooks = robot.lookup("#runbooks").queryListView();
        assertInside(runbooks, rig.stage.getScene());
        assertThat(runbooks.getHeight()).as("the runbook list shows rows").isGreaterThanOrEqualTo(90);
        Button run = robot.lookup("Run").queryButton();
        Button edit = robot.lookup("Open in editor").queryButton();
        assertWhole(run, rig.stage.getScene());
        assertWhole(edit, rig.stage.getScene());
        for (String list : new String[] {"#recent-files", "#gamedays", "#backends"}) {
            assertInside(
                    robot.lookup(list).query(),
                    rig.stage.getScene()); // four columns side by side, none cut off at the right
        }
        TableView<?> recent = robot.lookup("#recent-runs").queryTableView();
        assertThat(bounds(run).getMaxY())
                .as("the runbook buttons end above the recent runs")
                .isLessThanOrEqualTo(bounds(recent).getMinY());
        assertThat(recent.getHeight()).as("recent runs show rows").isGreaterThanOrEqualTo(100);
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1024, 700", "1440, 900"})
    void thePlannerShowsTheTimeAndItsButtonsWhole(int width, int height) {
        rig.size(width, height);
        rig.show(Screen.GAMEDAY);
        waitFor(
                "the first GameDay is open",
                () -> !rig.window.gameDay().plan().experiments().isEmpty(),
                10);

        TextField time = robot.lookup("#gameday-time").queryAs(TextField.class);
        assertInside(time, rig.stage.getScene());
        assertThat(time.getWidth()).as("the time field shows HH:mm").isGreaterThanOrEqualTo(50);
        assertWhole(robot.lookup("#run-gameday").query(), rig.stage.getScene());
        // further down the page (it scrolls): whole, at their full width
        for (String b : new String[] {"Add participant", "Edit…", "Up", "Down", "Remove"}) {
            assertNotCut(robot.lookup(b).query());
        }
        assertNotCut(robot.lookup("#add-experiment").query());
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1024, 700", "1440, 900"})
    void theEditorKeepsTheYamlReadableAndRunOutOfTheOverflowMenu(int width, int height) {
        rig.size(width, height);
        rig.show(Screen.EDITOR);
        if (!rig.window.editor().sideBySide()) {
            selectTab("#yaml-tab");
        }

        Node yaml = robot.lookup("#yaml").query();
        assertInside(yaml, rig.stage.getScene());
        assertThat(yaml.getBoundsInLocal().getWidth())
                .as("the YAML is wide enough to read")
                .isGreaterThanOrEqualTo(240);
        assertWhole(
                robot.lookup("Run")
                        .match(n -> n.getParent() != null && n.getScene() != null)
                        .query(),
                rig.stage.getScene());
        assertWhole(robot.lookup("Dry run").query(), rig.stage.getScene());
    }

    @Test
    void atTheSmallestSizeTheBlockAndTheYamlAreTabsUnderTheTimelineAsWideAsIt() {
        rig.size(1024, 700);
        rig.show(Screen.EDITOR);
        assertThat(rig.window.editor().sideBySide()).isFalse();
        Node timeline = robot.lookup("#timeline-scroll").query();

        selectTab("#yaml-tab");
        Node yaml = robot.lookup("#yaml").query();
        assertInside(yaml, rig.stage.getScene());
        assertThat(bounds(yaml).getWidth())
                .as("the YAML as wide as the timeline")
                .isGreaterThanOrEqualTo(600);
        selectTab("#block-tab");
        javafx.scene.control.TabPane forms = robot.lookup("#editor-forms").queryAs(javafx.scene.control.TabPane.class);
        Node sheet = forms.getSelectionModel().getSelectedItem().getContent(); // it scrolls
        assertThat(forms.getSelectionModel().getSelectedItem().getId()).isEqualTo("block-tab");
        assertInside(sheet, rig.stage.getScene());
        assertThat(bounds(sheet).getWidth())
                .as("the block's properties get the timeline's width")
                .isGreaterThanOrEqualTo(600);
        assertNotCut(robot.lookup("#step-blast-radius").query());
        assertThat(bounds(timeline).getWidth()).as("the timeline is wide").isGreaterThanOrEqualTo(600);
        assertThat(bounds(timeline).getHeight())
                .as("the timeline shows its lanes")
                .isGreaterThanOrEqualTo(150);
        // every tool of the bar in view: none in an overflow menu
        for (Node overflow : robot.lookup(".tool-bar-overflow-button").queryAll()) {
            assertThat(overflow.isVisible())
                    .as("a tool bar with an overflow menu")
                    .isFalse();
        }
        for (Node tab : forms.lookupAll(".tab")) {
            assertThat(bounds(tab).getMaxX())
                    .as("the tab " + tab + " is in its row")
                    .isLessThanOrEqualTo(bounds(forms).getMaxX());
        }
        for (Node menu : forms.lookupAll(".control-buttons-tab")) {
            boolean shown = true;
            for (Node n = menu; n != null; n = n.getParent()) {
                shown &= n.isVisible();
            }
            assertThat(shown).as("a menu of tabs that do not fit").isFalse();
        }
        assertWhole(robot.lookup("Dry run").query(), rig.stage.getScene());
    }

    @Test
    void atALaptopSizeTheYamlAndTheBlockStayBesideTheTimeline() {
        rig.size(1440, 900);
        rig.show(Screen.EDITOR);

        assertThat(rig.window.editor().sideBySide()).isTrue();
        Node yaml = robot.lookup("#yaml").query();
        Node radius = robot.lookup("#step-blast-radius").query();
        assertInside(yaml, rig.stage.getScene());
        assertInside(radius, rig.stage.getScene());
        assertThat(robot.lookup("#yaml-tab").tryQuery()).as("no YAML tab").isEmpty();
        assertThat(bounds(radius).getMinX())
                .as("the block's properties right of the YAML")
                .isGreaterThan(bounds(yaml).getMaxX());
        // narrowed and widened again: back beside it
        rig.size(1024, 700);
        rig.size(1440, 900);
        assertThat(rig.window.editor().sideBySide()).isTrue();
        assertInside(robot.lookup("#yaml").query(), rig.stage.getScene());
    }

    /** Selects the editor's tab with this id (the tabs under the timeline in a narrow window). */
    private void selectTab(String id) {
        javafx.scene.control.TabPane forms = robot.lookup("#editor-forms").queryAs(javafx.scene.control.TabPane.class);
        robot.interact(() -> forms.getTabs().stream()
                .filter(t -> ("#" + t.getId()).equals(id))
                .findFirst()
                .ifPresent(t -> forms.getSelectionModel().select(t)));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
