package dev.faultline.app.view.live;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.runbook.RunbookLoader;
import dev.faultline.engine.spi.run.RunEvent;
import dev.faultline.engine.spi.run.RunOutcome;
import dev.faultline.engine.spi.run.RunResult;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.TimeZone;
import javafx.application.Application;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
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
 * The live view as laid out in the app's content area at 1024x700 and 1440x900 (the window less the
 * navigation, the menus and the header), in both themes: the charts fill the height, the side
 * keeps a readable width, and HALTED reads in the theme's danger colour.
 */
class LiveViewLayoutIT {
    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
    private final FxRobot robot = new FxRobot();
    private LiveRunViewModel model;
    private LiveRunView view;
    private Label danger;
    private javafx.scene.control.Button accent;
    private final SimpleBooleanProperty engaged = new SimpleBooleanProperty(false);

    @BeforeEach
    void stage() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
    }

    private void show(int width, int height, boolean dark) throws Exception {
        Experiment e = new RunbookLoader()
                .load(Path.of("..", "runbooks", "sandbox", "payment-latency-holds.yaml"))
                .experiment();
        FxToolkit.setupStage((Stage s) -> {
            Application.setUserAgentStylesheet(
                    dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
            model = new LiveRunViewModel(ZoneId.of("UTC"));
            view = new LiveRunView(
                    model,
                    TimeZone.getTimeZone("UTC"),
                    new SimpleBooleanProperty(dark),
                    (at, t) -> {},
                    engaged,
                    () -> {});
            danger = new Label("the theme's danger colour");
            danger.setStyle("-fx-text-fill: -color-danger-fg;");
            danger.setManaged(false);
            danger.setVisible(false);
            accent = new javafx.scene.control.Button("an enabled accent button");
            accent.getStyleClass().add("accent");
            accent.setManaged(false);
            accent.setOpacity(0);
            Scene scene = new Scene(new StackPane(view, danger, accent), width, height);
            scene.getStylesheets()
                    .add(LiveViewLayoutIT.class
                            .getResource("/dev/faultline/app/fx/faultline.css")
                            .toExternalForm());
            s.setScene(scene);
            s.setWidth(width);
            s.setHeight(height);
            s.show();
        });
        robot.interact(() -> {
            model.begin(e, T0);
            model.accept(List.of(new RunEvent.RunStarted("r1", T0, e.name(), "sandbox", false)));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @ParameterizedTest(name = "{0}x{1} dark={2}")
    @CsvSource({"830, 600, false", "830, 600, true", "1250, 810, false", "1250, 810, true"})
    void theChartsFillTheHeightAndTheSideReads(int width, int height, boolean dark) throws Exception {
        show(width, height, dark);
        ScrollPane scroll = (ScrollPane) view.lookup(".edge-to-edge");
        Bounds shown = scroll.localToScene(scroll.getLayoutBounds());
        double lowest = view.probeCharts().stream()
                .mapToDouble(c -> c.localToScene(c.getLayoutBounds()).getMaxY())
                .max()
                .orElseThrow();

        assertThat(view.chartCount()).isPositive();
        assertThat(view.probeCharts())
                .as("each chart wide enough for its title and labels")
                .allSatisfy(c -> assertThat(c.getWidth()).isGreaterThanOrEqualTo(LiveRunView.CHART_MIN_WIDTH));
        assertThat(shown.getMaxY() - lowest).as("empty space under the charts").isLessThan(24);
        Node side =
                ((javafx.scene.control.SplitPane) view.getCenter()).getItems().get(1);
        assertThat(side.getLayoutBounds().getWidth()).as("the side's width").isGreaterThanOrEqualTo(300);
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"830, 600", "1250, 810"})
    void theEventLogsLinesAreAsHighAsTheirText(int width, int height) throws Exception {
        show(width, height, false);
        robot.interact(() -> model.failed("the sandbox did not answer on 127.0.0.1:18080 within 60 s: look at"
                + " the sandbox's log in the home folder, start it again from Home, then run the GameDay again"));
        robot.interact(() -> model.failed("stopped")); // a line of one line's height

        WaitForAsyncUtils.waitForFxEvents();
        List<javafx.scene.control.ListCell<?>> cells = robot.lookup(".event-log .list-cell").queryAll().stream()
                .<javafx.scene.control.ListCell<?>>map(n -> (javafx.scene.control.ListCell<?>) n)
                .filter(c -> !c.isEmpty() && c.isVisible())
                .toList();
        assertThat(cells).as("the log's lines").hasSizeGreaterThanOrEqualTo(3);
        for (javafx.scene.control.ListCell<?> c : cells) {
            javafx.scene.text.Text text = (javafx.scene.text.Text) c.getGraphic();
            javafx.scene.text.Text one = new javafx.scene.text.Text("09:59:59");
            one.setFont(text.getFont());
            double line = one.getLayoutBounds().getHeight();
            double drawn = text.getLayoutBounds().getHeight();
            assertThat(c.getHeight())
                    .as("the line '" + c.getItem() + "' (" + Math.round(drawn / line) + " line(s) of text)")
                    .isGreaterThanOrEqualTo(drawn)
                    .isLessThan(drawn + 0.75 * line);
        }
    }

    @ParameterizedTest(name = "dark={0}")
    @CsvSource({"false", "true"})
    void whileTheKillSwitchIsEngagedResumeDoesNotLookEnabled(boolean dark) throws Exception {
        show(830, 600, dark);
        robot.interact(() -> {
            engaged.set(true);
            model.pause(new PausedDay(
                    0,
                    4,
                    "payment-latency-holds",
                    "payment-outage-halts",
                    new DayHalt(dev.faultline.engine.spi.run.HaltReason.killSwitch("drill"), T0.plusSeconds(7)),
                    new java.util.concurrent.CompletableFuture<>()));
        });
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.Button resume = robot.lookup("#paused-resume").queryButton();

        assertThat(resume.isDisabled()).isTrue();
        assertThat(fill(resume)).as("a disabled Resume's background").isNotEqualTo(fill(accent));
        assertThat(resume.getTextFill()).as("a disabled Resume's text").isNotEqualTo(accent.getTextFill());
        robot.interact(() -> {
            engaged.set(false);
            model.released(T0.plusSeconds(70), "all faults confirmed gone");
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(resume.isDisabled()).isFalse();
        assertThat(fill(resume)).as("Resume, once it can be pressed").isEqualTo(fill(accent));
        assertThat(robot.lookup("#paused-day-text").queryLabeled().getText())
                .endsWith("at 10:00:07 by the kill switch (drill); released at 10:01:10: all faults confirmed gone");
    }

    /** At the content area's sizes in windows of 1024x700 and 1440x900 while the kill switch's banner shows. */
    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"830, 540", "1250, 750"})
    void aPausedDayKeepsTheEventLogReadable(int width, int height) throws Exception {
        show(width, height, false);
        Experiment e = new RunbookLoader()
                .load(Path.of("..", "runbooks", "sandbox", "payment-latency-holds.yaml"))
                .experiment();
        dev.faultline.engine.model.GameDay day = new dev.faultline.engine.model.GameDay(
                "day",
                "A day",
                "",
                List.of("learn"),
                T0,
                ZoneId.of("UTC"),
                "sandbox",
                List.of(new dev.faultline.engine.model.Participant(
                        "Ada", dev.faultline.engine.model.Participant.Role.LEADER)),
                List.of("a.yaml", "b.yaml", "c.yaml", "d.yaml"),
                dev.faultline.engine.model.Checklist.EMPTY);
        robot.interact(() -> {
            model.acceptDay(new dev.faultline.engine.spi.run.GameDayEvent.Started("d1", T0, day, List.of(e, e, e, e)));
            engaged.set(true);
            model.pause(new PausedDay(
                    0,
                    4,
                    "payment-latency-holds",
                    "payment-outage-halts",
                    new DayHalt(
                            dev.faultline.engine.spi.run.HaltReason.killSwitch("pressed in the app"),
                            T0.plusSeconds(7)),
                    new java.util.concurrent.CompletableFuture<>()));
        });
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ListView<?> log = robot.lookup(".event-log").queryListView();
        javafx.scene.control.ListView<?> plan = robot.lookup("#gameday-plan").queryListView();
        javafx.scene.text.Text one = new javafx.scene.text.Text("09:59:59");

        assertThat(robot.lookup("#paused-day").query().isVisible()).isTrue();
        Label what = (Label) robot.lookup("#paused-day-text").query();
        javafx.scene.text.Text drawn = (javafx.scene.text.Text) what.lookup(".text");
        assertThat(drawn.getText().replace("\n", " ").replaceAll(" +", " "))
                .as("the paused line as drawn")
                .isEqualTo(what.getText().replaceAll(" +", " "));
        assertThat(plan.isVisible()).isTrue();
        assertThat(log.getHeight() / one.getLayoutBounds().getHeight())
                .as("lines of the event log in view while the day is paused")
                .isGreaterThanOrEqualTo(6);
    }

    private static javafx.scene.paint.Paint fill(javafx.scene.layout.Region r) {
        var fills = r.getBackground().getFills();
        return fills.get(fills.size() - 1).getFill();
    }

    @ParameterizedTest(name = "dark={0}")
    @CsvSource({"false", "true"})
    void haltedReadsInTheDangerColour(boolean dark) throws Exception {
        show(830, 600, dark);
        robot.interact(() -> model.accept(List.of(new RunEvent.RunFinished(
                "r1",
                T0.plusSeconds(30),
                new RunResult(
                        "r1",
                        "payment-latency-holds",
                        "sandbox",
                        RunOutcome.HALTED,
                        "stop condition orders-failing",
                        T0,
                        T0.plusSeconds(30),
                        dev.faultline.engine.spi.run.Impact.of(0, true),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of())))));
        WaitForAsyncUtils.waitForFxEvents();
        Label phase = (Label) view.lookup(".phase");

        assertThat(phase.getText()).isEqualTo("HALTED");
        assertThat(phase.getTextFill()).isEqualTo(danger.getTextFill());
    }

    @ParameterizedTest(name = "dark={0}")
    @CsvSource({"false", "true"})
    void aStoppedDayReadsInTheDangerColourNotTheAccent(boolean dark) throws Exception {
        show(830, 600, dark);
        Experiment e = new RunbookLoader()
                .load(Path.of("..", "runbooks", "sandbox", "payment-latency-holds.yaml"))
                .experiment();
        dev.faultline.engine.model.GameDay day = new dev.faultline.engine.model.GameDay(
                "day",
                "A day",
                "",
                List.of("learn"),
                T0,
                ZoneId.of("UTC"),
                "sandbox",
                List.of(new dev.faultline.engine.model.Participant(
                        "Ada", dev.faultline.engine.model.Participant.Role.LEADER)),
                List.of("a.yaml"),
                dev.faultline.engine.model.Checklist.EMPTY);
        robot.interact(() -> {
            model.preparing("day.yaml", T0);
            model.acceptDay(new dev.faultline.engine.spi.run.GameDayEvent.Started("d1", T0, day, List.of(e)));
            model.acceptDay(new dev.faultline.engine.spi.run.GameDayEvent.Finished(
                    "d1",
                    T0.plusSeconds(5),
                    day,
                    dev.faultline.engine.spi.run.GameDayOutcome.STOPPED,
                    "the kill switch is engaged (pressed in the app); 1 experiment(s) did not run",
                    List.of()));
        });
        WaitForAsyncUtils.waitForFxEvents();
        Label phase = (Label) view.lookup(".phase");
        Label accentText = new Label();
        robot.interact(() -> {
            accentText.setStyle("-fx-text-fill: -color-accent-fg;");
            ((StackPane) view.getParent()).getChildren().add(accentText);
            accentText.applyCss();
        });

        assertThat(phase.getText()).isEqualTo("STOPPED");
        assertThat(phase.getTextFill()).isEqualTo(danger.getTextFill()).isNotEqualTo(accentText.getTextFill());
    }
}
