package dev.faultline.app.fx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.app.Composition;
import dev.faultline.app.view.shell.Screen;
import dev.faultline.engine.env.FaultlineHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * File → Import in the real window at 1024x700 and 1440x900: a Chaos Toolkit experiment picked in
 * the file dialog (a picker answers in its place: the system's dialog cannot be driven headless) is
 * written as a runbook under {@code $FAULTLINE_HOME/imported} and opened in the editor, and the
 * status line says what was imported and what was not carried over exactly.
 */
class FileImportIT {
    static final Path CHAOS_TOOLKIT = Path.of(
                    "..", "plugins", "chaostoolkit", "src", "test", "resources", "chaostoolkit", "shop-latency.json")
            .toAbsolutePath()
            .normalize();

    @TempDir
    Path home;

    private Composition composition;
    private AppWindow window;
    private Stage stage;
    private final FxRobot robot = new FxRobot();
    private final DocumentsIT.Picker picker = new DocumentsIT.Picker();

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
    void anImportedExperimentOpensInTheEditorFromItsOwnFile(int width, int height) throws Exception {
        composition = new Composition(new FaultlineHome(home));
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            window = new AppWindow(composition, s);
            window.useFilePicker(picker);
            window.show();
            s.setWidth(width);
            s.setHeight(height);
        });
        waitFor(
                "the editor has its first runbook",
                () -> window.editorModel() != null && window.editorModel().experiment() != null,
                20);
        picker.answers.add(CHAOS_TOOLKIT);

        robot.interact(() -> item("file-import").fire());

        waitFor(
                "the imported runbook is open in the editor",
                () -> window.editorModel().fileProperty().get().contains("imported"),
                20);
        Path runbook = Path.of(window.editorModel().fileProperty().get());
        assertThat(runbook.getParent()).isEqualTo(home.resolve("imported").toAbsolutePath());
        assertThat(runbook).exists();
        assertThat(Files.readString(runbook)).contains("kind: Experiment");
        assertThat(window.shell().currentProperty().get()).isEqualTo(Screen.EDITOR);
        assertThat(picker.folders).hasSize(1);
        assertThat(stage.getTitle()).contains(runbook.getFileName().toString());
        waitFor(
                "the status line says what was imported",
                () -> robot.lookup("#editor-status")
                        .queryAs(Label.class)
                        .getText()
                        .startsWith("Imported shop-latency.json"),
                10);
        Label said = robot.lookup("#editor-status").queryAs(Label.class);
        assertThat(said.getText()).contains(runbook.getFileName().toString(), "note(s)");
        assertThat(said.getHeight())
                .as("every note in view")
                .isGreaterThanOrEqualTo(said.prefHeight(said.getWidth()) - 1);
        assertThat(robot.listWindows())
                .as("no dialog over the editor: an import is no error")
                .containsExactly(stage);
        // the runbook is the editor's own file: saved in place, not over the source
        assertThat(window.editor().files().session().document().untitled()).isFalse();
    }

    private MenuItem item(String id) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        return bar.getMenus().stream()
                .flatMap(m -> m.getItems().stream())
                .filter(i -> id.equals(i.getId()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no menu item " + id));
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
