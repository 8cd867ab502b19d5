package dev.faultline.app.fx;

import java.lang.management.ManagementFactory;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures the time to an interactive window: from the JVM's start to the first frame rendered
 * after the window is shown. Logged always; with {@code -Dfaultline.measureStartup=true} printed
 * and the app exits, for the benchmark.
 */
final class StartupTimer {
    private static final Logger log = LoggerFactory.getLogger(StartupTimer.class);

    private StartupTimer() {}

    static void shown(Scene scene) {
        new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                if (++frames < 2) {
                    return; // the second pulse comes after the first frame was drawn
                }
                stop();
                long ms = System.currentTimeMillis()
                        - ManagementFactory.getRuntimeMXBean().getStartTime();
                log.info("interactive window after {} ms from JVM start", ms);
                if (Boolean.getBoolean("faultline.measureStartup")) {
                    System.out.println("faultline: interactive window after " + ms + " ms from JVM start");
                    javafx.application.Platform.exit();
                }
            }
        }.start();
    }
}
