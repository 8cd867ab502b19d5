package dev.faultline.app.view.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.model.BlastRadius;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.MethodStep;
import dev.faultline.engine.runbook.RunbookLoader;
import dev.faultline.engine.runbook.RunbookWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultTemplatesTest {
    @Test
    void everyPaletteEntryDroppedOnATimelineIsARunbookTheLoaderAccepts() throws Exception {
        RunbookLoader loader = new RunbookLoader();
        Experiment base = loader.load(Path.of("..", "runbooks", "sandbox", "payment-latency-holds.yaml"))
                .experiment();
        for (FaultTemplate t : FaultTemplates.all()) {
            MethodStep step = t.step(t.id(), 1, Duration.ofSeconds(5));
            Experiment e = new Experiment(
                    base.name(),
                    base.title(),
                    base.description(),
                    base.labels(),
                    base.environment(),
                    base.hypothesis(),
                    List.of(step),
                    BlastRadius.UNLIMITED,
                    base.stopConditions(),
                    base.rollbacks(),
                    base.timing());

            Experiment back = loader.parse(new RunbookWriter().toYaml(e), t.id() + ".yaml")
                    .experiment();

            assertThat(back.method()).as(t.id()).containsExactly(step);
        }
    }

    @Test
    void thePaletteOffersOnlyWhatAnInstalledBackendSupports() {
        assertThat(FaultTemplates.available(List.of())).isEmpty();
    }
}
