package dev.faultline.engine.spi.run;

/** The phases of a run, in the seed's order. */
public enum RunPhase {
    PENDING,
    /** Backends reachable, targets present, blast radius within limits, probes readable. */
    PREFLIGHT,
    /** Waiting for the system to settle before measuring. */
    WARMUP,
    /** The hypothesis must hold before anything is injected. */
    BASELINE,
    /** Faults injected along the timeline while probes are observed. */
    INJECT,
    /** Every fault still active is reverted. */
    ROLLBACK,
    /** The system gets time to recover; probes keep sampling. */
    RECOVERY,
    /** The final verification: the hypothesis must hold again. */
    VERIFY,
    DONE
}
