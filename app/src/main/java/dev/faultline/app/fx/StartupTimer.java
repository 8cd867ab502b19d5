package dev.faultline.app.fx;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures the time to an interactive window: from the JVM's start to the first frame rendered
 * after the window is shown. Logged always; with {@code -Dfaultline.measureStartup=true} printed
 * with the time of each stage of the start before it ({@link #mark}: the JVM's uptime and the CPU time
 * its threads used until then) and the wall-clock time of
 * that frame (for a harness that knows when it launched the app), and the app exits, for the
 * benchmark.
 */
public final class StartupTimer {
    private static final boolean MEASURING = Boolean.getBoolean("faultline.measureStartup");
    private static final List<String> stages = new ArrayList<>();

    private StartupTimer() {}

    /** Notes that a stage of the start ended now (kept only while measuring). */
    public static synchronized void mark(String stage) {
        if (MEASURING) {
            long cpu =
                    ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                            ? os.getProcessCpuTime() / 1_000_000
                            : -1;
            stages.add(stage + " " + ManagementFactory.getRuntimeMXBean().getUptime() + "/" + cpu);
        }
    }

    /** The first frame after the window was shown is drawn (on the FX thread): logged, and printed while measuring. */
    static void firstFrameDrawn() {
        long at = System.currentTimeMillis();
        long ms = at - ManagementFactory.getRuntimeMXBean().getStartTime();
        Logger log = LoggerFactory.getLogger(StartupTimer.class);
        log.info("interactive window after {} ms from JVM start", ms);
        if (MEASURING) {
            mark("first-frame");
            synchronized (StartupTimer.class) {
                System.out.println("faultline: stages (ms of JVM uptime/of CPU): " + String.join(", ", stages));
            }
            System.out.println("faultline: interactive window after " + ms + " ms from JVM start, at " + at + " ms");
            javafx.application.Platform.exit();
        }
    }
}
