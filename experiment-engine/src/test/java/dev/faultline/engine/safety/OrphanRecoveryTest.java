package dev.faultline.engine.safety;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.ProxyFault;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.spi.BackendSettings;
import dev.faultline.engine.spi.FaultHandle;
import dev.faultline.engine.spi.FaultRequest;
import dev.faultline.engine.testkit.SimulatedBackend;
import dev.faultline.engine.testkit.SimulatedBackendProvider;
import dev.faultline.engine.testkit.SimulatedProbes;
import dev.faultline.engine.testkit.SimulatedSystem;
import dev.faultline.engine.testkit.TestRig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrphanRecoveryTest {
    @TempDir
    Path home;

    @Test
    void faultLeftBehindByADeadProcessIsRevertedAndLeavesTheJournal() throws Exception {
        SimulatedSystem system = new SimulatedSystem().target("proxy/payments");
        SimulatedBackend backend = new SimulatedBackend(system);
        FaultRequest req = FaultRequest.atShare(
                "r-crashed",
                "slow",
                new ProxyFault.Latency(Duration.ofMillis(300), Duration.ZERO),
                new Target("proxy", Params.of("name", "payments")),
                1,
                Duration.ofSeconds(30));
        FaultHandle handle = backend.prepare(req);
        FaultJournal crashed =
                new FaultJournal(home.resolve("journal/faults.jsonl"), FaultJournalTest.deadOwner(), Clock.systemUTC());
        crashed.markInjected(crashed.recordIntent("r-crashed", "slow", BackendSettings.empty("simulated"), handle)
                .id());
        backend.inject(req, handle);
        assertThat(system.faultsInEffect()).isOne();

        try (TestRig rig = new TestRig(
                home, List.of(new SimulatedBackendProvider(backend)), List.of(new SimulatedProbes(system)))) {
            OrphanRecovery recovery = new OrphanRecovery(rig.journal, rig.plugins, rig.reverter, Clock.systemUTC());
            assertThat(recovery.findOrphans()).hasSize(1);

            List<RevertOutcome> outcomes = recovery.recover();

            assertThat(outcomes)
                    .singleElement()
                    .satisfies(o -> assertThat(o.confirmed()).isTrue());
            assertThat(system.faultsInEffect()).isZero();
            assertThat(rig.journal.openFaults()).isEmpty();
        }
    }

    @Test
    void orphanOfAnUninstalledBackendStaysWithAManualStep() throws Exception {
        FaultHandle handle = new FaultHandle("gone", "x1", "latency on proxy/payments", Params.of("proxy", "payments"));
        FaultJournal crashed =
                new FaultJournal(home.resolve("journal/faults.jsonl"), FaultJournalTest.deadOwner(), Clock.systemUTC());
        crashed.recordIntent("r-crashed", "slow", BackendSettings.empty("gone"), handle);

        try (TestRig rig = new TestRig(home, List.of(), List.of())) {
            List<RevertOutcome> outcomes =
                    new OrphanRecovery(rig.journal, rig.plugins, rig.reverter, Clock.systemUTC()).recover();
            assertThat(outcomes).singleElement().satisfies(o -> {
                assertThat(o.reverted()).isFalse();
                assertThat(o.detail()).contains("no such backend is installed");
                assertThat(o.manualStep()).contains("latency on proxy/payments");
            });
            assertThat(rig.journal.openFaults()).hasSize(1);
        }
    }
}
