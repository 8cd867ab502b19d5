package dev.faultline.engine.store;

import java.time.Instant;

/** One stored event of a run: its order, time, type and a line of text. */
public record EventRecord(String runId, long seq, Instant at, String type, String text) {}
