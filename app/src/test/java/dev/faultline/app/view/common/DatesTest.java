package dev.faultline.app.view.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class DatesTest {
    private static final LocalDate DAY = LocalDate.of(2026, 12, 3);

    @Test
    void aDateReadsTheSameEverywhere() {
        assertThat(Dates.DAY.format(DAY)).isEqualTo("Thu 3 Dec 2026");
    }

    @Test
    void typedDatesMayBeWrittenInThreeForms() {
        assertThat(Dates.parse("Thu 3 Dec 2026")).isEqualTo(DAY);
        assertThat(Dates.parse(" 3 Dec 2026 ")).isEqualTo(DAY);
        assertThat(Dates.parse("2026-12-03")).isEqualTo(DAY);
        assertThat(Dates.parse("  ")).isNull();
    }

    @Test
    void theAmbiguousShortFormIsRefusedWithTheFormsThatWork() {
        assertThatThrownBy(() -> Dates.parse("12/3/2026"))
                .isInstanceOf(DateTimeParseException.class)
                .hasMessage("'12/3/2026' is not a date: write it as 3 Dec 2026 or 2026-12-03");
    }
}
