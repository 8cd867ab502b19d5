package dev.faultline.engine.run;

import dev.faultline.engine.spi.run.HaltReason;
import dev.faultline.engine.spi.run.RunPhase;
import dev.faultline.engine.spi.run.RunResult;
import java.util.concurrent.CompletableFuture;

/** A run under way: its id, its phase, its result to come, and a way to halt it alone. */
public interface RunHandle {

    String runId();

    RunPhase phase();

    CompletableFuture<RunResult> result();

    /** Halts this run only; returns at once. */
    void halt(HaltReason reason);
}
