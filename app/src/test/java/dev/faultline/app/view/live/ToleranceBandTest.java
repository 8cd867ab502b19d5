package dev.faultline.app.view.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.model.Tolerance;
import org.junit.jupiter.api.Test;

class ToleranceBandTest {
    @Test
    void eachKindOfToleranceShadesTheValuesItAccepts() {
        assertThat(ToleranceBand.of(new Tolerance.Threshold(Tolerance.Op.GE, 0.9)))
                .isEqualTo(new ToleranceBand(0.9, Double.POSITIVE_INFINITY));
        assertThat(ToleranceBand.of(new Tolerance.Threshold(Tolerance.Op.LT, 1500)))
                .isEqualTo(new ToleranceBand(Double.NEGATIVE_INFINITY, 1500));
        assertThat(ToleranceBand.of(new Tolerance.Range(150, 250))).isEqualTo(new ToleranceBand(150, 250));
        assertThat(ToleranceBand.of(new Tolerance.Near(200, 50))).isEqualTo(new ToleranceBand(150, 250));
        assertThat(new ToleranceBand(0.9, Double.POSITIVE_INFINITY).clip(0, 1)).isEqualTo(new ToleranceBand(0.9, 1));
    }
}
