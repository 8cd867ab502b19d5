package dev.faultline.app.fx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.app.Composition;
import dev.faultline.engine.env.FaultlineHome;
import dev.faultline.engine.schedule.CronTimes;
import dev.faultline.engine.schedule.MissedRun;
import dev.faultline.engine.schedule.Schedule;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Home's schedules in the real window at 1024x700 and 1440x900: a schedule in the store is listed
 * with its next run, inside the window's width; Pause and Resume on the selected one change the
 * store and the row, by keyboard.
 */
class HomeSchedulesIT {
    static final Path RUNBOOK = Path.of("..", "runbooks", "sandbox", "payment-outage-halts.yaml")
            .toAbsolutePath()
            .normalize();

    @TempDir
    Path home;

    private Composition composition;
    private AppWindow window;
    private final FxRobot robot = new FxRobot();

    @AfterEach
    void stop() throws Exception {
        if (window != null) {
            window.runs().awaitIdle(Duration.ofSeconds(30));
        }
        FxToolkit.cleanupStages();
        if (composition != null) {
            composition.close();
        }
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1024, 700", "1440, 900"})
    void aScheduleIsListedAndPausedAndResumedFromHome(int width, int height) throws Exception {
        composition = new Composition(new FaultlineHome(home));
        composition
                .store()
                .schedules()
                .add(new Schedule(
                        "weekly-outage",
                        RUNBOOK.toString(),
                        CronTimes.parse("0 9 * * MON"),
                        ZoneId.of("Europe/Berlin"),
                        "",
                        null,
                        Set.of(),
                        MissedRun.SKIP,
                        composition.clock.instant().minusSeconds(86_400)));
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            window = new AppWindow(composition, s);
            window.show();
            s.setWidth(width);
            s.setHeight(height);
        });
        // built just after the window's first frame
        waitFor(
                "Home's schedules are built",
                () -> robot.lookup("#schedule-table").tryQuery().isPresent(),
                20);
        @SuppressWarnings("unchecked")
        TableView<Object> table = robot.lookup("#schedule-table").queryAs(TableView.class);
        waitFor("the schedule is listed", () -> table.getItems().size() == 1, 20);
        assertThat(table.getItems().getFirst().toString())
                .contains("weekly-outage", "payment-outage-halts", "0 9 * * MON (Europe/Berlin)");
        Bounds shown = bounds(table);
        assertThat(shown.getMinX()).isGreaterThanOrEqualTo(0);
        assertThat(shown.getMaxX())
                .as("the table ends inside the window")
                .isLessThanOrEqualTo(stage.getScene().getWidth());

        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().select(0);
        });
        Button pause = robot.lookup("#schedule-pause").queryButton();
        Button resume = robot.lookup("#schedule-resume").queryButton();
        waitFor("Pause is offered", () -> !pause.isDisabled(), 10);
        assertThat(resume.isDisabled()).isTrue();
        robot.interact(pause::requestFocus);
        robot.type(KeyCode.SPACE);
        waitFor("the store says paused", () -> paused(), 10);
        waitFor(
                "the row says paused",
                () -> table.getItems().getFirst().toString().contains("paused"),
                10);

        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().select(0);
        });
        waitFor("Resume is offered", () -> !resume.isDisabled(), 10);
        robot.interact(resume::requestFocus);
        robot.type(KeyCode.SPACE);
        waitFor("the store says running again", () -> !paused(), 10);
    }

    private boolean paused() {
        try {
            return composition
                    .store()
                    .schedules()
                    .find("weekly-outage")
                    .orElseThrow()
                    .state()
                    .paused();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Bounds bounds(Node n) {
        return n.localToScene(n.getBoundsInLocal());
    }

    private static void waitFor(String what, BooleanSupplier condition, int seconds) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
            WaitForAsyncUtils.waitForFxEvents();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out after " + seconds + " s waiting until " + what, e);
        }
    }
}
