package dev.faultline.app.view.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The live chart's time labels stay whole on the canvas, the last one at the right edge included. */
class TimeLabelTest {
    private static final double WIDTH = 600;
    private static final double LABEL = 48; // "10:03:12" at 11 px

    @Test
    void aLabelUnderATickNearTheRightEdgeEndsInsideTheCanvas() {
        double tickAtTheEnd = WIDTH - 14; // the plot's right margin
        double x = LiveChart.timeLabelX(tickAtTheEnd, LABEL, WIDTH);
        assertThat(x + LABEL / 2).isLessThanOrEqualTo(WIDTH);
    }

    @Test
    void aLabelNearTheLeftEdgeStartsInsideAndOneInTheMiddleStaysUnderItsTick() {
        assertThat(LiveChart.timeLabelX(3, LABEL, WIDTH) - LABEL / 2).isGreaterThanOrEqualTo(0);
        assertThat(LiveChart.timeLabelX(300, LABEL, WIDTH)).isEqualTo(300);
    }
}
