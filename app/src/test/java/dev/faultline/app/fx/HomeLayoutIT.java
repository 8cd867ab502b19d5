package dev.faultline.app.fx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.app.Composition;
import dev.faultline.engine.env.FaultlineHome;
import dev.faultline.engine.store.FaultlineStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Home in the real window at 1024x700 and 1440x900, as a leader reads it after a few GameDays: every
 * line of the shipped runbooks, the GameDays and the backends is drawn whole (wrapped, never cut to
 * "…" or run off to a sideways scroll bar).
 */
class HomeLayoutIT {
    static final String LONG_TITLE =
            "First GameDay on the practice shop with the payments, inventory and database teams together";

    @TempDir
    Path home;

    private Composition composition;
    private AppWindow window;
    private final FxRobot robot = new FxRobot();

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
    void homesListsAreReadWhole(int width, int height) throws Exception {
        composition = new Composition(new FaultlineHome(home));
        FaultlineStore store = composition.store();
        Instant t0 = Instant.parse("2026-12-06T11:00:00Z");
        long day = store.gameDays().saveGameDay("payments", LONG_TITLE, "kind: GameDay", "sha-1");
        for (int i = 1; i <= 2; i++) {
            store.gameDays().createRun("gd-" + i, day, "sandbox", t0.plusSeconds(3600L * i));
            store.gameDays().finishRun("gd-" + i, "COMPLETED", t0.plusSeconds(3600L * i + 600), "");
        }
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            window = new AppWindow(composition, s);
            window.show();
            s.setWidth(width);
            s.setHeight(height);
        });
        ListView<?> backends = robot.lookup("#backends").queryListView();
        ListView<?> days = robot.lookup("#gamedays").queryListView();
        waitFor("the backends are checked", () -> backends.getItems().size() >= 2, 30);
        waitFor("the GameDays are read", () -> days.getItems().size() >= 2, 30);
        assertThat(stage.getScene().getWidth()).isEqualTo(width);

        List<String> lists = List.of("#runbooks", "#gamedays", "#backends");
        for (String list : lists) {
            ListView<?> l = robot.lookup(list).queryListView();
            Bounds shown = bounds(l);
            List<ListCell<?>> cells = robot.lookup(list + " .list-cell").queryAll().stream()
                    .<ListCell<?>>map(n -> (ListCell<?>) n)
                    .filter(c -> c.isVisible() && !c.isEmpty() && c.getText() != null)
                    .toList();
            assertThat(cells).as(list + "'s lines").isNotEmpty();
            for (ListCell<?> c : cells) {
                Text drawn = (Text) c.lookup(".text");
                assertThat(drawn.getText().replace("\n", " ").replaceAll(" +", " "))
                        .as(list + ": the line as drawn, in a cell " + c.getWidth() + " x " + c.getHeight() + " (pref "
                                + c.getPrefWidth() + " x " + c.prefHeight(c.getWidth()) + ") in a list " + l.getWidth()
                                + " wide")
                        .isEqualTo(c.getText().replaceAll(" +", " "));
                assertThat(bounds(drawn).getMaxX())
                        .as(list + ": the line '" + c.getText() + "' ends inside the list")
                        .isLessThanOrEqualTo(shown.getMaxX());
            }
            assertThat(l.lookupAll(".scroll-bar").stream()
                            .map(n -> (ScrollBar) n)
                            .filter(b -> b.getOrientation() == Orientation.HORIZONTAL && b.isVisible()))
                    .as(list + " scrolls sideways")
                    .isEmpty();
        }
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
