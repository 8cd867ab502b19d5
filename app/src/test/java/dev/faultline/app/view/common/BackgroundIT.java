package dev.faultline.app.view.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.concurrent.Task;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A background read that ends after its window was closed: its result and its error are dropped,
 * not shown (UI tests share a JVM and a stage, and a late error dialog landed over the next test).
 */
class BackgroundIT {
    private final FxRobot robot = new FxRobot();
    private final List<Object> delivered = new CopyOnWriteArrayList<>();
    private final CountDownLatch finish = new CountDownLatch(1);
    private Stage stage;

    @BeforeEach
    void show() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            s.setScene(new Scene(new Label("a window"), 300, 200));
            s.show();
        });
    }

    @AfterEach
    void close() throws Exception {
        finish.countDown();
        FxToolkit.cleanupStages();
    }

    /** Starts, on the FX thread, a read that waits for {@link #finish}, then fails or returns. */
    private Task<String> read(boolean fails) {
        AtomicReference<Task<String>> task = new AtomicReference<>();
        robot.interact(() -> task.set(Background.run(
                "test-read",
                () -> {
                    if (!finish.await(20, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("never released");
                    }
                    if (fails) {
                        throw new IllegalStateException("the store is closed");
                    }
                    return "rows";
                },
                delivered::add,
                delivered::add)));
        return task.get();
    }

    private static void awaitDone(Task<?> t) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, t::isDone);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void anErrorForAClosedWindowIsDroppedEvenWhenTheStageIsShownAgain() throws Exception {
        Task<String> t = read(true);
        robot.interact(stage::hide);
        robot.interact(stage::show); // the next test's window: the same stage, shown again
        finish.countDown();
        awaitDone(t);

        assertThat(delivered).isEmpty();
    }

    @Test
    void aResultForAClosedWindowIsDropped() throws Exception {
        Task<String> t = read(false);
        robot.interact(stage::hide);
        finish.countDown();
        awaitDone(t);

        assertThat(delivered).isEmpty();
    }

    @Test
    void whileTheWindowIsOpenResultAndErrorAreDelivered() throws Exception {
        Task<String> ok = read(false);
        Task<String> bad = read(true);
        finish.countDown();
        awaitDone(ok);
        awaitDone(bad);

        assertThat(delivered).hasSize(2).contains("rows");
        assertThat(delivered)
                .anyMatch(x -> x instanceof IllegalStateException e && "the store is closed".equals(e.getMessage()));
    }
}
