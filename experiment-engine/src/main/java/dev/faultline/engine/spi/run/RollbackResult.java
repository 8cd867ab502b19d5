package dev.faultline.engine.spi.run;

import java.time.Duration;

/** How a declared rollback went: its exit, how long it took, and the end of its output. */
public record RollbackResult(String name, boolean ok, Duration took, String detail) {}
