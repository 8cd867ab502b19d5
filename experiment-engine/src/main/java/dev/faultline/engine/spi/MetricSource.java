package dev.faultline.engine.spi;

/**
 * Reads one probe's value. Created per probe and run, so it may keep state between reads (the
 * previous counter values of a rate or ratio). Called from one thread at a time.
 */
public interface MetricSource extends AutoCloseable {

    /** Reads the value now; throws when the source cannot answer or has no data. */
    double read() throws ProbeException;

    /**
     * Starts the window the next {@link #read()} covers. Called once when the run's warm-up begins,
     * so that a source whose value is an increase (a rate, a ratio of counters, a quantile of a
     * histogram) measures its first sample over the warm-up, not over everything the service has
     * counted since it started (a cold start's errors would otherwise fail the baseline). Sources
     * without such state do nothing. A failure here is not reported: the next read meets it.
     */
    default void mark() throws ProbeException {}

    @Override
    default void close() {}
}
