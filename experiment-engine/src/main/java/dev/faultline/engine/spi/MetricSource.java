package dev.faultline.engine.spi;

/**
 * Reads one probe's value. Created per probe and run, so it may keep state between reads (the
 * previous counter values of a rate or ratio). Called from one thread at a time.
 */
public interface MetricSource extends AutoCloseable {

    /** Reads the value now; throws when the source cannot answer or has no data. */
    double read() throws ProbeException;

    @Override
    default void close() {}
}
