package dev.faultline.app.view.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The score trend's time labels are as fine as the runs are apart, in the user's zone. */
class TrendTicksTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant RUN = Instant.parse("2026-12-07T10:34:58Z");

    @Test
    void runsWithinADayAreLabelledByTheirTimeWithinAWeekByDayAndTimeBeyondByDay() {
        // a schedule every minute: eight runs in twelve minutes read 11:34, 11:36 … not "7 Dec" eight times
        assertThat(TrendTicks.spanning(Duration.ofMinutes(12), BERLIN).label(RUN))
                .isEqualTo("11:34");
        assertThat(TrendTicks.spanning(Duration.ZERO, BERLIN).label(RUN)).isEqualTo("11:34");
        assertThat(TrendTicks.spanning(Duration.ofHours(23), BERLIN).label(RUN)).isEqualTo("11:34");
        // nightly for three days
        assertThat(TrendTicks.spanning(Duration.ofDays(3), BERLIN).label(RUN)).isEqualTo("7 Dec 11:34");
        // weekly
        assertThat(TrendTicks.spanning(Duration.ofDays(28), BERLIN).label(RUN)).isEqualTo("7 Dec");
        assertThat(TrendTicks.spanning(Duration.ofDays(28), ZoneId.of("Pacific/Auckland"))
                        .label(RUN))
                .isEqualTo("7 Dec");
        assertThat(TrendTicks.spanning(Duration.ofHours(1), ZoneId.of("Pacific/Auckland"))
                        .label(RUN))
                .isEqualTo("23:34");
    }
}
