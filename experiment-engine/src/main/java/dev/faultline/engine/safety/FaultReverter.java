package dev.faultline.engine.safety;

import dev.faultline.engine.spi.FaultBackend;
import dev.faultline.engine.spi.FaultHandle;
import dev.faultline.engine.spi.FaultReset;
import dev.faultline.engine.spi.FaultVerification;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reverts one fault as surely as it can: the revert call with a timeout and retries, the backend's
 * reset fallback when every attempt failed, then a check that the effect really stopped. Blocking;
 * callers run it on a revert thread.
 */
public final class FaultReverter {
    private static final Logger log = LoggerFactory.getLogger(FaultReverter.class);

    private final BackendCalls calls;
    private final RevertPolicy policy;
    private final Clock clock;

    public FaultReverter(BackendCalls calls, RevertPolicy policy, Clock clock) {
        this.calls = calls;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * @param since when the fault was meant to end (halt or planned end): recovery time counts from it
     */
    public RevertOutcome revert(FaultBackend backend, FaultHandle handle, String step, Instant since) {
        String failure = attemptRevert(backend, handle);
        boolean reverted = failure.isEmpty();
        String how = "reverted";
        if (!reverted && backend instanceof FaultReset reset) {
            try {
                String what = calls.call(reset::resetAll, policy.callTimeout());
                reverted = true;
                how = "revert failed (" + failure + "); backend reset instead: " + what;
                log.warn("{}: {}", handle.description(), how);
            } catch (Exception e) {
                failure = failure + "; reset fallback failed too: " + message(e);
            }
        }
        if (!reverted) {
            log.error("could not revert {}: {}", handle.description(), failure);
            return new RevertOutcome(
                    handle,
                    step,
                    false,
                    false,
                    elapsed(since),
                    "could not revert: " + failure,
                    backend.manualCleanup(handle));
        }
        return verify(backend, handle, step, since, how);
    }

    private String attemptRevert(FaultBackend backend, FaultHandle handle) {
        String failure = "";
        for (int attempt = 1; attempt <= policy.attempts(); attempt++) {
            try {
                calls.call(
                        () -> {
                            backend.revert(handle);
                            return null;
                        },
                        policy.callTimeout());
                return "";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            } catch (Exception e) {
                failure = "attempt " + attempt + ": " + message(e);
                log.warn("revert of {} failed, {}", handle.description(), failure);
                if (attempt < policy.attempts() && !pause(policy.backoff())) {
                    return failure + " (interrupted)";
                }
            }
        }
        return failure;
    }

    private RevertOutcome verify(FaultBackend backend, FaultHandle handle, String step, Instant since, String how) {
        if (!(backend instanceof FaultVerification verification)) {
            return new RevertOutcome(
                    handle,
                    step,
                    true,
                    false,
                    elapsed(since),
                    how + "; backend '" + backend.id() + "' cannot confirm the effect stopped",
                    "check by hand: " + backend.manualCleanup(handle));
        }
        Instant deadline = clock.instant().plus(policy.verifyWithin());
        String last = "";
        do {
            try {
                FaultVerification.Verification v =
                        calls.call(() -> verification.verifyGone(handle), policy.callTimeout());
                if (v.gone()) {
                    return new RevertOutcome(
                            handle, step, true, true, elapsed(since), how + "; confirmed gone: " + v.detail(), "");
                }
                last = v.detail();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                last = "interrupted";
                break;
            } catch (Exception e) {
                last = message(e);
            }
        } while (clock.instant().isBefore(deadline) && pause(Duration.ofMillis(50)));
        return new RevertOutcome(
                handle,
                step,
                true,
                false,
                elapsed(since),
                how + "; NOT confirmed gone: " + last,
                backend.manualCleanup(handle));
    }

    private Duration elapsed(Instant since) {
        Duration d = Duration.between(since, clock.instant());
        return d.isNegative() ? Duration.ZERO : d;
    }

    private static boolean pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
