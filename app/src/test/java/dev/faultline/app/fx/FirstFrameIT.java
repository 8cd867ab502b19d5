package dev.faultline.app.fx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.app.Composition;
import dev.faultline.engine.env.FaultlineHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/**
 * The window's first reads wait for its first frame: made, the window opens no database (it did at
 * once, from Home's team-runs pane, and took the cores from the first layout); shown, it does.
 */
class FirstFrameIT {
    @TempDir
    Path home;

    private Composition composition;
    private AppWindow window;

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

    @Test
    void theDatabaseIsOpenedOnlyOnceTheWindowIsDrawn() throws Exception {
        composition = new Composition(new FaultlineHome(home));
        Path database = home.resolve("faultline.mv.db");
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> window = new AppWindow(composition, s));

        assertThat(appearsWithin(database, Duration.ofSeconds(10)))
                .as("the database opened before the window was shown")
                .isFalse();

        FxToolkit.setupFixture(() -> window.show());
        assertThat(appearsWithin(database, Duration.ofSeconds(60)))
                .as("the database opened once the window was drawn")
                .isTrue();
    }

    /** Whether {@code file} exists within {@code limit} (looked for every 100 ms). */
    private static boolean appearsWithin(Path file, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (Files.exists(file)) {
                return true;
            }
            Thread.sleep(100);
        }
        return Files.exists(file);
    }
}
