package dev.faultline.app.view.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProbeSeriesTest {
    @Test
    void staysWithinItsCapacityAndKeepsTheSpikesWhenAFourHourRunComesIn() {
        ProbeSeries s = new ProbeSeries(1024);
        int fourHours = 4 * 3600;
        for (int i = 0; i < fourHours; i++) {
            s.add(i * 1000.0, i == 9_999 ? 42.0 : 1.0);
        }

        assertThat(s.size()).isLessThanOrEqualTo(1024);
        assertThat(s.total()).isEqualTo(fourHours);
        double[][] points = s.decimated(300);
        assertThat(points[1]).contains(42.0);
        assertThat(points[0][points[0].length - 1]).isEqualTo((fourHours - 1) * 1000.0);
    }

    @Test
    void aFailedReadSurvivesCompaction() {
        ProbeSeries s = new ProbeSeries(16);
        for (int i = 0; i < 40; i++) {
            s.add(i, i == 20 ? Double.NaN : 1);
        }
        double[][] all = s.decimated(1000);
        assertThat(all[1]).matches(a -> java.util.Arrays.stream(a).anyMatch(Double::isNaN));
    }
}
