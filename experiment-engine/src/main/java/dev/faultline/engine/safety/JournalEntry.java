package dev.faultline.engine.safety;

import dev.faultline.engine.spi.BackendSettings;
import dev.faultline.engine.spi.FaultHandle;
import java.time.Instant;
import java.util.Objects;

/**
 * A fault Faultline meant to inject, as the journal keeps it: enough to revert it from any process.
 *
 * @param id    unique journal id
 * @param state the last state written for it
 */
public record JournalEntry(
        String id,
        Instant at,
        ProcessOwner owner,
        String runId,
        String step,
        BackendSettings settings,
        FaultHandle handle,
        State state) {
    public JournalEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(state, "state");
    }

    public enum State {
        /** Written before the fault was sent: it may or may not be in effect. */
        INTENDED,
        /** The backend confirmed the injection. */
        INJECTED,
        /** Reverted (and, where the backend can tell, confirmed gone). */
        REVERTED;

        public boolean isOpen() {
            return this != REVERTED;
        }
    }

    JournalEntry withState(State next) {
        return new JournalEntry(id, at, owner, runId, step, settings, handle, next);
    }
}
