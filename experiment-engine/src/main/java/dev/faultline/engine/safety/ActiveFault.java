package dev.faultline.engine.safety;

import dev.faultline.engine.spi.FaultBackend;
import dev.faultline.engine.spi.FaultHandle;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * A fault this process has journaled and is injecting or has injected. The kill switch sees it
 * from the moment it is registered, before the backend call, so a halt during an injection still
 * reverts it: the revert waits (bounded) for the injection call to return, and an injection that
 * returns after its fault was revoked is reverted again by whoever injected it.
 */
public final class ActiveFault {
    private final String journalId;
    private final String runId;
    private final String step;
    private final FaultBackend backend;
    private final FaultHandle handle;
    private final Instant registeredAt;
    private final CompletableFuture<Void> injectCall = new CompletableFuture<>();
    private @Nullable CompletableFuture<RevertOutcome> revert;

    public ActiveFault(
            String journalId,
            String runId,
            String step,
            FaultBackend backend,
            FaultHandle handle,
            Instant registeredAt) {
        this.journalId = Objects.requireNonNull(journalId);
        this.runId = Objects.requireNonNull(runId);
        this.step = Objects.requireNonNull(step);
        this.backend = Objects.requireNonNull(backend);
        this.handle = Objects.requireNonNull(handle);
        this.registeredAt = Objects.requireNonNull(registeredAt);
    }

    public String journalId() {
        return journalId;
    }

    public String runId() {
        return runId;
    }

    public String step() {
        return step;
    }

    public FaultBackend backend() {
        return backend;
    }

    public FaultHandle handle() {
        return handle;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    /** Completed by the injector when the backend's inject call has returned, either way. */
    public CompletableFuture<Void> injectCall() {
        return injectCall;
    }

    /** A revert to wait for; {@code mine} when the caller must carry it out. */
    record RevertAttempt(CompletableFuture<RevertOutcome> outcome, boolean mine) {}

    /**
     * Starts a revert unless one is under way or has succeeded; a revert that failed may be
     * tried again (a second press of the kill switch retries what the first could not revert).
     */
    synchronized RevertAttempt beginRevert() {
        if (revert != null && !(revert.isDone() && !revert.join().reverted())) {
            return new RevertAttempt(revert, false);
        }
        revert = new CompletableFuture<>();
        return new RevertAttempt(revert, true);
    }

    /** Whether a revert was started: an injection returning after this must revert again. */
    public synchronized boolean isRevoked() {
        return revert != null;
    }

    @Override
    public String toString() {
        return handle.description() + " [" + step + "]";
    }
}
