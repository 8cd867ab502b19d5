package dev.faultline.app.view.live;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Where the labels of a chart's event marks go (the stop condition's breach, the halt right after it,
 * notes): each on the lowest row where it overlaps no label before it, so none hides another.
 */
final class MarkLabels {
    /** Space kept between two labels on one row, in pixels. */
    static final double GAP = 4;

    private MarkLabels() {}

    /**
     * @param x     where each label starts, in pixels, in any order
     * @param width each label's width, in pixels
     * @return each label's row, from 0 (the lowest), in the order given
     */
    static int[] rows(double[] x, double[] width) {
        int[] row = new int[x.length];
        List<Double> rowEnds = new ArrayList<>();
        int[] byX = IntStream.range(0, x.length)
                .boxed()
                .sorted(Comparator.comparingDouble(i -> x[i]))
                .mapToInt(Integer::intValue)
                .toArray();
        for (int i : byX) {
            int r = 0;
            while (r < rowEnds.size() && rowEnds.get(r) + GAP > x[i]) {
                r++;
            }
            if (r == rowEnds.size()) {
                rowEnds.add(x[i] + width[i]);
            } else {
                rowEnds.set(r, x[i] + width[i]);
            }
            row[i] = r;
        }
        return row;
    }
}
