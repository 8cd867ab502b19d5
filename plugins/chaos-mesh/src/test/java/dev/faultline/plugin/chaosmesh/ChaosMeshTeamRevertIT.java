package dev.faultline.plugin.chaosmesh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.model.ProxyFault;
import dev.faultline.engine.plugins.PluginCatalog;
import dev.faultline.engine.safety.BackendCalls;
import dev.faultline.engine.safety.FaultJournal;
import dev.faultline.engine.safety.FaultReverter;
import dev.faultline.engine.safety.JournalEntry;
import dev.faultline.engine.safety.ProcessOwner;
import dev.faultline.engine.safety.RevertPolicy;
import dev.faultline.engine.spi.BackendSettings;
import dev.faultline.engine.spi.FaultBackend;
import dev.faultline.engine.spi.FaultHandle;
import dev.faultline.engine.spi.FaultRequest;
import dev.faultline.engine.spi.SecretRef;
import dev.faultline.engine.store.FaultlineStore;
import dev.faultline.engine.store.JournalMirror;
import dev.faultline.engine.store.RemoteRevert;
import dev.faultline.engine.store.RunHeartbeat;
import dev.faultline.engine.store.SharedStoreSettings;
import dev.faultline.engine.testkit.PostgresCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Team mode's revert from another desktop against Kubernetes: desktop A injects a Chaos Mesh
 * NetworkChaos (fabric8's mock API server in CRUD mode, every manifest checked against Chaos Mesh's
 * CRD schemas) with its journal written first and mirrored to a real PostgreSQL, and beats for its
 * run; then A stops answering (its login can no longer reach the store: its beats stop, as when its
 * desktop dies). Desktop B,
 * refused while A still answered, reverts the fault from the mirrored journal: the NetworkChaos is
 * deleted, and the store says the run holds nothing more.
 */
class ChaosMeshTeamRevertIT {
    @TempDir
    Path dir;

    @Test
    void aSilentRunnersNetworkChaosIsDeletedFromAnotherDesktop() throws Exception {
        ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();
        PluginCatalog plugins = PluginCatalog.load(getClass().getClassLoader());
        RemoteRevert fromB = new RemoteRevert(
                plugins, new FaultReverter(new BackendCalls(calls), RevertPolicy.DEFAULT, Clock.systemUTC()));
        try (PostgresCluster cluster = PostgresCluster.start();
                ChaosMeshFixture fixture = new ChaosMeshFixture(dir, true)) {
            PostgresCluster.TestDatabase db = cluster.newDatabase();
            FaultlineStore b = FaultlineStore.openShared(db.settings(dir.resolve("pw")));
            // desktop A has a login of its own, so that it alone can be cut off from the store
            Files.writeString(dir.resolve("pw-a"), "pw-desk-a");
            try (Connection admin = cluster.admin(db.name());
                    Statement st = admin.createStatement()) {
                st.execute("CREATE ROLE desk_a LOGIN PASSWORD 'pw-desk-a'");
                st.execute("GRANT USAGE ON SCHEMA public TO desk_a");
                st.execute("GRANT ALL ON ALL TABLES IN SCHEMA public TO desk_a");
                st.execute("GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO desk_a");
            }
            String runId = "20261207-0800-slow-payments-a1";
            FaultlineStore a = FaultlineStore.openShared(
                    new SharedStoreSettings(db.url(), "desk_a", new SecretRef("file:" + dir.resolve("pw-a"))));
            FaultJournal journal =
                    new FaultJournal(dir.resolve("a-journal"), ProcessOwner.current(), Clock.systemUTC());
            JournalMirror mirror = new JournalMirror(a);
            journal.mirrorTo(mirror);
            RunHeartbeat beat = RunHeartbeat.start(a, runId);
            BackendSettings settings = fixture.settings();
            FaultRequest request = FaultRequest.atShare(
                    runId,
                    "slow-payments",
                    new ProxyFault.Latency(Duration.ofMillis(300), Duration.ofMillis(50), 0.25),
                    ChaosMeshFixture.PAYMENT,
                    0.5,
                    Duration.ofMinutes(5));
            String name;
            try (FaultBackend backend = plugins.createBackend(settings)) {
                FaultHandle handle = backend.prepare(request);
                JournalEntry entry = journal.recordIntent(runId, "slow-payments", settings, handle);
                backend.inject(request, handle);
                journal.markInjected(entry.id());
                name = handle.data().require("name");
            }
            mirror.drain(Duration.ofSeconds(10));
            assertThat(fixture.resource("NetworkChaos", name)).isPresent();
            assertThat(JournalMirror.held(b, runId)).singleElement().satisfies(f -> {
                assertThat(f.backend()).isEqualTo("chaos-mesh");
                assertThat(f.reachable()).isTrue();
                assertThat(f.state()).isEqualTo("injected");
            });

            // while A answers, B is refused and nothing is touched
            RemoteRevert.Outcome early = fromB.revert(b, runId);
            assertThat(early.refused()).hasValueSatisfying(w -> assertThat(w).contains("still answers"));
            assertThat(fixture.resource("NetworkChaos", name)).isPresent();

            // A's desktop goes silent mid-run: it can no longer reach the store, its beat stops, its fault stays
            try (Connection admin = cluster.admin(db.name());
                    Statement st = admin.createStatement()) {
                st.execute("ALTER ROLE desk_a NOLOGIN");
                st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'desk_a'");
            }
            boolean silent = false;
            for (int i = 0; i < 60 && !silent; i++) { // bounded: SILENCE (5 s) + 10 s
                Thread.sleep(250);
                silent = RunHeartbeat.of(b, runId).map(r -> !r.answering()).orElse(false);
            }
            assertThat(silent).as("A is seen silent within 15 s").isTrue();
            assertThat(fixture.resource("NetworkChaos", name))
                    .as("the fault outlives its runner")
                    .isPresent();

            RemoteRevert.Outcome o = fromB.revert(b, runId);

            assertThat(o.refused()).isEmpty();
            assertThat(o.all()).as("%s", o.lines()).isTrue();
            assertThat(o.lines())
                    .singleElement()
                    .satisfies(l -> assertThat(l.text()).startsWith("reverted "));
            assertThat(fixture.resource("NetworkChaos", name))
                    .as("deleted from desktop B")
                    .isEmpty();
            assertThat(JournalMirror.held(b, runId)).isEmpty();
            assertThat(fixture.cluster.rejected())
                    .as("every manifest valid against the CRDs")
                    .isEmpty();
            b.close();
            beat.close();
            a.close();
        } finally {
            calls.shutdownNow();
        }
    }
}
