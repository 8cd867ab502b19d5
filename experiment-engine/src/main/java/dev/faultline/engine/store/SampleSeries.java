package dev.faultline.engine.store;

import java.util.Arrays;

/**
 * One probe's samples of a run as a time series, what a report draws: {@code at} in epoch
 * milliseconds, in time order, and the values (NaN where the read failed).
 */
public record SampleSeries(String probe, long[] at, double[] values) {
    public int size() {
        return at.length;
    }

    /** Collects one probe's samples as they come, in time order. */
    static final class Builder {
        private final String probe;
        private long[] at = new long[256];
        private double[] values = new double[256];
        private int size;

        Builder(String probe) {
            this.probe = probe;
        }

        void add(long atMillis, double value) {
            if (size == at.length) {
                at = Arrays.copyOf(at, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            at[size] = atMillis;
            values[size] = value;
            size++;
        }

        SampleSeries build() {
            return new SampleSeries(probe, Arrays.copyOf(at, size), Arrays.copyOf(values, size));
        }
    }
}
