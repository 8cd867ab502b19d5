package dev.faultline.app.fx;

import static dev.faultline.app.fx.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.app.Composition;
import dev.faultline.app.view.shell.Screen;
import dev.faultline.engine.env.FaultlineHome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The app's real window over a real {@link Composition} in a test's home, shown headless (Monocle):
 * the set-up the window ITs share (a field marked {@code @AutoClose}). {@link #close()} waits for the window's runs to end (their sandbox
 * processes stopped), closes the stages, releases the kill switch a test may have left engaged and
 * closes the composition.
 */
final class AppWindowRig implements AutoCloseable {
    final Composition composition;
    final AppWindow window;
    final Stage stage;
    final FxRobot robot = new FxRobot();

    private AppWindowRig(Composition composition, AppWindow window, Stage stage) {
        this.composition = composition;
        this.window = window;
        this.stage = stage;
    }

    /** Opens the window on {@code home} and waits until its screens are built. */
    static AppWindowRig open(Path home) throws Exception {
        Composition composition = new Composition(new FaultlineHome(home));
        Stage stage = FxToolkit.registerPrimaryStage();
        AtomicReference<AppWindow> window = new AtomicReference<>();
        FxToolkit.setupStage(s -> {
            AppWindow w = new AppWindow(composition, s);
            window.set(w);
            w.show();
            // the primary stage is the same for every test and keeps a size an earlier test gave it:
            // each window starts at the app's own first size, whatever ran before
            s.sizeToScene();
        });
        AppWindow w = window.get();
        waitFor("the screens are built", () -> w.editorModel() != null, 20);
        return new AppWindowRig(composition, w, stage);
    }

    /**
     * Opens the window on {@code home} and waits until the editor has the first runbook and the first
     * GameDay can be started from Home, as a person finds it after the first start.
     */
    static AppWindowRig openAtFirstStart(Path home) throws Exception {
        AppWindowRig rig = open(home);
        waitFor(
                "the editor has the first runbook",
                () -> rig.window.editorModel().experiment() != null,
                20);
        waitFor(
                "the first GameDay can be started",
                () -> !rig.robot.lookup("#first-gameday").query().isDisabled(),
                20);
        return rig;
    }

    /** Shows a screen, as its navigation button does. */
    void show(Screen s) {
        robot.interact(() -> window.shell().show(s));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Resizes the window; its scene then has exactly this width. */
    void size(int width, int height) {
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getScene().getWidth()).isEqualTo(width);
    }

    @Override
    public void close() throws Exception {
        window.runs().awaitIdle(Duration.ofSeconds(60));
        FxToolkit.cleanupStages();
        composition.killSwitch.release("test over");
        composition.close();
    }
}
