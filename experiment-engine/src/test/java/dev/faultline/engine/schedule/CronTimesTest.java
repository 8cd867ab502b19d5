package dev.faultline.engine.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CronTimesTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static List<Instant> times(String cron, String from, int n) {
        CronTimes c = CronTimes.parse(cron);
        List<Instant> out = new ArrayList<>();
        Instant t = Instant.parse(from);
        for (int i = 0; i < n; i++) {
            t = c.next(t, BERLIN).orElseThrow();
            out.add(t);
        }
        return out;
    }

    @Test
    void nineInTheMorningStaysNineInBerlinAcrossBothDaylightSavingChanges() {
        // last Sunday of March 2026 is the 29th (CET -> CEST), of October the 25th (CEST -> CET)
        assertThat(times("0 9 * * *", "2026-03-27T12:00:00Z", 3))
                .containsExactly(
                        Instant.parse("2026-03-28T08:00:00Z"),
                        Instant.parse("2026-03-29T07:00:00Z"),
                        Instant.parse("2026-03-30T07:00:00Z"));
        assertThat(times("0 9 * * *", "2026-10-23T12:00:00Z", 3))
                .containsExactly(
                        Instant.parse("2026-10-24T07:00:00Z"),
                        Instant.parse("2026-10-25T08:00:00Z"),
                        Instant.parse("2026-10-26T08:00:00Z"));
    }

    @Test
    void aTimeRepeatedWhenClocksGoBackRunsOnceAndATimeTheyJumpOverDoesNotRunThatDay() {
        // 02:30 happens twice on 25 October (CEST, then CET): one run, at the first
        assertThat(times("30 2 * * *", "2026-10-24T12:00:00Z", 2))
                .containsExactly(Instant.parse("2026-10-25T00:30:00Z"), Instant.parse("2026-10-26T01:30:00Z"));
        // 02:30 does not exist on 29 March: cron-utils passes over it to the next day (documented in docs/cli.md)
        assertThat(times("30 2 * * *", "2026-03-28T12:00:00Z", 2))
                .containsExactly(Instant.parse("2026-03-30T00:30:00Z"), Instant.parse("2026-03-31T00:30:00Z"));
    }

    @Test
    void anHourlyScheduleRunsEveryRealHourThroughTheChanges() {
        assertThat(times("0 * * * *", "2026-10-24T23:30:00Z", 3))
                .containsExactly(
                        Instant.parse("2026-10-25T00:00:00Z"),
                        Instant.parse("2026-10-25T01:00:00Z"),
                        Instant.parse("2026-10-25T02:00:00Z"));
    }

    @Test
    void aBadExpressionIsRefusedInOneLineSayingTheShape() {
        assertThatThrownBy(() -> CronTimes.parse("61 * * * *"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'61 * * * *' is not valid")
                .hasMessageContaining("minute hour day-of-month month day-of-week")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> CronTimes.parse("* * *")).hasMessageContaining("is not valid");
    }

    @Test
    void windowsAndSkippedDaysAreJudgedInTheSchedulesZone() {
        Schedule s = new Schedule(
                "weekday-mornings",
                "/r.yaml",
                CronTimes.parse("0 * * * *"),
                BERLIN,
                "",
                TimeWindow.parse("09:00-11:00"),
                Days.parse("sat,sun"),
                MissedRun.SKIP,
                Instant.parse("2026-03-01T00:00:00Z"));
        // Friday 27 March 2026, 10:00 CET = 09:00Z: inside
        assertThat(s.allows(Instant.parse("2026-03-27T09:00:00Z"))).isTrue();
        // 11:00 CET is the window's end: outside
        assertThat(s.refusal(Instant.parse("2026-03-27T10:00:00Z")))
                .hasValue("11:00 is outside the window 09:00-11:00");
        assertThat(s.refusal(Instant.parse("2026-03-28T09:00:00Z"))).hasValue("Saturday is a skipped day");
        // next run after Friday 10:30 CET: Monday 30 March 09:00 CEST
        assertThat(s.nextRun(Instant.parse("2026-03-27T09:30:00Z"))).hasValue(Instant.parse("2026-03-30T07:00:00Z"));
        assertThat(TimeWindow.parse("22:00-06:00").contains(LocalTime.of(23, 0)))
                .isTrue();
        assertThat(TimeWindow.parse("22:00-06:00").contains(LocalTime.of(12, 0)))
                .isFalse();
        assertThat(Days.parse("Mon, friday")).isEqualTo(Set.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
        assertThatThrownBy(() -> Days.parse("someday")).hasMessageContaining("'someday' is not a day of the week");
        assertThatThrownBy(() -> TimeWindow.parse("9-5")).hasMessageContaining("is not HH:MM-HH:MM");
        assertThatThrownBy(() -> MissedRun.parse("later")).hasMessageContaining("choose skip or run-once");
    }
}
