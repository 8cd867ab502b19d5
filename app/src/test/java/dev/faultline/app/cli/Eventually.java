package dev.faultline.app.cli;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Bounded polling for the command-line tests, through Awaitility: whether a condition comes true
 * within a time, for tests that put what they saw (a run's output) into the failure message.
 */
final class Eventually {
    private Eventually() {}

    /** Whether {@code condition} holds within {@code within}, asked every {@code every}; false on timeout. */
    static boolean holds(Duration within, Duration every, Callable<Boolean> condition) {
        try {
            await().atMost(within).pollDelay(Duration.ZERO).pollInterval(every).until(condition);
            return true;
        } catch (ConditionTimeoutException timedOut) {
            return false;
        }
    }
}
