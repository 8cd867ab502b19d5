package dev.faultline.plugin.litmus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.MethodStep.FaultStep;
import dev.faultline.engine.runbook.RunbookLoader;
import dev.faultline.engine.runbook.RunbookWriter;
import dev.faultline.engine.spi.FaultHandle;
import dev.faultline.engine.spi.FaultRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped runbooks under {@code runbooks/litmus}: they load, write back to themselves, and
 * each fault step (with the hypothesis's probes) passes pre-flight and goes in and out on the mock
 * server, every ChaosEngine accepted by the upstream CRD schema.
 */
class ShippedRunbooksIT {
    @TempDir
    Path dir;

    @Test
    void theShippedLitmusRunbooksLoadAndRunAgainstTheMockServer() throws Exception {
        List<Path> files;
        try (var list = Files.list(Path.of("../../runbooks/litmus"))) {
            files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(3);
        try (LitmusFixture fixture = new LitmusFixture(dir, true)) {
            for (Path f : files) {
                Experiment e = new RunbookLoader().load(f).experiment();
                assertThat(new RunbookLoader()
                                .parse(new RunbookWriter().toYaml(e), "written.yaml")
                                .experiment())
                        .as(f.toString())
                        .isEqualTo(e);
                try (LitmusBackend backend = (LitmusBackend) new LitmusBackendProvider().create(fixture.settings())) {
                    backend.useHypothesis(e.hypothesis());
                    for (FaultStep s : e.faultSteps()) {
                        assertThat(s.backend()).isEqualTo(LitmusBackendProvider.ID);
                        assertThat(backend.findTarget(s.target(), s.fault(), s.share(), e.blastRadius()))
                                .contains("found");
                        FaultRequest r = FaultRequest.atShare(
                                "shipped", e.name() + "-" + s.name(), s.fault(), s.target(), s.share(), s.duration());
                        FaultHandle h = backend.prepare(r);
                        backend.inject(r, h);
                        backend.revert(h);
                        assertThat(backend.verifyGone(h).detail())
                                .as(f + " " + s.name())
                                .contains("verdict Pass");
                    }
                }
            }
            assertThat(fixture.cluster.rejected()).isEmpty();
        }
    }
}
