package dev.faultline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.app.view.live.FollowState;
import dev.faultline.app.view.live.LiveRunViewModel;
import dev.faultline.app.view.live.RunFollowing;
import dev.faultline.engine.env.FaultlineHome;
import dev.faultline.engine.plugins.PluginCatalog;
import dev.faultline.engine.runbook.RunbookLoader;
import dev.faultline.engine.safety.BackendCalls;
import dev.faultline.engine.safety.FaultReverter;
import dev.faultline.engine.safety.RevertPolicy;
import dev.faultline.engine.store.FaultlineStore;
import dev.faultline.engine.store.JournalMirror;
import dev.faultline.engine.store.RemoteRevert;
import dev.faultline.engine.store.StoreSettingsFile;
import dev.faultline.engine.store.TeamRuns;
import dev.faultline.engine.testkit.PostgresCluster.TestDatabase;
import dev.faultline.engine.testkit.ThrowawayPostgres;
import dev.faultline.plugin.toxiproxy.ToxiproxyStub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Team mode when the runner's desktop dies: desktop A runs an experiment whose fault is a latency
 * toxic on a Toxiproxy server (a local server on 127.0.0.1 answering as the Toxiproxy API documents,
 * {@link ToxiproxyStub}), on a real PostgreSQL; A is killed with SIGKILL mid-run. Desktop B sees
 * that A stopped answering and which fault its journal holds, in {@code faultline team status} and
 * in the app's live view (banner, the fault, Revert enabled); the live view's Revert deletes the
 * toxic from B, as {@code faultline team revert} does; the store says who reverted it.
 */
@ExtendWith(ThrowawayPostgres.class)
class TeamRevertIT {
    @TempDir
    Path homeA;

    @TempDir
    Path homeB;

    @TempDir
    Path work;

    @Test
    void aRunnerKilledMidRunLeavesItsToxicWhichAnotherDesktopRevertsFromTheLiveViewAndTheCommandLine(TestDatabase db)
            throws Exception {
        for (Path home : List.of(homeA, homeB)) {
            StoreSettingsFile.of(new FaultlineHome(home)).write(db.settings(work.resolve("pw")));
        }
        try (ToxiproxyStub toxiproxy = new ToxiproxyStub()) {
            toxiproxy.addProxy("payments");
            // the environment as a team defines it, for every desktop: a Toxiproxy anyone can reach
            String environments = """
                    environments:
                      team-proxy:
                        production: false
                        toxiproxy: {url: '%s'}
                    """.formatted(toxiproxy.url());
            Files.writeString(homeA.resolve("environments.yaml"), environments);
            Files.writeString(homeB.resolve("environments.yaml"), environments);
            Path runbook = Files.writeString(work.resolve("slow-payments.yaml"), """
                    apiVersion: faultline.dev/v1
                    kind: Experiment
                    metadata:
                      name: slow-payments-team
                      title: Payments slow for the whole team
                    spec:
                      environment: team-proxy
                      timing: {warmup: 0s, probeInterval: 500ms, baselineSamples: 2, recoveryWindow: 0s, verificationSamples: 2}
                      hypothesis:
                        title: The proxy answers
                        probes:
                          - name: proxy-version
                            expect: "200"
                            http: {url: '%s/version', measure: status, timeout: 2s}
                      method:
                        - name: slow-payments
                          backend: toxiproxy
                          duration: 5m
                          target: {proxy: payments}
                          fault: {type: latency, latency: 300ms}
                      blastRadius:
                        targets: [proxy/payments]
                        maxShare: 100%%
                        maxDuration: 10m
                        maxTargets: 1
                    """.formatted(toxiproxy.url()));
            LiveRunViewModel live = new LiveRunViewModel(ZoneId.of("UTC"));
            Executor fx = r -> {
                synchronized (live) {
                    r.run();
                }
            };
            PluginCatalog plugins = PluginCatalog.load(getClass().getClassLoader());
            try (ChildFaultline runner = ChildFaultline.start(
                            homeA,
                            Map.of(
                                    "FAULTLINE_RUNTIME_DIR",
                                    work.resolve("desk-a").toString()),
                            "run",
                            runbook.toString());
                    FaultlineStore store = FaultlineStore.open(new FaultlineHome(homeB));
                    RunFollowing following = new RunFollowing(
                            () -> store,
                            new RunbookLoader(plugins.probeTypes()),
                            live,
                            fx,
                            Clock.systemUTC(),
                            new RemoteRevert(
                                    plugins,
                                    new FaultReverter(
                                            new BackendCalls(Executors.newVirtualThreadPerTaskExecutor()),
                                            RevertPolicy.DEFAULT,
                                            Clock.systemUTC()))::lines)) {
                assertThat(runner.awaitOutput("injected latency", Duration.ofSeconds(90)))
                        .as("%s", runner.output())
                        .isTrue();
                assertThat(toxiproxy.toxicNames("payments")).hasSize(1);
                TeamRuns.UnderWay run = awaitRunOf(store);
                assertThat(Eventually.holds(
                                Duration.ofSeconds(10),
                                Duration.ofMillis(100),
                                () -> !JournalMirror.held(store, run.runId()).isEmpty()))
                        .as("the journal's record is mirrored to the store")
                        .isTrue();

                // while A answers, B may not revert: A reverts its own faults
                Cli early = Cli.run(homeB, "team", "revert", run.runId());
                assertThat(early.exit()).isEqualTo(ExitCodes.COULD_NOT_RUN);
                assertThat(early.err()).contains("still answers: it reverts its own faults");
                assertThat(toxiproxy.toxicNames("payments")).hasSize(1);

                following.follow(run);
                runner.process.destroyForcibly(); // SIGKILL: no shutdown hook, no revert
                assertThat(runner.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(toxiproxy.toxicNames("payments"))
                        .as("the toxic outlives its runner")
                        .hasSize(1);

                // B's live view: the banner, the held fault, reachable from here, Revert enabled
                assertThat(Eventually.holds(Duration.ofSeconds(20), Duration.ofMillis(200), () -> {
                            synchronized (live) {
                                return live.follow().revertable().get();
                            }
                        }))
                        .as("%s", snapshot(live))
                        .isTrue();
                synchronized (live) {
                    FollowState f = live.follow();
                    assertThat(f.silenceProperty().get())
                            .startsWith("The runner stopped answering: " + run.runner())
                            .contains("no heartbeat since")
                            .endsWith("Its journal still holds 1 fault:");
                    assertThat(f.held()).singleElement().satisfies(h -> {
                        assertThat(h.what()).contains("latency 300ms").contains("backend toxiproxy");
                        assertThat(h.reachable()).isTrue();
                    });
                    assertThat(live.log()).anyMatch(l -> l.contains("THE RUNNER STOPPED ANSWERING"));
                }
                Cli status = Cli.run(homeB, "team", "status");
                assertThat(status.out())
                        .contains("run " + run.runId() + ": THE RUNNER STOPPED ANSWERING")
                        .contains("revert it from here with: faultline team revert " + run.runId());

                // Revert in B's live view: the toxic is deleted through the Toxiproxy API
                following.revertHeld();
                assertThat(Eventually.holds(
                                Duration.ofSeconds(20),
                                Duration.ofMillis(100),
                                () -> toxiproxy.toxicNames("payments").isEmpty()))
                        .as("%s", toxiproxy.calls())
                        .isTrue();
                assertThat(Eventually.holds(Duration.ofSeconds(10), Duration.ofMillis(100), () -> {
                            synchronized (live) {
                                return live.follow().outcomeProperty().get().startsWith("reverted ")
                                        && live.follow().held().isEmpty();
                            }
                        }))
                        .as("%s", snapshot(live))
                        .isTrue();
                assertThat(toxiproxy.calls()).anyMatch(c -> c.startsWith("DELETE /proxies/payments/toxics/"));
                assertThat(JournalMirror.held(store, run.runId())).isEmpty();

                // the command line then finds nothing left, and the audit trail says who reverted it
                Cli after = Cli.run(homeB, "team", "revert", run.runId());
                assertThat(after.exit()).as(after.err()).isZero();
                Cli audit = Cli.run(homeB, "team", "status");
                assertThat(audit.out()).contains("fault reverted").contains(run.runId());
            }
        }
    }

    private static TeamRuns.UnderWay awaitRunOf(FaultlineStore store) throws Exception {
        TeamRuns runs = new TeamRuns(store);
        assertThat(Eventually.holds(
                        Duration.ofSeconds(30),
                        Duration.ofMillis(200),
                        () -> !runs.underWay().isEmpty()))
                .isTrue();
        return runs.underWay().get(0);
    }

    private static String snapshot(LiveRunViewModel live) {
        synchronized (live) {
            return "following=" + live.followingProperty().get() + " silence="
                    + live.follow().silenceProperty().get()
                    + " held=" + live.follow().held() + " refusal="
                    + live.follow().refusalProperty().get()
                    + " outcome=" + live.follow().outcomeProperty().get() + " log=" + live.log();
        }
    }
}
