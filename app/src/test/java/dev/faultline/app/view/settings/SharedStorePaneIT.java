package dev.faultline.app.view.settings;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.faultline.app.view.common.InPlace;
import dev.faultline.app.view.common.TeamScreens;
import dev.faultline.engine.env.FaultlineHome;
import dev.faultline.engine.testkit.PostgresCluster.TestDatabase;
import dev.faultline.engine.testkit.ThrowawayPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Settings' "Shared store (team mode)" in a window at the content sizes of 1024x700 and 1440x900,
 * set up by typing as a person does and tested against a real PostgreSQL: the result of the
 * connection test reads whole (it wraps, nothing cut off), and the buttons stay in the window.
 */
@ExtendWith(ThrowawayPostgres.class)
class SharedStorePaneIT {
    private final FxRobot robot = new FxRobot();
    private Stage stage;

    @TempDir
    Path home;

    @BeforeEach
    void register() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"830, 600, 1024x700", "1250, 810, 1440x900"})
    void theConnectionTestSaysWhatItFoundInFull(int width, int height, String window, TestDatabase db)
            throws Exception {
        Path pw = home.resolve("pw");
        Files.writeString(pw, db.password());
        SharedStoreForm form = new SharedStoreForm(new FaultlineHome(home), new InPlace());
        FxToolkit.setupStage((Stage s) -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            VBox box = new VBox(SharedStorePane.of(form));
            box.setPadding(new Insets(16));
            ScrollPane scroll = new ScrollPane(box); // as the Settings screen holds it
            scroll.setFitToWidth(true);
            Scene scene = new Scene(scroll, width, height);
            s.setScene(scene);
            s.setWidth(width);
            s.setHeight(height);
            s.show();
            stage = s;
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#store-url").write(db.url());
        robot.clickOn("#store-user").write(db.user());
        robot.clickOn("#store-password").write("file:" + pw);
        robot.clickOn("#test-store");
        WaitForAsyncUtils.waitForFxEvents();

        Label result = robot.lookup("#store-result").queryAs(Label.class);
        assertThat(result.getText()).startsWith("connected to the shared store 127.0.0.1:" + db.port());
        assertThat(result.isVisible()).isTrue();
        Bounds shown = result.localToScene(result.getLayoutBounds());
        assertThat(shown.getMaxX()).as("the result within the window's width").isLessThanOrEqualTo(width);
        javafx.scene.text.Text drawn = (javafx.scene.text.Text) result.lookup(".text");
        assertThat(drawn.getText()).as("the result is not cut off").isEqualTo(result.getText());
        for (String id : java.util.List.of("#test-store", "#save-store", "#local-store")) {
            Bounds b = robot.lookup(id)
                    .query()
                    .localToScene(robot.lookup(id).query().getLayoutBounds());
            assertThat(b.getMaxX()).as(id + " within the window").isLessThanOrEqualTo(width);
        }
        TeamScreens.save(stage.getScene(), "team-settings-store-test", window);
    }
}
