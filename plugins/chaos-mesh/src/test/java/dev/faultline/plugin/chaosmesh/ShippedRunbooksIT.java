package dev.faultline.plugin.chaosmesh;

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
 * The shipped runbooks under {@code runbooks/chaos-mesh}: they load (schema and model checks),
 * write back to themselves, and each fault step passes pre-flight and goes in and out on the mock
 * server, every manifest accepted by the upstream CRD schemas.
 */
class ShippedRunbooksIT {
    @TempDir
    Path dir;

    static List<Path> runbooks(String folder) throws Exception {
        try (var files = Files.list(Path.of("../../runbooks", folder))) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void theShippedChaosMeshRunbooksLoadAndRunAgainstTheMockServer() throws Exception {
        List<Path> files = runbooks("chaos-mesh");
        assertThat(files).hasSizeGreaterThanOrEqualTo(3);
        try (ChaosMeshFixture fixture = new ChaosMeshFixture(dir, true);
                ChaosMeshBackend backend =
                        (ChaosMeshBackend) new ChaosMeshBackendProvider().create(fixture.settings())) {
            for (Path f : files) {
                Experiment e = new RunbookLoader().load(f).experiment();
                assertThat(new RunbookLoader()
                                .parse(new RunbookWriter().toYaml(e), "written.yaml")
                                .experiment())
                        .as(f.toString())
                        .isEqualTo(e);
                for (FaultStep s : e.faultSteps()) {
                    assertThat(s.backend()).isEqualTo(ChaosMeshBackendProvider.ID);
                    assertThat(backend.findTarget(s.target(), s.fault(), s.share(), e.blastRadius()))
                            .contains("pod(s) match");
                    FaultRequest r = FaultRequest.atShare(
                            "shipped", e.name() + "-" + s.name(), s.fault(), s.target(), s.share(), s.duration());
                    FaultHandle h = backend.prepare(r);
                    backend.inject(r, h);
                    backend.revert(h);
                    assertThat(backend.verifyGone(h).gone())
                            .as(f + " " + s.name())
                            .isTrue();
                }
            }
            assertThat(fixture.cluster.rejected()).isEmpty();
            assertThat(fixture.cluster.checked()).isNotEmpty();
        }
    }
}
