package dev.faultline.app.view.live;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.time.ZoneId;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The live view's event log at 1024x700: it follows its newest line as lines come (a runner's or a
 * follower's alike); taken up by the person (keyboard) it keeps their place while lines keep coming, and
 * offers "Jump to latest (N new)", which takes it back to the newest line and following again.
 */
class EventLogFollowIT {
    private final FxRobot robot = new FxRobot();
    private LiveRunViewModel model;
    private LiveRunView view;

    @BeforeEach
    void show() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage((Stage s) -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            model = new LiveRunViewModel(ZoneId.of("UTC"));
            view = new LiveRunView(
                    model,
                    TimeZone.getTimeZone("UTC"),
                    new SimpleBooleanProperty(false),
                    (at, t) -> {},
                    new SimpleBooleanProperty(false),
                    () -> {});
            Scene scene = new Scene(new StackPane(view), 1024, 700);
            scene.getStylesheets()
                    .add(EventLogFollowIT.class
                            .getResource("/dev/faultline/app/fx/faultline.css")
                            .toExternalForm());
            s.setScene(scene);
            s.setWidth(1024);
            s.setHeight(700);
            s.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void theLogFollowsItsNewestLineUntilScrolledUpThenKeepsThePlaceAndOffersJumpToLatest() throws Exception {
        @SuppressWarnings("unchecked")
        ListView<String> log = (ListView<String>) view.lookup(".event-log");
        Button latest = (Button) view.lookup("#log-jump-to-latest");
        for (int i = 1; i <= 120; i++) {
            int n = i;
            robot.interact(() -> model.addSystemLine("line " + n));
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lastShown(log)).as("the newest of 120 lines in view").isEqualTo(119);
        assertThat(latest.isVisible()).isFalse();

        // the person goes up the log by keyboard (Home: its first line)
        robot.interact(log::requestFocus);
        robot.type(KeyCode.HOME);
        WaitForAsyncUtils.waitForFxEvents();
        int kept = lastShown(log);
        assertThat(kept).as("scrolled up").isLessThan(110);
        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(latest::isVisible);

        for (int i = 121; i <= 140; i++) {
            int n = i;
            robot.interact(() -> model.addSystemLine("line " + n));
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lastShown(log))
                .as("the reader's place kept while lines come")
                .isEqualTo(kept);
        assertThat(latest.getText()).isEqualTo("Jump to latest (20 new)");

        robot.interact(latest::fire);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lastShown(log)).isEqualTo(139);
        assertThat(latest.isVisible()).isFalse();
        robot.interact(() -> model.addSystemLine("line 141"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lastShown(log)).as("following again").isEqualTo(140);
    }

    /** The index of the last line in view, as the list lays it out. */
    private int lastShown(ListView<String> log) {
        int[] out = new int[1];
        robot.interact(() -> {
            javafx.scene.control.skin.VirtualFlow<?> flow =
                    (javafx.scene.control.skin.VirtualFlow<?>) log.lookup(".virtual-flow");
            out[0] = flow.getLastVisibleCell().getIndex();
        });
        return out[0];
    }
}
