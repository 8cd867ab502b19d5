package dev.faultline.engine.safety;

import dev.faultline.engine.spi.run.HaltReason;

/** Something the kill switch halts: a running experiment. */
public interface Haltable {

    /** Halts; returns at once, never waits on a backend. */
    void halt(HaltReason reason);
}
