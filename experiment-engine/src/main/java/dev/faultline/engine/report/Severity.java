package dev.faultline.engine.report;

/** How much a finding matters. */
public enum Severity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
}
