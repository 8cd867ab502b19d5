package dev.faultline.plugin.slack;

import static dev.faultline.engine.testkit.ExperimentBuilder.experiment;
import static dev.faultline.engine.testkit.ExperimentBuilder.probe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.model.BlastRadius;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.MethodStep;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.ProxyFault;
import dev.faultline.engine.model.Rollout;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.model.Tolerance;
import dev.faultline.engine.model.Tolerance.Op;
import dev.faultline.engine.notify.NotificationHub;
import dev.faultline.engine.spi.Notifier;
import dev.faultline.engine.spi.NotifierSettings;
import dev.faultline.engine.spi.Secret;
import dev.faultline.engine.spi.Undelivered;
import dev.faultline.engine.spi.run.RunOutcome;
import dev.faultline.engine.spi.run.RunResult;
import dev.faultline.engine.testkit.SimulatedBackend;
import dev.faultline.engine.testkit.SimulatedBackendProvider;
import dev.faultline.engine.testkit.SimulatedProbes;
import dev.faultline.engine.testkit.SimulatedSystem;
import dev.faultline.engine.testkit.TestRig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run with a progressive rollout (latency 100 ms, +400 ms for the whole of the traffic, checked
 * below 350: 10% and 50% hold, 100% does not), its end posted to a local server answering as Slack:
 * the message says how far it was safe and how each stage went.
 */
class SlackRolloutIT {
    @TempDir
    Path home;

    private final SimulatedSystem system =
            new SimulatedSystem().metric("latency", 100).impact("proxy/payments", "latency", 400);
    private final List<Undelivered> undelivered = new CopyOnWriteArrayList<>();
    private SlackApiServer slack;
    private TestRig rig;

    @BeforeEach
    void start() throws Exception {
        slack = new SlackApiServer();
        SimulatedBackend backend = new SimulatedBackend(system);
        backend.shareInPlace(true);
        rig = new TestRig(home, List.of(new SimulatedBackendProvider(backend)), List.of(new SimulatedProbes(system)));
    }

    @AfterEach
    void stop() {
        rig.close();
        slack.close();
    }

    @Test
    void theRunEndMessageSaysHowFarTheRolloutWasSafe() throws Exception {
        NotifierSettings s = new NotifierSettings(
                Map.of(
                        "slack.channel",
                        SlackApiServer.CHANNEL_NAME,
                        "slack.apiUrl",
                        slack.apiUrl(),
                        "slack.timeoutSeconds",
                        "1",
                        "slack.attempts",
                        "3"),
                Map.of("slack.token", Secret.of(SlackApiServer.TOKEN)));
        Notifier n = new SlackNotifierProvider().create(s, undelivered::add).orElseThrow();
        NotificationHub hub =
                new NotificationHub(List.of(n), undelivered::add, Clock.systemUTC(), Duration.ofSeconds(30));
        Experiment e = experiment()
                .probe(probe("p99", "latency", new Tolerance.Threshold(Op.LT, 350)))
                .step(MethodStep.FaultStep.rolledOut(
                        "slow-payments",
                        0,
                        null,
                        SimulatedBackend.ID,
                        new ProxyFault.Latency(Duration.ofMillis(300), Duration.ZERO),
                        new Target("proxy", Params.of("name", "payments")),
                        new Rollout(List.of(0.1, 0.5, 1.0), Duration.ofMillis(400), List.of())))
                .blastRadius(BlastRadius.UNLIMITED)
                .build();
        RunResult r;
        try {
            r = rig.runner
                    .start(e, TestRig.environment(), List.of(hub))
                    .result()
                    .get(60, TimeUnit.SECONDS);
        } finally {
            hub.close();
        }
        assertThat(r.outcome()).isEqualTo(RunOutcome.DEVIATED);
        assertThat(undelivered).isEmpty();
        assertThat(slack.messages)
                .filteredOn(
                        m -> m.method().equals("chat.postMessage") && m.text().startsWith("DEVIATED"))
                .singleElement()
                .satisfies(m -> assertThat(m.blocks())
                        .contains("📶 *Rollout of slow-payments*: Safe up to 50% of proxy/payments (latency 300ms on"
                                + " proxy/payments): it did not hold at 100% (stage 3 of 3).")
                        .contains("10% held · 50% held · 100% *did not hold*"));
    }
}
