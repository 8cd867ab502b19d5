package dev.faultline.app.fx;

import static dev.faultline.app.fx.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.app.Composition;
import dev.faultline.app.view.editor.EditorViewModel;
import dev.faultline.app.view.live.LiveRunViewModel;
import dev.faultline.app.view.shell.Screen;
import dev.faultline.engine.model.MethodStep;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window, driven headless through Monocle as a person drives it: mouse drags on the
 * timeline, typing in the YAML, a real run against the real sandbox, and the kill switch by its
 * shortcut.
 */
class AppWindowIT {
    @TempDir
    Path home;

    private AppWindowRig rig;
    private Composition composition;
    private AppWindow window;
    private Stage stage;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        rig = AppWindowRig.open(home);
        composition = rig.composition;
        window = rig.window;
        stage = rig.stage;
        waitFor("the editor has the first runbook", () -> window.editorModel().experiment() != null, 20);
    }

    @AfterEach
    void stop() throws Exception {
        rig.close(); // after the window's runs end: their sandbox processes are stopped
    }

    @Test
    void aFaultDraggedFromThePaletteLandsOnTheLaneItIsDroppedOn() {
        robot.interact(() -> window.shell().show(Screen.EDITOR));
        EditorViewModel m = window.editorModel();
        int before = m.experiment().method().size();
        Node lane1 = robot.lookup(".lane-odd").query();
        Bounds b = lane1.localToScreen(lane1.getBoundsInLocal());

        robot.drag("#palette-latency")
                .moveTo(new javafx.geometry.Point2D(b.getMinX() + 300, b.getMinY() + 25))
                .release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(m.experiment().method()).hasSize(before + 1);
        MethodStep added = m.experiment().method().get(before);
        assertThat(added.name()).startsWith("latency");
        assertThat(added.lane()).isEqualTo(1);
        assertThat(added.explicitStart())
                .hasValueSatisfying(at -> assertThat(at).isPositive());
        assertThat(m.yamlProperty().get()).contains("name: " + added.name());

        // Drag the new block 5 grid steps right; then undo with the keyboard.
        Duration at = added.explicitStart().orElseThrow();
        Node block = robot.lookup(".timeline-block").nth(before).query();
        Bounds bb = block.localToScreen(block.getBoundsInLocal());
        double px = window.editor().timeline().pixelsPerSecondProperty().get();
        robot.drag(
                        new javafx.geometry.Point2D(bb.getMinX() + 20, bb.getCenterY()),
                        javafx.scene.input.MouseButton.PRIMARY)
                .moveBy(5 * px, 0)
                .release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(m.experiment().method().get(before).explicitStart()).contains(at.plusSeconds(5));
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(m.experiment().method().get(before).explicitStart()).contains(at);
    }

    @Test
    void editingTheYamlChangesTheTimeline() {
        robot.interact(() -> window.shell().show(Screen.EDITOR));
        EditorViewModel m = window.editorModel();
        TextArea yaml = robot.lookup("#yaml").queryAs(TextArea.class);
        String text = yaml.getText();
        String name = m.experiment().method().get(0).name();
        int blocks = robot.lookup(".timeline-block").queryAll().size();

        robot.interact(() -> yaml.setText(text.replace("name: " + name, "name: renamed-step")));
        waitFor(
                "the timeline shows the renamed step",
                () -> robot.lookup(".timeline-block").queryAll().size() == blocks
                        && m.experiment().method().get(0).name().equals("renamed-step"),
                5);

        robot.interact(() -> yaml.setText(yaml.getText().replace("apiVersion", "apiVersoin")));
        waitFor("the problem is listed", () -> !m.problems().isEmpty(), 5);
        assertThat(m.experiment().method().get(0).name()).isEqualTo("renamed-step");
        assertThat(robot.lookup(".timeline-block").queryAll()).hasSize(blocks);
    }

    @Test
    void aGameDayIsPlannedAndSavedAsARunbook() throws Exception {
        robot.interact(() -> window.shell().show(Screen.GAMEDAY));
        // a tool bar places its items in its next layout pulse: a busy machine may not have had it yet
        waitFor(
                "the planner's New is shown",
                () -> robot.lookup("New").tryQuery().isPresent(),
                10);
        robot.clickOn("New");
        robot.clickOn("#gameday-title").write("Payments GameDay ☕ 支付");
        robot.clickOn("Add participant").write("Ada").type(KeyCode.ENTER);
        String outage = "A payment outage halts the run  (sandbox / payment-outage-halts.yaml)"; // by its title
        robot.clickOn("#add-experiment");
        waitFor(
                "the experiments' titles are read",
                () -> robot.lookup(outage).tryQuery().isPresent(),
                10);
        robot.clickOn(outage);
        Path file = home.resolve("payments-gameday.yaml");
        robot.interact(() -> window.gameDay().saveAs(file));
        waitFor("the GameDay is saved", () -> java.nio.file.Files.exists(file), 10);

        var day = composition.loader.loadGameDay(file).gameDay();
        assertThat(day.title()).isEqualTo("Payments GameDay ☕ 支付");
        // a new plan is led by you (your name in Settings: on a first start, this account's)
        assertThat(day.participants())
                .extracting(p -> p.name() + " " + p.role())
                .containsExactly(dev.faultline.app.view.common.YourName.ofThisAccount() + " LEADER", "Ada OBSERVER");
        assertThat(day.experiments())
                .singleElement()
                .satisfies(e -> assertThat(e).endsWith("payment-outage-halts.yaml"));
        assertThat(composition.loader.loadExperimentsOf(composition.loader.loadGameDay(file)))
                .hasSize(1);
    }

    @Test
    void homeRetrospectiveAndSettingsShowWhatTheirViewModelsHold() throws Exception {
        waitFor(
                "the first GameDay can be started",
                () -> !robot.lookup("#first-gameday").query().isDisabled(),
                20);
        assertThat(robot.lookup("#runbooks").queryListView().getItems()).isNotEmpty();
        assertThat(robot.lookup("#recent-runs")
                        .queryTableView()
                        .getColumns()
                        .get(0)
                        .getText())
                .isEqualTo("Started (" + java.time.ZoneId.systemDefault().getId() + ")");

        robot.interact(() -> window.shell().show(Screen.RETRO));
        waitFor(
                "the retrospective says no GameDay ran yet",
                () -> robot.lookup("Run a GameDay first; its retrospective is" + " written here.")
                        .tryQuery()
                        .isPresent(),
                10);
        assertThat(robot.lookup("#retro-gamedays").queryListView().getItems()).isEmpty();

        robot.interact(() -> window.shell().show(Screen.SETTINGS));
        TextArea file = robot.lookup("#environments-file").queryAs(TextArea.class);
        waitFor("the environments file is read", () -> file.getText().startsWith("# Your environments"), 10);
        robot.interact(() -> file.setText("environments:\n  lab:\n    production: maybe\n"));
        robot.interact(() -> robot.lookup("#save-environments").queryButton().fire()); // below the fold
        javafx.scene.control.Label problems =
                robot.lookup("#environments-problems").queryAs(javafx.scene.control.Label.class);
        waitFor(
                "the problem is shown",
                () -> problems.isVisible() && problems.getText().startsWith("line 3, "),
                10);
        assertThat(java.nio.file.Files.exists(composition.home.environments())).isFalse();
        robot.interact(() -> file.setText("environments:\n  lab:\n    production: false\n"));
        robot.interact(() -> robot.lookup("#save-environments").queryButton().fire()); // below the fold
        waitFor("the file is saved", () -> java.nio.file.Files.exists(composition.home.environments()), 10);
        waitFor("the screen says so", () -> problems.getText().startsWith("saved "), 10);
        assertThat(problems.getStyleClass()).doesNotContain("field-error");
    }

    @Test
    void theFirstGameDayRunsLiveAndTheKillSwitchRevertsItsFault() {
        robot.clickOn("#first-gameday");
        waitFor(
                "the planner shows the sandbox GameDay",
                () -> window.shell().currentProperty().get() == Screen.GAMEDAY,
                5);
        robot.clickOn("#run-gameday");
        LiveRunViewModel live = window.live();
        waitFor(
                "the run starts and probes are charted",
                () -> window.shell().currentProperty().get() == Screen.LIVE
                        && !live.tracks().isEmpty()
                        && live.tracks().get(0).series().size() >= 2,
                60);
        waitFor("the fault is injected", () -> live.spans().stream().anyMatch(s -> s.active()), 60);
        int drawn = live.tracks().get(0).series().size();

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.K).release(KeyCode.K, KeyCode.SHIFT, KeyCode.CONTROL);

        waitFor(
                "the run ends halted with its fault reverted",
                () -> !live.runningProperty().get(),
                60);
        assertThat(live.phaseProperty().get()).isEqualTo("HALTED");
        assertThat(live.spans()).allSatisfy(s -> assertThat(s.active()).isFalse());
        assertThat(live.log()).anyMatch(l -> l.contains("reverted"));
        assertThat(live.tracks().get(0).series().size()).isGreaterThanOrEqualTo(drawn);
        assertThat(composition.journal.openFaults()).isEmpty();
        assertThat(composition.killSwitch.isEngaged()).isTrue();
        // the GameDay pauses for the leader's choice; ending it lets the sandbox stop
        waitFor("the GameDay is paused", () -> live.pausedProperty().get() != null, 30);
        robot.interact(() -> live.choose(dev.faultline.engine.spi.run.AfterHalt.END));
    }

    @Test
    void theKillSwitchHaltsARunWhoseBackendHangsAndTheWindowStaysResponsive() throws Exception {
        com.sun.net.httpserver.HttpServer health =
                com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        health.createContext("/health", x -> {
            x.sendResponseHeaders(200, -1);
            x.close();
        });
        health.start();
        try {
            Path runbook = hangingRunbook(health.getAddress().getPort());
            LiveRunViewModel live = window.live();
            robot.interact(() -> window.runs().start("hanging", () -> composition.loader.load(runbook)));
            waitFor("the injection is in flight", () -> live.log().stream().anyMatch(l -> l.contains("injecting")), 30);

            long pressed = System.nanoTime();
            robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.K).release(KeyCode.K, KeyCode.SHIFT, KeyCode.CONTROL);
            waitFor("the kill switch says it is engaged", () -> composition.killSwitch.isEngaged(), 5);
            long engagedMs = (System.nanoTime() - pressed) / 1_000_000;
            robot.interact(() -> window.shell().show(Screen.HOME)); // the window answers while the backend hangs

            assertThat(engagedMs)
                    .as("kill switch engaged %d ms after the key press", engagedMs)
                    .isLessThan(5_000);
            assertThat(window.shell().currentProperty().get()).isEqualTo(Screen.HOME);
            waitFor("the run ends halted", () -> !live.runningProperty().get(), 60);
            assertThat(live.phaseProperty().get()).isIn("HALTED", "ABORTED");
            assertThat(composition.journal.openFaults()).isEmpty();
        } finally {
            health.stop(0);
        }
    }

    @Test
    void closingDuringARunShowsTheClosingStateAndTheWindowKeepsAnswering() throws Exception {
        com.sun.net.httpserver.HttpServer health =
                com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        health.createContext("/health", x -> {
            x.sendResponseHeaders(200, -1);
            x.close();
        });
        health.start();
        try {
            Path runbook = hangingRunbook(health.getAddress().getPort());
            LiveRunViewModel live = window.live();
            BooleanSupplier injecting = () -> live.log().stream().anyMatch(l -> l.contains("injecting"));
            for (int attempt = 1; attempt <= 3 && !injecting.getAsBoolean(); attempt++) {
                // The first probe read of a cold JVM on a loaded machine may miss its 2 s and abort the
                // baseline; that run ends at once (nothing injected) and is started again.
                robot.interact(() -> window.runs().start("hanging", () -> composition.loader.load(runbook)));
                waitFor(
                        "the injection is in flight or the run ended",
                        () -> injecting.getAsBoolean()
                                || !window.runs().busyProperty().get(),
                        60);
            }
            assertThat(injecting.getAsBoolean())
                    .as(
                            "the injection is in flight; phase %s, live log: %s",
                            live.phaseProperty().get(), live.log())
                    .isTrue();

            // As the window's close button does; the run ends only when its hung injection times out (5 s).
            Platform.runLater(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
            waitFor("the window asks before halting the run", () -> okButton().isPresent(), 10);
            Button ok = okButton().orElseThrow();
            Platform.runLater(ok::fire);

            long worstMs = 0;
            String closing = "";
            for (int i = 0; i < 20; i++) { // about 2 s of asking the FX thread, each ask bounded
                long asked = System.nanoTime();
                CountDownLatch answered = new CountDownLatch(1);
                Platform.runLater(answered::countDown);
                long ms = answered.await(10, TimeUnit.SECONDS) ? (System.nanoTime() - asked) / 1_000_000 : 10_000;
                worstMs = Math.max(worstMs, ms);
                if (closing.isEmpty() && stage.isShowing()) { // shown while the run ends, a few seconds
                    closing = robot.lookup("#closing-step")
                            .tryQuery()
                            .map(n -> ((javafx.scene.control.Label) n).getText())
                            .orElse("");
                }
                Thread.sleep(100);
            }
            assertThat(worstMs)
                    .as("the longest the FX thread took to answer while closing, ms")
                    .isLessThan(1_000);
            assertThat(closing).as("the closing state while the run ends").startsWith("Closing: ");

            waitFor("the window closes once the run has ended", () -> !stage.isShowing(), 90);
            assertThat(live.runningProperty().get()).isFalse();
            assertThat(composition.journal.openFaults()).isEmpty();
        } finally {
            health.stop(0);
        }
    }

    private java.util.Optional<Button> okButton() {
        return robot.lookup((Button b) -> "OK".equals(b.getText()) && b.getScene() != stage.getScene())
                .tryQuery();
    }

    /**
     * An experiment whose one fault goes to the {@code hanging} test backend: its injection never
     * answers. Probes every second, so a first read in a cold JVM on a loaded machine (3 s allowed) does
     * not abort the baseline.
     */
    private Path hangingRunbook(int healthPort) throws java.io.IOException {
        Path runbook = home.resolve("hanging.yaml");
        java.nio.file.Files.writeString(runbook, """
                apiVersion: faultline.dev/v1
                kind: Experiment
                metadata: {name: hanging-backend}
                spec:
                  environment: local
                  timing: {probeInterval: 1s, baselineSamples: 1, recoveryWindow: 0s, verificationSamples: 1}
                  hypothesis:
                    probes:
                      - name: health
                        expect: "< 2000ms"
                        http: {url: "http://127.0.0.1:%d/health"}
                  method:
                    - name: stuck
                      backend: hanging
                      duration: 30s
                      target: {proxy: anything}
                      fault: {type: latency, latency: 100ms}
                """.formatted(healthPort));
        return runbook;
    }
}
