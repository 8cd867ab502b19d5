package dev.faultline.app.fx;

import static dev.faultline.app.fx.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.app.Composition;
import dev.faultline.app.session.LocalExperiment;
import dev.faultline.app.view.live.LiveRunViewModel;
import dev.faultline.app.view.shell.Screen;
import dev.faultline.engine.gameday.GameDayStep;
import dev.faultline.engine.spi.run.AfterHalt;
import dev.faultline.engine.spi.run.HaltReason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A GameDay in the real window halted by the kill switch during its first experiment: the switch is
 * latched and the banner names the reverted fault, the release insists on a reason, and the day
 * resumes with the next experiment; while the switch is engaged, nothing starts at all.
 */
class AppGameDayHaltIT {
    @TempDir
    Path home;

    private AppWindowRig rig;
    private Composition composition;
    private AppWindow window;
    private Stage stage;
    private LocalExperiment local;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        local = new LocalExperiment(home, "20s");
        rig = AppWindowRig.open(home);
        composition = rig.composition;
        window = rig.window;
        stage = rig.stage;
    }

    @AfterEach
    void stop() throws Exception {
        LiveRunViewModel live = window.live();
        robot.interact(() -> live.choose(AfterHalt.END));
        rig.close();
        local.close();
    }

    /** Three copies of the local experiment (a helper process paused for 20 s, or until halted), in a GameDay. */
    private Path dayOfThree() throws Exception {
        String text = Files.readString(local.runbook, StandardCharsets.UTF_8);
        for (String n : List.of("a", "b", "c")) {
            Files.writeString(
                    home.resolve(n + ".yaml"),
                    text.replace("name: " + LocalExperiment.NAME, "name: pause-" + n)
                            .replace("duration: 20s", n.equals("a") ? "duration: 20s" : "duration: 1s"),
                    StandardCharsets.UTF_8);
        }
        Path f = home.resolve("three.yaml");
        Files.writeString(f, """
                apiVersion: faultline.dev/v1
                kind: GameDay
                metadata: {name: three, title: Three pauses}
                spec:
                  environment: local
                  schedule: {start: "2026-12-03T10:00", zone: UTC}
                  objectives: [The day goes on after the kill switch]
                  participants:
                    - {name: Ada, role: leader}
                  experiments: [a.yaml, b.yaml, c.yaml]
                """, StandardCharsets.UTF_8);
        return f;
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1024, 700", "1440, 900"})
    void haltedReleasedAndResumedTheDayGoesOnWithTheNextExperiment(int width, int height) throws Exception {
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        Path day = dayOfThree();
        LiveRunViewModel live = window.live();
        Button halt = robot.lookup("#kill-switch").queryButton();
        assertThat(halt.getText()).startsWith("HALT ALL");

        robot.interact(() -> window.runGameDay(day));
        waitFor(
                "the first experiment's fault is in effect",
                () -> live.spans().stream().anyMatch(s -> s.active()),
                60);
        assertThat(live.progressProperty().get()).isEqualTo("Experiment 1 of 3: pause-a");
        assertThat(live.plan()).hasSize(3);

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.K).release(KeyCode.K, KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor("the GameDay is paused", () -> live.pausedProperty().get() != null, 60);
        Label banner = robot.lookup("#halt-banner-text").queryAs(Label.class);
        waitFor("the banner names the reverted fault", () -> banner.getText().contains("pause-it"), 30);

        // latched: the switch looks and reads different, and says so to a screen reader
        assertThat(halt.getText()).isEqualTo("HALTED — Release…");
        assertThat(halt.getAccessibleText()).contains("engaged");
        assertThat(halt.getPseudoClassStates())
                .anyMatch(p -> p.getPseudoClassName().equals("engaged"));
        assertThat(banner.getText())
                .contains("Reverted and confirmed gone: pause-it")
                .contains("Kill switch engaged at ")
                .contains("(pressed in the app)");
        assertThat(banner.isVisible()).isTrue();
        assertThat(onScreen(robot.lookup("#paused-day").query())).isTrue();
        assertThat(robot.lookup("#paused-resume").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#paused-resume").queryButton().getText())
                .isEqualTo("Resume with experiment 2: pause-b");
        // one way to the release besides the latched button: the paused panel's, none in the header or banner
        assertThat(robot.lookup(".button").queryAllAs(Button.class).stream()
                        .filter(b -> b.getScene() == stage.getScene() && shown(b))
                        .filter(b -> b.getText() != null && b.getText().contains("Release"))
                        .map(Node::getId))
                .containsExactlyInAnyOrder("kill-switch", "paused-release");
        // and nothing of the header or the banner is cut off
        waitFor(
                "the state beside the button is final",
                () -> !robot.lookup("#kill-switch-state")
                        .queryAs(Label.class)
                        .getText()
                        .contains("reverting"),
                10);
        for (String label : List.of("#kill-switch-state", ".header-muted", "#halt-banner-text")) {
            Label l = robot.lookup(label).queryAs(Label.class);
            assertThat(displayed(l)).as(label).isEqualTo(l.getText());
        }

        // an empty reason keeps the dialog open and says a reason is needed
        robot.clickOn("#paused-release");
        waitFor(
                "the release dialog is open",
                () -> robot.lookup("#release-reason").tryQuery().isPresent(),
                10);
        robot.clickOn("Release");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#release-reason").tryQuery()).isPresent();
        Label problem = robot.lookup("#release-problem").queryAs(Label.class);
        assertThat(problem.isVisible()).isTrue();
        assertThat(problem.getText()).startsWith("A reason is needed");
        assertThat(composition.killSwitch.isEngaged()).isTrue();

        robot.clickOn("#release-reason").write("fault confirmed gone, team agrees");
        robot.clickOn("Release");
        waitFor("the switch is released", () -> !composition.killSwitch.isEngaged(), 10);
        waitFor("the switch looks released", () -> halt.getText().startsWith("HALT ALL"), 10);

        robot.clickOn("#paused-resume");
        waitFor("the day is over", () -> live.progressProperty().get().startsWith("GameDay "), 90);

        assertThat(live.progressProperty().get()).startsWith("GameDay COMPLETED");
        assertThat(live.plan().get(0)).contains("HALTED").contains("resumed");
        assertThat(live.plan().get(1)).contains("pause-b").doesNotContain("waiting");
        assertThat(live.plan().get(2)).contains("pause-c").doesNotContain("waiting");
        assertThat(live.log())
                .anyMatch(l -> l.contains("result of experiment 1 of 3"))
                .anyMatch(l -> l.contains("result of experiment 3 of 3"));
        String id = composition.store().gameDays().recent(1).get(0).id();
        assertThat(composition.store().gameDays().steps(id))
                .extracting(GameDayStep::afterHalt)
                .containsExactly(AfterHalt.RESUME, null, null);
        assertThat(composition.journal.openFaults()).isEmpty();
    }

    @Test
    void whileTheKillSwitchIsEngagedRunGameDaySaysWhyAndStartsNothing() throws Exception {
        composition.killSwitch.halt(HaltReason.killSwitch("smoke")).get(30, TimeUnit.SECONDS);
        Path day = dayOfThree();

        robot.interact(() -> window.runGameDay(day));
        String refusal = "Nothing starts while the kill switch is engaged";
        // Looked up by its header: a dialog a previous test's window left behind (a background
        // read cut short by its closed store) must not be taken for the refusal.
        waitFor("the refusal is shown", () -> dialogHeaded(refusal).isPresent(), 10);

        javafx.scene.control.DialogPane pane = dialogHeaded(refusal).orElseThrow();
        assertThat(pane.getHeaderText()).isEqualTo(refusal);
        assertThat(pane.getContentText()).contains("(smoke)").contains("Release");
        // since when in the user's zone, as the banner says it, not the instant in UTC
        String since = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss")
                .format(composition
                        .killSwitch
                        .engagement()
                        .orElseThrow()
                        .at()
                        .atZone(java.time.ZoneId.systemDefault()));
        assertThat(pane.getContentText())
                .contains("engaged since " + since + " (smoke)")
                .doesNotContain("Z (");
        assertThat(window.runs().busyProperty().get()).isFalse();
        assertThat(window.shell().currentProperty().get()).isNotEqualTo(Screen.LIVE);
        assertThat(composition.store().gameDays().recent(10)).isEmpty();
        robot.interact(() -> ((Stage) pane.getScene().getWindow()).close());
    }

    private java.util.Optional<javafx.scene.control.DialogPane> dialogHeaded(String header) {
        return robot.lookup(".dialog-pane").queryAllAs(javafx.scene.control.DialogPane.class).stream()
                .filter(p -> header.equals(p.getHeaderText()))
                .findFirst();
    }

    /** Shown: it and all its parents are visible. */
    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** The text a label shows: its own, or cut off with "…" where it does not fit. */
    private static String displayed(Label l) {
        javafx.scene.text.Text t = (javafx.scene.text.Text) l.lookup(".text");
        return t == null ? "" : t.getText().replace("\n", " ");
    }

    private static boolean onScreen(Node n) {
        return n.isVisible()
                && n.getScene() != null
                && n.localToScene(n.getBoundsInLocal()).getMaxY()
                        <= n.getScene().getHeight();
    }
}
