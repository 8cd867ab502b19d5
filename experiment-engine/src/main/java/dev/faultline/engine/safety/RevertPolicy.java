package dev.faultline.engine.safety;

import java.time.Duration;

/**
 * How hard a revert tries before it gives up and asks a person.
 *
 * @param injectWait   how long a revert waits for a concurrent injection call to return first
 * @param callTimeout  the longest one backend call may take
 * @param attempts     revert calls before the backend's reset fallback is tried
 * @param backoff      pause between attempts
 * @param verifyWithin how long to keep checking that the effect really stopped
 */
public record RevertPolicy(
        Duration injectWait, Duration callTimeout, int attempts, Duration backoff, Duration verifyWithin) {
    public static final RevertPolicy DEFAULT = new RevertPolicy(
            Duration.ofSeconds(2), Duration.ofSeconds(5), 3, Duration.ofMillis(200), Duration.ofSeconds(5));

    public RevertPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("at least one attempt");
        }
    }
}
