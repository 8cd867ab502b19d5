package dev.faultline.plugin.slack;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tries a call to Slack up to {@code attempts} times: after a 429 it waits what Retry-After says
 * (when that is longer than {@code longestRetryAfter} it gives up at once: the message is kept as
 * undelivered), after a timeout or 5xx it backs off 1 s, 2 s, 4 s; an error no retry can fix
 * ({@code invalid_auth}, {@code channel_not_found}) fails at once. Runs on the notifier's thread only.
 */
final class Delivery {
    private static final Logger log = LoggerFactory.getLogger(Delivery.class);

    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    interface Attempt<T> {
        T run() throws SlackFailure;
    }

    private final int attempts;
    private final Duration longestRetryAfter;
    private final Sleeper sleeper;

    Delivery(int attempts, Duration longestRetryAfter, Sleeper sleeper) {
        this.attempts = attempts;
        this.longestRetryAfter = longestRetryAfter;
        this.sleeper = sleeper;
    }

    <T> T deliver(String what, Attempt<T> attempt) throws SlackFailure {
        SlackFailure last = null;
        for (int i = 1; i <= attempts; i++) {
            try {
                return attempt.run();
            } catch (SlackFailure f) {
                last = f;
                if (!f.retryable() || i == attempts) {
                    break;
                }
                Duration wait = f.retryAfter() != null ? f.retryAfter() : Duration.ofSeconds(1L << (i - 1));
                if (wait.compareTo(longestRetryAfter) > 0) {
                    throw new SlackFailure(
                            f.code(),
                            f.getMessage() + "; Slack asked to wait " + wait.toSeconds() + " s, longer than the "
                                    + longestRetryAfter.toSeconds() + " s Faultline waits",
                            false,
                            null);
                }
                log.info(
                        "Slack: {} failed ({}); attempt {} of {} in {} ms",
                        what,
                        f.getMessage(),
                        i + 1,
                        attempts,
                        wait.toMillis());
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw last;
    }
}
