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
            view = new LiveRunView(model, TimeZone.getTimeZone("UTC"), new SimpleBooleanProperty(dark), (at, t) -> {});
            danger = new Label("the theme's danger colour");
            danger.setStyle("-fx-text-fill: -color-danger-fg;");
            danger.setManaged(false);
            danger.setVisible(false);
            Scene scene = new Scene(new StackPane(view, danger), width, height);
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
}
