package dev.faultline.app.view.live;

/**
 * Largest-Triangle-Three-Buckets down-sampling (Steinarsson, 2013): keeps the first and last point
 * and, from each bucket in between, the point that makes the largest triangle with its neighbours,
 * so peaks and dips a person must see survive while a chart draws a few hundred points instead of
 * a hundred thousand. Written here because it is 40 lines and no well-kept Java library offers it
 * without pulling in a charting stack of its own.
 */
public final class Lttb {
    private Lttb() {}

    /**
     * @param xs      x values, ascending, {@code count} of them used
     * @param ys      y values; NaN points (failed reads) are kept only if chosen as the bucket's point
     * @param count   how many points of the arrays are used
     * @param buckets how many points the result has at most (at least 3)
     * @return the chosen points' indexes, ascending
     */
    public static int[] downsample(double[] xs, double[] ys, int count, int buckets) {
        if (buckets < 3) {
            throw new IllegalArgumentException("LTTB needs at least 3 buckets");
        }
        if (count <= buckets) {
            int[] all = new int[count];
            for (int i = 0; i < count; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] chosen = new int[buckets];
        chosen[0] = 0;
        double every = (double) (count - 2) / (buckets - 2);
        int a = 0;
        for (int b = 0; b < buckets - 2; b++) {
            int nextStart = (int) Math.floor((b + 1) * every) + 1;
            int nextEnd = Math.min((int) Math.floor((b + 2) * every) + 1, count);
            double avgX = 0;
            double avgY = 0;
            int n = 0;
            for (int i = nextStart; i < nextEnd; i++) {
                if (!Double.isNaN(ys[i])) {
                    avgX += xs[i];
                    avgY += ys[i];
                    n++;
                }
            }
            if (n > 0) {
                avgX /= n;
                avgY /= n;
            } else {
                avgX = xs[Math.min(nextStart, count - 1)];
                avgY = ys[a];
            }
            int start = (int) Math.floor(b * every) + 1;
            int end = (int) Math.floor((b + 1) * every) + 1;
            double best = -1;
            int pick = start;
            for (int i = start; i < end; i++) {
                double y = Double.isNaN(ys[i]) ? avgY : ys[i];
                double area = Math.abs((xs[a] - avgX) * (y - ys[a]) - (xs[a] - xs[i]) * (avgY - ys[a]));
                if (area > best) {
                    best = area;
                    pick = i;
                }
            }
            chosen[b + 1] = pick;
            a = pick;
        }
        chosen[buckets - 1] = count - 1;
        return chosen;
    }
}
