package dev.faultline.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.report.Report;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;

/** A long run's line on a chart: reduced to what the chart can show, with its spikes, drawn as one path. */
class ProbeChartLineTest {
    private static final long T0 = 1_796_000_000_000L;
    private static final int FOUR_HOURS_AT_1S = 4 * 3600;

    /** Four hours at 1 s around 120 ms, with one sample at 900 ms and one at 5 ms. */
    private static Report.Series fourHoursWithASpikeAndADip() {
        long[] at = new long[FOUR_HOURS_AT_1S];
        double[] v = new double[FOUR_HOURS_AT_1S];
        for (int i = 0; i < at.length; i++) {
            at[i] = T0 + i * 1000L;
            v[i] = 110 + (i * 7919 % 23);
        }
        v[7777] = 900;
        v[3333] = 5;
        return new Report.Series("p99", "< 200ms", Double.NEGATIVE_INFINITY, 200, at, v);
    }

    @Test
    void aOneSampleSpikeAndDipSurviveTheReduction() {
        XYSeries line = new XYSeries("p99", false, true);
        ProbeChart.reduce(fourHoursWithASpikeAndADip(), line);
        assertThat(line.getItemCount()).isLessThanOrEqualTo(2 * ProbeChart.BUCKETS);
        assertThat(line.getMaxY()).isEqualTo(900);
        assertThat(line.getMinY()).isEqualTo(5);
        int spike = line.indexOf((double) (T0 + 7777 * 1000L));
        assertThat(spike).isNotNegative();
        assertThat(line.getY(spike).doubleValue()).isEqualTo(900);
    }

    @Test
    void theLineIsOnePathNotOneShapePerSegment() {
        String svg = ProbeChart.svg(fourHoursWithASpikeAndADip(), List.of(), ZoneId.of("UTC"), 900, 220);
        long stroked = Pattern.compile("stroke(?::\\s*|=\")rgb\\(\\s*31,\\s*86,\\s*160\\s*\\)")
                .matcher(svg)
                .results()
                .count();
        assertThat(stroked).isEqualTo(1);
    }
}
