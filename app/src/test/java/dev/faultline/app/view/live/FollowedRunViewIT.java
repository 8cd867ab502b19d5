package dev.faultline.app.view.live;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.faultline.app.view.common.TeamScreens;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.report.Observation;
import dev.faultline.engine.runbook.RunbookLoader;
import dev.faultline.engine.store.EventRecord;
import dev.faultline.engine.store.JournalMirror;
import dev.faultline.engine.store.RunFollower;
import dev.faultline.engine.store.SampleRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Team mode's live view of another desktop's run, as laid out in the app's content area at
 * 1024x700 and 1440x900 (the window less the navigation and the header): the "Following" header,
 * a note from another desktop with its author, a HALT from another desktop, and the banner of a
 * runner that stopped answering with the faults it holds, a Revert for the reachable one (it calls
 * the view's revert) and the local one named as such; the charts stay readable under the banner.
 * Each state is also written as a PNG under target/team-screens, to look at.
 */
class FollowedRunViewIT {
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private final FxRobot robot = new FxRobot();
    private final AtomicInteger reverts = new AtomicInteger();
    private LiveRunViewModel model;
    private FollowFeed feed;
    private Stage stage;

    @BeforeEach
    void stage() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    private void show(int width, int height) throws Exception {
        Experiment e = new RunbookLoader()
                .load(Path.of("..", "runbooks", "sandbox", "payment-latency-holds.yaml"))
                .experiment();
        FxToolkit.setupStage((Stage s) -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            model = new LiveRunViewModel(ZoneId.of("UTC"));
            feed = new FollowFeed(model);
            LiveRunView view = new LiveRunView(
                    model,
                    TimeZone.getTimeZone("UTC"),
                    new SimpleBooleanProperty(false),
                    (at, t) -> {},
                    new SimpleBooleanProperty(false),
                    () -> {},
                    reverts::incrementAndGet);
            Scene scene = new Scene(new StackPane(view), width, height);
            scene.getStylesheets()
                    .add(FollowedRunViewIT.class
                            .getResource("/dev/faultline/app/fx/faultline.css")
                            .toExternalForm());
            s.setScene(scene);
            s.setWidth(width);
            s.setHeight(height);
            s.show();
            stage = s;
        });
        robot.interact(() -> {
            feed.begin(
                    "laptop-ana (pid 48113)",
                    "r1",
                    e.name(),
                    e,
                    T0,
                    new FollowFeed.FollowedDay("Payments GameDay", List.of(e.name(), "payment-outage"), 0));
            feed.accept(new RunFollower.Event(new EventRecord("r1", 1, T0, "run-started", "run started in sandbox")));
            feed.accept(new RunFollower.Event(new EventRecord("r1", 2, T0.plusSeconds(1), "phase", "phase BASELINE")));
            List<SampleRecord> samples = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                samples.add(new SampleRecord(
                        "r1",
                        "order-success-ratio",
                        i < 5 ? "BASELINE" : "INJECT",
                        T0.plusSeconds(1 + i),
                        0.97 - (i > 8 ? 0.02 : 0),
                        null,
                        true));
            }
            feed.accept(new RunFollower.Event(new EventRecord("r1", 3, T0.plusSeconds(6), "phase", "phase INJECT")));
            feed.accept(new RunFollower.Event(new EventRecord(
                    "r1", 4, T0.plusSeconds(6), "fault-injected", "injected latency 150ms ± 50ms on proxy/payments")));
            feed.accept(new RunFollower.Samples(samples));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"830, 600, 1024x700", "1250, 810, 1440x900"})
    void aFollowedRunWithANoteAHaltAndASilentRunnerReads(int width, int height, String window) throws Exception {
        show(width, height);
        Label following = robot.lookup("#following").queryAs(Label.class);
        assertThat(following.getText()).startsWith("Following laptop-ana (pid 48113): read-only here");
        assertThat(following.isVisible()).isTrue();
        save("team-following", window);

        robot.interact(() -> feed.accept(new RunFollower.Note(
                new Observation(7, "r1", T0.plusSeconds(20), "Zoë", "checkout errors climb on the dashboard"))));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.log()).anyMatch(l -> l.endsWith("note (Zoë): checkout errors climb on the dashboard"));
        save("team-observation", window);

        robot.interact(() -> {
            feed.accept(new RunFollower.Event(new EventRecord(
                    "r1", 5, T0.plusSeconds(25), "halt", "HALT by Ben from the team's store: checkout is down")));
            feed.accept(new RunFollower.Event(new EventRecord(
                    "r1", 6, T0.plusSeconds(25), "fault-reverted", "reverted slow-payments, confirmed gone")));
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.marks()).extracting(ChartMark::kind).contains(ChartMark.Kind.HALT);
        save("team-remote-halt", window);

        robot.interact(() -> feed.runner(new FollowFeed.Silence(
                "laptop-ana",
                48113,
                T0.plusSeconds(31),
                Duration.ofSeconds(9),
                List.of(
                        new JournalMirror.HeldFault(
                                "f1",
                                "r1",
                                "laptop-ana",
                                "slow-payments",
                                "toxiproxy",
                                "latency 150ms ± 50ms on proxy/payments",
                                true,
                                "injected",
                                "{}"),
                        new JournalMirror.HeldFault(
                                "f2",
                                "r1",
                                "laptop-ana",
                                "pause-payments",
                                "local",
                                "pause process sandbox-payment",
                                false,
                                "injected",
                                "{}")),
                "")));
        WaitForAsyncUtils.waitForFxEvents();
        Node banner = robot.lookup("#runner-silent").query();
        Label text = robot.lookup("#runner-silent-text").queryAs(Label.class);
        Button revert = robot.lookup("#revert-held").queryAs(Button.class);
        assertThat(banner.isVisible()).isTrue();
        assertThat(text.getText())
                .startsWith("The runner stopped answering: laptop-ana (pid 48113), no heartbeat since");
        assertThat(revert.isVisible()).isTrue();
        assertThat(revert.isDisabled()).isFalse();
        Bounds b = revert.localToScene(revert.getLayoutBounds());
        assertThat(b.getMaxY()).as("Revert within the window").isLessThan(height);
        assertThat(b.getMaxX()).as("Revert within the window").isLessThan(width);
        assertThat(bannerText()).anyMatch(l -> l.contains("pause process sandbox-payment") && l.contains("local to"));
        double chartHeight =
                robot.lookup(".edge-to-edge").query().getLayoutBounds().getHeight();
        assertThat(chartHeight).as("room left for the charts under the banner").isGreaterThan(150);
        save("team-silent-runner", window);

        robot.clickOn(revert);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(reverts.get()).isEqualTo(1);
    }

    private List<String> bannerText() {
        return robot.lookup("#runner-silent-faults .label").queryAllAs(Label.class).stream()
                .map(Label::getText)
                .toList();
    }

    private void save(String name, String window) throws Exception {
        TeamScreens.save(stage.getScene(), name, window);
    }
}
