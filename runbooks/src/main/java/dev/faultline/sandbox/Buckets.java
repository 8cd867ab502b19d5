package dev.faultline.sandbox;

/** Histogram buckets for latencies from 5 ms to 5 s, in seconds. */
final class Buckets {
    static final double[] LATENCY = {0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2.5, 5};

    private Buckets() {}
}
