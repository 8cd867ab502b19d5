package dev.faultline.app.view.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LttbTest {
    @Test
    void keepsTheEndsAndASpikeWhileDroppingMostPoints() {
        int n = 100_000;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = i;
            ys[i] = Math.sin(i / 1000.0);
        }
        ys[54_321] = 50; // one sample far outside

        int[] idx = Lttb.downsample(xs, ys, n, 600);

        assertThat(idx).hasSize(600);
        assertThat(idx[0]).isZero();
        assertThat(idx[599]).isEqualTo(n - 1);
        assertThat(idx).contains(54_321);
        for (int i = 1; i < idx.length; i++) {
            assertThat(idx[i]).isGreaterThan(idx[i - 1]);
        }
    }

    @Test
    void returnsEveryPointWhenThereAreFewerThanBuckets() {
        assertThat(Lttb.downsample(new double[] {1, 2, 3}, new double[] {1, 5, 1}, 3, 10))
                .containsExactly(0, 1, 2);
    }
}
