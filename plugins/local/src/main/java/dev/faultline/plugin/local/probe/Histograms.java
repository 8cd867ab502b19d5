package dev.faultline.plugin.local.probe;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Histogram buckets and quantiles as PromQL's {@code histogram_quantile} computes them. */
final class Histograms {
    private Histograms() {}

    /** Cumulative bucket counts by upper bound, summed over every series of {@code histogram}. */
    static TreeMap<Double, Double> buckets(List<Exposition.Sample> samples, String histogram) {
        TreeMap<Double, Double> out = new TreeMap<>();
        String name = histogram + "_bucket";
        for (Exposition.Sample s : samples) {
            String le = s.labels().get("le");
            if (s.name().equals(name) && le != null) {
                double bound = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
                out.merge(bound, s.value(), Double::sum);
            }
        }
        return out;
    }

    static TreeMap<Double, Double> minus(TreeMap<Double, Double> now, Map<Double, Double> before) {
        TreeMap<Double, Double> out = new TreeMap<>();
        boolean reset = now.entrySet().stream().anyMatch(e -> e.getValue() < before.getOrDefault(e.getKey(), 0.0));
        now.forEach((k, v) -> out.put(k, reset ? v : v - before.getOrDefault(k, 0.0)));
        return out;
    }

    /** The q-quantile, interpolating linearly inside its bucket; NaN without observations. */
    static double quantile(double q, TreeMap<Double, Double> cumulative) {
        if (cumulative.isEmpty()) {
            return Double.NaN;
        }
        double total = cumulative.lastEntry().getValue();
        if (total <= 0) {
            return Double.NaN;
        }
        double rank = q * total;
        double lowerBound = 0;
        double lowerCount = 0;
        for (Map.Entry<Double, Double> b : cumulative.entrySet()) {
            if (b.getValue() >= rank) {
                if (b.getKey().isInfinite()) {
                    return lowerBound; // as PromQL: the highest finite bound
                }
                double inBucket = b.getValue() - lowerCount;
                return inBucket <= 0
                        ? b.getKey()
                        : lowerBound + (b.getKey() - lowerBound) * (rank - lowerCount) / inBucket;
            }
            lowerBound = b.getKey();
            lowerCount = b.getValue();
        }
        return lowerBound;
    }
}
