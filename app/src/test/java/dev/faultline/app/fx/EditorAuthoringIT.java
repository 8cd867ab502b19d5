package dev.faultline.app.fx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.app.Composition;
import dev.faultline.app.view.editor.EditorViewModel;
import dev.faultline.app.view.shell.Screen;
import dev.faultline.engine.env.Environments;
import dev.faultline.engine.env.FaultlineHome;
import dev.faultline.engine.model.MethodStep;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Authoring by form in the real window, at the smallest supported size and a common laptop's: a
 * dropped fault is valid, forms and YAML are two views of one document with one undo history, and
 * a probe tested against a stopped sandbox says so and offers to start it.
 */
class EditorAuthoringIT {
    private static final Path RUNBOOK = Path.of(System.getProperty("faultline.runbooks", "../runbooks"))
            .resolve("sandbox")
            .resolve("payment-latency-holds.yaml");

    @TempDir
    Path home;

    private Composition composition;
    private AppWindow window;
    private final FxRobot robot = new FxRobot();

    private EditorViewModel open(int width, int height) throws Exception {
        composition = new Composition(new FaultlineHome(home));
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            window = new AppWindow(composition, s);
            window.show();
            s.setWidth(width);
            s.setHeight(height);
        });
        waitFor(
                "the editor exists",
                () -> window.editorModel() != null && window.editorModel().experiment() != null,
                20);
        robot.interact(() -> {
            window.shell().show(Screen.EDITOR);
            window.editor().open(RUNBOOK.toAbsolutePath(), false);
        });
        EditorViewModel m = window.editorModel();
        waitFor(
                "the runbook is open",
                () -> m.experiment().name().equals("payment-latency-holds")
                        && m.fileProperty().get().endsWith("payment-latency-holds.yaml"),
                10);
        assertThat(stage.getWidth()).isEqualTo(width);
        return m;
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        if (composition != null) {
            composition.close();
        }
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1024, 700", "1440, 900"})
    void aDroppedFaultIsValidAndFormsAndYamlAreOneDocumentWithOneUndo(int width, int height) throws Exception {
        EditorViewModel m = open(width, height);
        TextArea yaml = robot.lookup("#yaml").queryAs(TextArea.class);

        // A CPU stress (target host/local, not in the blast radius) added by keyboard: valid at once.
        robot.interact(() -> robot.lookup("#palette-cpu").query().requestFocus());
        robot.type(KeyCode.ENTER);
        waitFor("the fault is added", () -> m.experiment().method().size() == 2, 5);
        assertThat(m.problems()).isEmpty();
        assertThat(m.experiment().blastRadius().targets()).contains("host/local");
        assertThat(yaml.getText()).contains("host/local");
        Label radius = robot.lookup("#step-blast-radius").queryAs(Label.class);
        assertThat(radius.getText()).contains("host/local");

        // A probe added and filled in by form: the YAML follows.
        robot.clickOn("Hypothesis & probes");
        robot.interact(() -> robot.lookup("#add-probe")
                .queryAs(javafx.scene.control.MenuButton.class)
                .show());
        robot.clickOn("HTTP endpoint (latency or status)");
        int probe = m.experiment().hypothesis().probes().size() - 1;
        assertThat(m.experiment().hypothesis().probes().get(probe).type()).isEqualTo("http");
        TextField url = robot.lookup("#field-spec-hypothesis-probes-" + probe + "-http-url")
                .queryAs(TextField.class);
        robot.interact(() -> {
            url.requestFocus();
            url.setText("http://127.0.0.1:18083/health");
        });
        robot.type(KeyCode.ENTER);
        waitFor("the YAML has the new URL", () -> yaml.getText().contains("url: http://127.0.0.1:18083/health"), 5);

        // The YAML edited: the header form follows.
        robot.interact(() -> robot.lookup("#editor-forms")
                .queryAs(javafx.scene.control.TabPane.class)
                .getSelectionModel()
                .select(0));
        robot.interact(() -> yaml.setText(yaml.getText().replaceFirst("title: .*", "title: Latency held by form")));
        waitFor(
                "the title field follows the YAML",
                () -> robot.lookup("#field-metadata-title")
                        .tryQuery()
                        .map(n -> ((TextField) n).getText().equals("Latency held by form"))
                        .orElse(false),
                5);

        // One history: Ctrl+Z with the YAML focused undoes the YAML edit, then the form's.
        robot.clickOn(yaml);
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        waitFor("the title is back", () -> !m.experiment().title().equals("Latency held by form"), 5);
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        waitFor("the URL is back", () -> !yaml.getText().contains("18083"), 5);
        assertThat(m.experiment().hypothesis().probes().get(probe).params().get("url"))
                .contains("http://127.0.0.1:18081/health");
        robot.clickOn(robot.lookup("#field-metadata-title").queryAs(TextField.class));
        robot.press(KeyCode.CONTROL, KeyCode.Y).release(KeyCode.Y, KeyCode.CONTROL);
        waitFor("the form's redo brings the URL back", () -> yaml.getText().contains("18083"), 5);
        assertThat(m.experiment().method()).extracting(MethodStep::name).contains("cpu");
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1024, 700", "1440, 900"})
    void aProcessTheMachineRunsIsPickedAsTheTargetAndTheBlastRadiusWidensWithOneUndo(int width, int height)
            throws Exception {
        String marker = "faultline-picker-" + java.util.UUID.randomUUID();
        Process child = new ProcessBuilder("sh", "-c", "sleep 120; true", marker).start();
        try {
            EditorViewModel m = open(width, height);
            robot.interact(() -> robot.lookup("#palette-pause").query().requestFocus());
            robot.type(KeyCode.ENTER);
            waitFor("the pause is added", () -> m.experiment().method().size() == 2, 5);
            int before = m.experiment().blastRadius().targets().size();

            @SuppressWarnings("unchecked")
            javafx.scene.control.ComboBox<dev.faultline.engine.spi.DiscoveredTarget> picker =
                    robot.lookup("#target-picker").queryAs(javafx.scene.control.ComboBox.class);
            javafx.geometry.Bounds b = picker.localToScene(picker.getBoundsInLocal());
            assertThat(b.getMaxX()).as("the picker fits the window's width").isLessThanOrEqualTo(width);
            robot.interact(picker::show);
            waitFor(
                    "the child process is listed",
                    () -> picker.getItems().stream()
                            .anyMatch(d -> d.target().label().equals("process/" + marker)),
                    15);
            assertThat(robot.lookup("#target-picker-status")
                            .queryAs(Label.class)
                            .getText())
                    .contains("process targets found by local in sandbox");
            robot.interact(() -> picker.getSelectionModel()
                    .select(picker.getItems().stream()
                            .filter(d -> d.target().label().equals("process/" + marker))
                            .findFirst()
                            .orElseThrow()));
            waitFor(
                    "the step targets the child",
                    () -> m.experiment().faultSteps().stream()
                            .anyMatch(st -> st.target().label().equals("process/" + marker)),
                    5);
            assertThat(m.experiment().blastRadius().targets()).contains("process/" + marker);
            assertThat(m.problems()).isEmpty();

            robot.interact(m::undo);
            assertThat(m.experiment().blastRadius().targets()).hasSize(before).doesNotContain("process/" + marker);
        } finally {
            child.descendants().forEach(ProcessHandle::destroyForcibly);
            child.destroyForcibly();
        }
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1024, 700", "1440, 900"})
    void testingAProbeWhileTheSandboxIsStoppedSaysSoAndAYamlErrorMarksItsLine(int width, int height) throws Exception {
        waitUntilTheSandboxIsStopped();
        EditorViewModel m = open(width, height);
        robot.clickOn("Hypothesis & probes");
        String probe = m.experiment().hypothesis().probes().get(0).name();
        Node test = robot.lookup("#test-probe-" + probe).query();
        robot.interact(() -> ((Button) test).fire());
        Label result = robot.lookup("#probe-result-" + probe).queryAs(Label.class);
        waitFor("the probe is read", () -> !result.getText().startsWith("reading"), 15);
        assertThat(result.getText()).contains("the sandbox is not running: start it");
        Button start = robot.lookup("#start-sandbox-" + probe).queryAs(Button.class);
        assertThat(start.isVisible()).isTrue();
        assertThat(result.getBoundsInLocal().getWidth()).isLessThanOrEqualTo(width);

        TextArea yaml = robot.lookup("#yaml").queryAs(TextArea.class);
        robot.interact(() -> yaml.setText(yaml.getText().replace("duration: 20s", "duration: twenty")));
        waitFor("the problem is listed", () -> !m.problems().isEmpty(), 5);
        int line = m.problems().get(0).line();
        // in a narrow window the YAML and its problems are a tab under the timeline: shown first
        robot.interact(() -> {
            javafx.scene.control.TabPane forms =
                    robot.lookup("#editor-forms").queryAs(javafx.scene.control.TabPane.class);
            forms.getTabs().stream()
                    .filter(t -> "yaml-tab".equals(t.getId()))
                    .findFirst()
                    .ifPresent(t -> forms.getSelectionModel().select(t));
        });
        robot.clickOn(".problem");
        Node marker = robot.lookup("#yaml-error-line").query();
        waitFor("the line is marked", marker::isVisible, 5);
        String t = yaml.getText();
        int lineStart = t.lastIndexOf('\n', t.indexOf("duration: twenty")) + 1;
        assertThat(t.substring(0, lineStart).split("\n", -1).length).isEqualTo(line);
        assertThat(yaml.getCaretPosition()).isEqualTo(lineStart);
        assertThat(yaml.getSelectedText()).contains("duration: twenty");
        double y = marker.getBoundsInParent().getCenterY();
        assertThat(y).isBetween(0.0, yaml.getHeight());
    }

    /** Another checkout's sandbox test may be running on the fixed ports: wait for it, bounded. */
    private static void waitUntilTheSandboxIsStopped() throws InterruptedException {
        URI api = URI.create(Environments.SANDBOX_PROXY_API);
        for (int i = 0; i < 60 && answers(api); i++) {
            Thread.sleep(1000);
        }
        Assumptions.assumeFalse(
                answers(api), "a sandbox is running on " + api + " (another test's): cannot test a stopped one");
    }

    private static boolean answers(URI api) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(api.getHost(), api.getPort()), 300);
            return true;
        } catch (IOException e) {
            return false;
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
