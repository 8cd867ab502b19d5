package dev.faultline.app.view.live;

import java.util.Arrays;

/**
 * The samples of one probe for the chart, in bounded memory: up to {@code capacity} points are kept
 * as they came; when full, every pair of neighbours is merged into the one that deviates more
 * (the way a person would want a spike kept), so a 4-hour GameDay at 1 s resolution or a week of
 * samples both fit. Not thread-safe: owned by the FX thread.
 */
public final class ProbeSeries {
    private final double[] xs;
    private final double[] ys;
    private int size;
    private long total;

    public ProbeSeries(int capacity) {
        if (capacity < 16 || capacity % 2 != 0) {
            throw new IllegalArgumentException("capacity must be even and at least 16");
        }
        xs = new double[capacity];
        ys = new double[capacity];
    }

    /** @param x milliseconds since the run started; ascending */
    public void add(double x, double y) {
        if (size == xs.length) {
            compact();
        }
        xs[size] = x;
        ys[size] = y;
        size++;
        total++;
    }

    private void compact() {
        double mean = 0;
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (!Double.isNaN(ys[i])) {
                mean += ys[i];
                n++;
            }
        }
        mean = n == 0 ? 0 : mean / n;
        int out = 0;
        for (int i = 0; i + 1 < size; i += 2) {
            int keep;
            if (Double.isNaN(ys[i]) || Double.isNaN(ys[i + 1])) {
                keep = Double.isNaN(ys[i]) ? i : i + 1; // a failed read is something to see
            } else {
                keep = Math.abs(ys[i + 1] - mean) > Math.abs(ys[i] - mean) ? i + 1 : i;
            }
            xs[out] = xs[keep];
            ys[out] = ys[keep];
            out++;
        }
        size = out;
    }

    public int size() {
        return size;
    }

    /** Every sample ever added, including those merged away. */
    public long total() {
        return total;
    }

    public double lastX() {
        return size == 0 ? 0 : xs[size - 1];
    }

    public double lastY() {
        return size == 0 ? Double.NaN : ys[size - 1];
    }

    /** The points to draw: at most {@code points}, chosen by LTTB. Returns {xs, ys}. */
    public double[][] decimated(int points) {
        int[] idx = Lttb.downsample(xs, ys, size, Math.max(3, points));
        double[] dx = new double[idx.length];
        double[] dy = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            dx[i] = xs[idx[i]];
            dy[i] = ys[idx[i]];
        }
        return new double[][] {dx, dy};
    }

    /** Bytes the series holds, for the memory benchmark. */
    public long retainedBytes() {
        return 16L * xs.length + 32;
    }

    @Override
    public String toString() {
        return "ProbeSeries[" + size + " of " + total + ", last " + Arrays.toString(new double[] {lastX(), lastY()})
                + "]";
    }
}
