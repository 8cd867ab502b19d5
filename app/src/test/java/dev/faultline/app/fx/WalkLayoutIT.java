package dev.faultline.app.fx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.app.Composition;
import dev.faultline.app.view.shell.Screen;
import dev.faultline.engine.env.FaultlineHome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What a GameDay leader tripped over on a walk through a whole day in the window: the planner's
 * experiment lines (title, file, who runs and watches) are read whole at both sizes, and at
 * 1024x700 the editor's YAML tab shows a runbook's worth of lines, not six.
 */
class WalkLayoutIT {
    @TempDir
    Path home;

    private Composition composition;
    private AppWindow window;
    private Stage stage;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        composition = new Composition(new FaultlineHome(home));
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            window = new AppWindow(composition, s);
            window.show();
        });
        waitFor(
                "the screens are built",
                () -> window.editorModel() != null && window.editorModel().experiment() != null,
                20);
    }

    @AfterEach
    void stop() throws Exception {
        window.runs().awaitIdle(Duration.ofSeconds(30));
        FxToolkit.cleanupStages();
        composition.close();
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1024, 700", "1440, 900"})
    void thePlannersExperimentLinesAreReadWhole(int width, int height) {
        size(width, height);
        robot.clickOn("#first-gameday");
        waitFor("the planner is shown", () -> window.shell().currentProperty().get() == Screen.GAMEDAY, 10);
        waitFor(
                "the titles and crews are known",
                () -> robot.lookup("payment-outage-halts.yaml · runs: Grace Hopper · watches: Linus")
                        .tryQuery()
                        .isPresent(),
                10);
        ListView<?> list = robot.lookup("#gameday-experiments").queryListView();
        Bounds listBounds = bounds(list);
        List<Label> lines = robot.lookup("#gameday-experiments .list-cell .label").queryAllAs(Label.class).stream()
                .filter(l -> l.isVisible() && !l.getText().isEmpty())
                .toList();
        assertThat(lines).as("the experiments' lines").hasSizeGreaterThanOrEqualTo(2);
        for (Label l : lines) {
            Text shown = (Text) l.lookup(".text");
            assertThat(shown.getText().replace("\n", " "))
                    .as("the line as drawn")
                    .isEqualTo(l.getText());
            assertThat(bounds(l).getMaxX())
                    .as("the line " + l.getText() + " ends inside the list")
                    .isLessThanOrEqualTo(listBounds.getMaxX());
        }
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1024, 700", "1440, 900"})
    void thePlannersFourExperimentsAreAllInView(int width, int height) {
        size(width, height);
        robot.interact(() -> window.shell().show(Screen.GAMEDAY));
        waitFor(
                "the titles and crews are known",
                () -> robot.lookup("payment-outage-halts.yaml · runs: Grace Hopper · watches: Linus")
                        .tryQuery()
                        .isPresent(),
                10);
        ListView<?> list = robot.lookup("#gameday-experiments").queryListView();
        assertThat(list.getItems()).hasSize(4);
        Bounds shown = bounds(list);
        List<javafx.scene.control.ListCell<?>> cells =
                robot.lookup("#gameday-experiments .list-cell").queryAll().stream()
                        .<javafx.scene.control.ListCell<?>>map(n -> (javafx.scene.control.ListCell<?>) n)
                        .filter(c -> c.isVisible() && !c.isEmpty())
                        .toList();
        assertThat(cells).as("the experiments' rows").hasSize(4);
        for (javafx.scene.control.ListCell<?> c : cells) {
            assertThat(bounds(c).getMaxY())
                    .as("experiment " + (c.getIndex() + 1) + " ends inside the list (no scrolling to see the day)")
                    .isLessThanOrEqualTo(shown.getMaxY());
        }
        // the day's checklist items are read whole too
        List<javafx.scene.control.CheckBox> items =
                robot.lookup(".day-checklist .check-box").queryAllAs(javafx.scene.control.CheckBox.class).stream()
                        .filter(javafx.scene.Node::isVisible)
                        .toList();
        assertThat(items).as("the checklist's items").isNotEmpty();
        for (javafx.scene.control.CheckBox b : items) {
            Text drawn = (Text) b.lookup(".text");
            assertThat(drawn.getText().replace("\n", " ").replaceAll(" +", " "))
                    .as("the item as drawn")
                    .isEqualTo(b.getText().replaceAll(" +", " "));
            ListView<?> its = (ListView<?>) ancestor(b, ListView.class);
            assertThat(bounds(drawn).getMaxX())
                    .as("the item '" + b.getText() + "' ends inside its list")
                    .isLessThanOrEqualTo(bounds(its).getMaxX());
        }
    }

    private static Node ancestor(Node n, Class<?> type) {
        Node p = n.getParent();
        while (p != null && !type.isInstance(p)) {
            p = p.getParent();
        }
        return java.util.Objects.requireNonNull(p);
    }

    @Test
    void atTheSmallestSizeTheYamlTabShowsARunbooksWorthOfLines() {
        size(1024, 700);
        robot.interact(() -> window.shell().show(Screen.EDITOR));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.editor().sideBySide()).isFalse();
        TabPane forms = robot.lookup("#editor-forms").queryAs(TabPane.class);
        robot.interact(() -> forms.getTabs().stream()
                .filter(t -> "yaml-tab".equals(t.getId()))
                .findFirst()
                .ifPresent(t -> forms.getSelectionModel().select(t)));
        WaitForAsyncUtils.waitForFxEvents();
        TextArea yaml = robot.lookup("#yaml").queryAs(TextArea.class);
        double line = yaml.getFont().getSize() * 1.35;
        assertThat(bounds(yaml).getHeight() / line).as("lines of YAML in view").isGreaterThanOrEqualTo(12);
        assertThat(bounds(robot.lookup("#timeline-scroll").query()).getHeight())
                .as("the timeline still shows a lane")
                .isGreaterThanOrEqualTo(100);

        // back to a form: the timeline gets its room again
        robot.interact(() -> forms.getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(bounds(robot.lookup("#timeline-scroll").query()).getHeight()).isGreaterThanOrEqualTo(150);
    }

    private void size(int width, int height) {
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getScene().getWidth()).isEqualTo(width);
    }

    private static Bounds bounds(Node n) {
        return n.localToScene(n.getBoundsInLocal());
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
