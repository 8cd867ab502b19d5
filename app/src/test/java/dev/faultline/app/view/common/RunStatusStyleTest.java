package dev.faultline.app.view.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.spi.run.GameDayOutcome;
import dev.faultline.engine.spi.run.RunOutcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunStatusStyleTest {
    @Test
    void everyOutcomeOfARunAndOfADayHasAColourAndTroubleReadsInTheDangerColour() {
        for (RunOutcome o : RunOutcome.values()) {
            assertThat(RunStatusStyle.of(o.name())).as(o.name()).isNotEmpty();
        }
        for (GameDayOutcome o : GameDayOutcome.values()) {
            assertThat(RunStatusStyle.of(o.name())).as(o.name()).isNotEmpty();
        }
        assertThat(RunStatusStyle.of("STOPPED")).isEqualTo("outcome-bad");
        assertThat(RunStatusStyle.of("HALTED")).isEqualTo("outcome-bad");
        assertThat(RunStatusStyle.of("NOT STARTED")).isEqualTo("outcome-bad");
        assertThat(RunStatusStyle.of("ABANDONED"))
                .as("a run whose runner was lost")
                .isEqualTo("outcome-bad");
        assertThat(RunStatusStyle.of("COMPLETED")).isEqualTo("outcome-good");
        assertThat(RunStatusStyle.of("ABORTED")).isEqualTo("outcome-warn");
        assertThat(RunStatusStyle.of("method"))
                .as("a phase under way keeps the accent")
                .isEmpty();
    }

    @Test
    void applyingANewStatusReplacesTheOldColour() {
        List<String> styles = new ArrayList<>(List.of("label", "phase"));
        RunStatusStyle.apply(styles, "HELD");
        RunStatusStyle.apply(styles, "STOPPED");
        assertThat(styles).containsExactly("label", "phase", "outcome-bad");
        RunStatusStyle.apply(styles, "verify");
        assertThat(styles).containsExactly("label", "phase");
    }
}
