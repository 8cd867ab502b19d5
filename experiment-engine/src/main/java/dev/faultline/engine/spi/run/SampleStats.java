package dev.faultline.engine.spi.run;

import java.util.List;

/** Summary of a probe's samples in one phase. Means and extremes are NaN without readable samples. */
public record SampleStats(int count, int failedReads, int outside, double mean, double min, double max) {

    public static final SampleStats EMPTY = new SampleStats(0, 0, 0, Double.NaN, Double.NaN, Double.NaN);

    public static SampleStats of(List<ProbeSample> samples) {
        if (samples.isEmpty()) {
            return EMPTY;
        }
        int failed = 0;
        int outside = 0;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int n = 0;
        for (ProbeSample s : samples) {
            if (!s.within()) {
                outside++;
            }
            if (!s.ok()) {
                failed++;
                continue;
            }
            n++;
            sum += s.value();
            min = Math.min(min, s.value());
            max = Math.max(max, s.value());
        }
        return n == 0
                ? new SampleStats(samples.size(), failed, outside, Double.NaN, Double.NaN, Double.NaN)
                : new SampleStats(samples.size(), failed, outside, sum / n, min, max);
    }

    /** Share of samples outside the tolerance (failed reads count as outside). */
    public double shareOutside() {
        return count == 0 ? 0 : (double) outside / count;
    }

    public boolean allWithin() {
        return count > 0 && outside == 0;
    }
}
