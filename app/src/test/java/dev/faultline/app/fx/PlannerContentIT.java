package dev.faultline.app.fx;

import static dev.faultline.app.fx.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.app.view.shell.Screen;
import dev.faultline.engine.report.ActionItem;
import java.nio.file.Path;
import java.time.Instant;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * What the planner shows without a restart: the experiments by title with who runs and watches
 * them, open action items of earlier GameDays read again when it is shown, an environment added in
 * Settings by its form.
 */
class PlannerContentIT {
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
    void experimentsShowTheirTitlesAndWhoRunsAndWatchesThem() {
        rig.show(Screen.GAMEDAY);
        waitFor(
                "the titles are known",
                () -> rig.window
                        .gameDay()
                        .plan()
                        .titleOf("payment-outage-halts.yaml")
                        .equals("A payment outage halts the run"),
                10);
        waitFor(
                "the list shows the title",
                () -> robot.lookup("2. A payment outage halts the run")
                        .tryQuery()
                        .isPresent(),
                5);
        assertThat(robot.lookup("payment-outage-halts.yaml · runs: Grace Hopper · watches: Linus")
                        .tryQuery())
                .isPresent();
    }

    @Test
    void openActionItemsFromEarlierGameDaysAreReadAgainWhenThePlannerIsShown() throws Exception {
        rig.show(Screen.GAMEDAY);
        ListView<?> items = robot.lookup("#open-action-items").queryListView();
        waitFor("the list is read", () -> items.getItems().isEmpty(), 10);
        rig.show(Screen.HOME);

        rig.composition
                .store()
                .retro()
                .addActionItem(new ActionItem(
                        0,
                        "gd-earlier",
                        null,
                        "Alert on payment latency",
                        "Grace",
                        null,
                        ActionItem.Status.OPEN,
                        "",
                        Instant.now()));
        rig.show(Screen.GAMEDAY);

        waitFor(
                "the new item is listed without a restart",
                () -> items.getItems().stream().anyMatch(i -> i.toString().startsWith("Alert on payment latency")),
                10);
    }

    @Test
    void anEnvironmentAddedByFormIsUsedWithoutARestart() {
        rig.size(1024, 700);
        rig.show(Screen.SETTINGS);
        robot.clickOn("#new-environment");
        robot.clickOn("#environment-name").write("lab");
        robot.interact(() -> robot.lookup("#apply-environment").queryButton().fire()); // below the fold
        waitFor(
                "the form is in the file",
                () -> robot.lookup("#environments-file")
                        .queryAs(javafx.scene.control.TextArea.class)
                        .getText()
                        .contains("lab:"),
                5);
        robot.interact(() -> robot.lookup("#save-environments").queryButton().fire());

        waitFor(
                "the runs use it",
                () -> rig.composition.environments.find("lab").isPresent(),
                10);
        rig.show(Screen.GAMEDAY);
        assertThat(robot.lookup(".combo-box")
                        .match((Node n) -> "Environment".equals(n.getAccessibleText()))
                        .queryComboBox()
                        .getItems())
                .contains("lab");
    }
}
