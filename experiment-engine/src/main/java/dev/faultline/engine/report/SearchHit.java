package dev.faultline.engine.report;

import java.time.Instant;

/** Where a search term was found: in which kind of record, of which GameDay run or run, and a snippet. */
public record SearchHit(String kind, long id, String subject, Instant at, String snippet) {}
