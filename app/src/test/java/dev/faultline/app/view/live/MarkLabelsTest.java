package dev.faultline.app.view.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkLabelsTest {
    @Test
    void aHaltRightAfterTheBreachGoesOnTheRowAbove() {
        // the stop condition "orders-failing" breached at x=300, the halt 2 px later
        int[] rows = MarkLabels.rows(new double[] {300, 302}, new double[] {80, 24});

        assertThat(rows).containsExactly(0, 1);
    }

    @Test
    void labelsFarApartShareTheLowestRow() {
        int[] rows = MarkLabels.rows(new double[] {100, 400, 190}, new double[] {80, 24, 30});

        assertThat(rows).containsExactly(0, 0, 0);
    }

    @Test
    void aRowFreedAgainIsUsedAgainAndTheOrderGivenDoesNotMatter() {
        // given out of order: the note at 150 fits after "breach" (100..140), the halt at 120 does not
        int[] rows = MarkLabels.rows(new double[] {150, 100, 120}, new double[] {40, 40, 20});

        assertThat(rows).containsExactly(0, 0, 1);
    }
}
