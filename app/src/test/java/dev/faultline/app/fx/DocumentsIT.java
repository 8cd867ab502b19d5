package dev.faultline.app.fx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.app.Composition;
import dev.faultline.app.view.common.FilePicker;
import dev.faultline.app.view.editor.EditorViewModel;
import dev.faultline.app.view.shell.Screen;
import dev.faultline.engine.env.FaultlineHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The editor's and the planner's files in the real window, at 1024×700 and 1440×900: the unsaved
 * marker, the question before edits are dropped, Save As, shipped runbooks never overwritten, and
 * the autosave offered back after a crash. The system's file dialogs cannot be driven headless: a
 * picker answers in their place and records the folder each was opened in.
 */
class DocumentsIT {
    @TempDir
    Path home;

    private Composition composition;
    private AppWindow window;
    private Stage stage;
    private final FxRobot robot = new FxRobot();
    private final Picker picker = new Picker();

    /** Answers the file dialogs with queued files; remembers the folder each dialog started in. */
    static final class Picker implements FilePicker {
        final Deque<Path> answers = new ArrayDeque<>();
        final List<Path> folders = new ArrayList<>();

        @Override
        public Optional<Path> open(Window owner, String title, Path folder) {
            folders.add(folder);
            return Optional.ofNullable(answers.poll());
        }

        @Override
        public Optional<Path> save(Window owner, String title, Path folder, String name) {
            folders.add(folder);
            return Optional.ofNullable(answers.poll());
        }
    }

    private void start(int width, int height) throws Exception {
        composition = new Composition(new FaultlineHome(home));
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            window = new AppWindow(composition, s);
            window.useFilePicker(picker);
            window.show();
            s.setWidth(width);
            s.setHeight(height);
        });
    }

    private void startWithTheFirstRunbooks(int width, int height) throws Exception {
        start(width, height);
        waitFor(
                "the editor and the planner have their first runbooks",
                () -> window.editorModel() != null
                        && window.editorModel().experiment() != null
                        && !window.gameDay().files().session().document().untitled(),
                20);
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        if (composition != null) {
            composition.close();
        }
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1024,700", "1440,900"})
    void anEditedExperimentIsMarkedAndOpeningAnotherAsksFirst(int width, int height) throws Exception {
        startWithTheFirstRunbooks(width, height);
        robot.interact(() -> window.shell().show(Screen.EDITOR));
        EditorViewModel m = window.editorModel();
        String first = m.fileProperty().get();
        Path other = Path.of(System.getProperty("faultline.runbooks"), "sandbox", "payment-outage-halts.yaml");
        assertThat(first).doesNotEndWith("payment-outage-halts.yaml");
        assertThat(title()).doesNotContain("•");

        edit(m);
        assertThat(title()).endsWith(" • (read-only)");
        if (width >= 1440) { // room enough: the marker is drawn, not cut to "…" beside an empty gap
            assertThat(robot.lookup("#editor-title .text")
                            .queryAs(javafx.scene.text.Text.class)
                            .getText())
                    .isEqualTo(title());
        }
        assertThat(stage.getTitle()).startsWith("Faultline — ").contains("•");

        picker.answers.add(other);
        robot.clickOn(toolbarButton("Open a runbook file…"));
        DialogPane asked = dialog("#unsaved-changes");
        assertThat(asked.getHeaderText()).startsWith("Save the changes to ");
        robot.clickOn(button(asked, "Cancel"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(m.fileProperty().get()).isEqualTo(first);
        assertThat(title()).contains("•");
        assertThat(picker.folders).isEmpty(); // Cancel: no file dialog either

        picker.answers.add(other);
        robot.clickOn(toolbarButton("Open a runbook file…"));
        robot.clickOn(button(dialog("#unsaved-changes"), "Discard"));
        waitFor("the other runbook is open", () -> m.fileProperty().get().endsWith("payment-outage-halts.yaml"), 10);
        assertThat(title()).isEqualTo("payment-outage-halts.yaml (read-only)");
        assertThat(picker.folders).containsExactly(home.resolve("runbooks").toAbsolutePath());
        assertThat(home.resolve("runbooks")).isDirectory();
        assertThat(robot.lookup("#read-only-banner").queryAs(Label.class).isVisible())
                .isTrue();

        // Closing the window with unsaved edits asks too; Cancel keeps it open.
        edit(m);
        robot.interact(() ->
                stage.fireEvent(new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        robot.clickOn(button(dialog("#unsaved-changes"), "Cancel"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isShowing()).isTrue();
        assertThat(title()).contains("•");
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1024,700", "1440,900"})
    void saveAsWritesANewFileAndLeavesTheOriginalUntouched(int width, int height) throws Exception {
        startWithTheFirstRunbooks(width, height);
        robot.interact(() -> window.shell().show(Screen.EDITOR));
        Path mine = Files.createDirectories(home.resolve("mine")).resolve("mine.yaml");
        Files.copy(Path.of(window.editorModel().fileProperty().get()), mine);
        byte[] original = Files.readAllBytes(mine);
        robot.interact(() -> window.editor().open(mine, false));
        EditorViewModel m = window.editorModel();
        waitFor("mine.yaml is open", () -> m.fileProperty().get().equals(mine.toString()), 10);
        assertThat(robot.lookup("#read-only-banner").queryAs(Label.class).isVisible())
                .isFalse();

        edit(m);
        Path copy = home.resolve("mine").resolve("copy.yaml");
        picker.answers.add(copy);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S).release(KeyCode.S, KeyCode.SHIFT, KeyCode.CONTROL);

        waitFor("the copy is written", () -> Files.exists(copy), 10);
        waitFor("the editor shows the copy, saved", () -> title().equals("copy.yaml"), 10);
        assertThat(Files.readString(copy)).isEqualTo(m.yamlProperty().get()).contains("renamed-by-test");
        assertThat(Files.readAllBytes(mine)).isEqualTo(original);
        assertThat(picker.folders).containsExactly(mine.getParent().toAbsolutePath()); // the last folder used
        assertThat(m.fileProperty().get()).isEqualTo(copy.toString());
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1024,700", "1440,900"})
    void aShippedRunbookIsNeverOverwrittenSaveMakesACopyInTheUsersFolder(int width, int height) throws Exception {
        startWithTheFirstRunbooks(width, height);
        robot.interact(() -> window.shell().show(Screen.EDITOR));
        EditorViewModel m = window.editorModel();
        Path shipped = Path.of(m.fileProperty().get());
        byte[] before = Files.readAllBytes(shipped);
        Label banner = robot.lookup("#read-only-banner").queryAs(Label.class);
        assertThat(banner.isVisible()).isTrue();
        assertThat(banner.getText()).startsWith("Read-only: " + shipped.getFileName());

        edit(m);
        picker.answers.add(shipped); // people pick the shipped file itself
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        DialogPane refused = dialog(".alert.error");
        assertThat(refused.getContentText()).contains("shipped with Faultline").contains("save a copy in");
        robot.clickOn(button(refused, "OK"));
        assertThat(Files.readAllBytes(shipped)).isEqualTo(before);
        assertThat(picker.folders).containsExactly(home.resolve("runbooks").toAbsolutePath());

        Path copy = home.resolve("runbooks").resolve(shipped.getFileName());
        picker.answers.add(copy);
        robot.clickOn(toolbarButton("Save the runbook (Ctrl+S)"));
        waitFor("the copy is written", () -> Files.exists(copy), 10);
        waitFor("the copy is the document now", () -> !banner.isVisible(), 10);
        assertThat(Files.readAllBytes(shipped)).isEqualTo(before);
        assertThat(Files.readString(copy)).contains("renamed-by-test");
        assertThat(title()).isEqualTo(shipped.getFileName().toString());
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1024,700", "1440,900"})
    void unsavedWorkIsAutosavedAndOfferedBackAfterACrash(int width, int height) throws Exception {
        startWithTheFirstRunbooks(width, height);
        robot.interact(() -> window.shell().show(Screen.EDITOR));
        EditorViewModel m = window.editorModel();
        Path experimentFile = Path.of(m.fileProperty().get());
        edit(m);
        String edited = m.yamlProperty().get();
        robot.interact(() -> window.shell().show(Screen.GAMEDAY));
        // Typed into the field (at 1024x700 it may sit below the planner's fold, which the planner's layout work moves)
        javafx.scene.control.TextField dayTitle =
                robot.lookup("#gameday-title").queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> dayTitle.setText("Recovered GameDay"));
        Path autosave = home.resolve("autosave");
        waitFor(
                "both are autosaved",
                () -> Files.exists(autosave.resolve("experiment.properties"))
                        && Files.exists(autosave.resolve("gameday.properties"))
                        && readQuietly(autosave.resolve("gameday.yaml")).contains("Recovered GameDay"),
                15);

        // The crash: the window goes without a close request, nothing saved or cleaned up.
        FxToolkit.cleanupStages();
        composition.close();
        start(width, height);

        DialogPane offered = dialog("#recover-experiment");
        assertThat(offered.getHeaderText()).matches("Recover unsaved experiment from \\d\\d:\\d\\d\\?");
        robot.clickOn(button(offered, "Recover"));
        DialogPane plan = dialog("#recover-gameday");
        assertThat(plan.getHeaderText()).startsWith("Recover unsaved GameDay plan from ");
        robot.clickOn(button(plan, "Recover"));

        EditorViewModel next = window.editorModel();
        waitFor("the edited experiment is back", () -> next.yamlProperty().get().equals(edited), 10);
        assertThat(next.fileProperty().get())
                .isEqualTo(experimentFile.toAbsolutePath().toString());
        assertThat(window.editor().files().session().unsaved()).isTrue();
        assertThat(window.gameDay().files().session().document().title()).contains("•");
        robot.interact(() -> window.shell().show(Screen.GAMEDAY));
        assertThat(robot.lookup("#gameday-title")
                        .queryAs(javafx.scene.control.TextField.class)
                        .getText())
                .isEqualTo("Recovered GameDay");

        // Discarding the plan's edits (New, then Discard) removes its autosave; the experiment's stays.
        robot.clickOn("New");
        robot.clickOn(button(dialog("#unsaved-changes"), "Discard"));
        waitFor("the plan's autosave is removed", () -> !Files.exists(autosave.resolve("gameday.yaml")), 10);
        assertThat(autosave.resolve("experiment.yaml")).exists();
    }

    private void edit(EditorViewModel m) {
        waitFor(
                "the editor's YAML is shown",
                () -> robot.lookup("#yaml").tryQuery().isPresent(),
                5);
        TextArea yaml = robot.lookup("#yaml").queryAs(TextArea.class);
        String name = m.experiment().method().get(0).name();
        robot.interact(() -> yaml.setText(yaml.getText().replace("name: " + name, "name: renamed-by-test")));
        waitFor("the edit is taken", () -> m.experiment().method().get(0).name().equals("renamed-by-test"), 5);
    }

    private String title() {
        return robot.lookup("#editor-title").queryAs(Label.class).getText();
    }

    private Node toolbarButton(String accessibleText) {
        return robot.lookup((Button b) -> accessibleText.equals(b.getAccessibleText()))
                .query();
    }

    private DialogPane dialog(String query) {
        waitFor(
                "the dialog " + query + " is shown",
                () -> robot.lookup(query).tryQuery().isPresent(),
                10);
        Node n = robot.lookup(query).query();
        return n instanceof DialogPane p ? p : (DialogPane) n.lookup(".dialog-pane");
    }

    private static Node button(DialogPane pane, String text) {
        for (ButtonType t : pane.getButtonTypes()) {
            if (t.getText().equals(text)) {
                return pane.lookupButton(t);
            }
        }
        throw new AssertionError("no " + text + " button in " + pane.getButtonTypes());
    }

    private static String readQuietly(Path f) {
        try {
            return Files.exists(f) ? Files.readString(f) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static void waitFor(String what, BooleanSupplier condition, int seconds) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> condition.getAsBoolean());
            WaitForAsyncUtils.waitForFxEvents();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out after " + seconds + " s waiting until " + what, e);
        }
    }
}
