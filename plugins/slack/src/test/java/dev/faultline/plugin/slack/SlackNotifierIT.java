package dev.faultline.plugin.slack;

import static dev.faultline.engine.testkit.ExperimentBuilder.experiment;
import static dev.faultline.engine.testkit.ExperimentBuilder.probe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.engine.gameday.GameDayResult;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.Tolerance;
import dev.faultline.engine.model.Tolerance.Op;
import dev.faultline.engine.notify.NotificationHub;
import dev.faultline.engine.spi.Notifier;
import dev.faultline.engine.spi.NotifierException;
import dev.faultline.engine.spi.NotifierSettings;
import dev.faultline.engine.spi.Secret;
import dev.faultline.engine.spi.Undelivered;
import dev.faultline.engine.spi.run.GameDayOutcome;
import dev.faultline.engine.spi.run.RunOutcome;
import dev.faultline.engine.spi.run.RunResult;
import dev.faultline.engine.store.FaultlineStore;
import dev.faultline.engine.testkit.RecordedGameDay;
import dev.faultline.engine.testkit.SimulatedBackend;
import dev.faultline.engine.testkit.SimulatedBackendProvider;
import dev.faultline.engine.testkit.SimulatedProbes;
import dev.faultline.engine.testkit.SimulatedSystem;
import dev.faultline.engine.testkit.TestRig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Slack notifier, through the real Slack SDK, against a local server answering as Slack documents. */
class SlackNotifierIT {
    @TempDir
    Path home;

    private final SimulatedSystem system =
            new SimulatedSystem().metric("latency", 100).target("proxy/payments");
    private final List<Undelivered> undelivered = new CopyOnWriteArrayList<>();
    private SlackApiServer slack;
    private TestRig rig;
    private FaultlineStore store;

    @BeforeEach
    void start() throws Exception {
        slack = new SlackApiServer();
        rig = new TestRig(
                home,
                List.of(new SimulatedBackendProvider(new SimulatedBackend(system))),
                List.of(new SimulatedProbes(system)));
        store = FaultlineStore.open(home.resolve("db/faultline"));
    }

    @AfterEach
    void stop() {
        store.close();
        rig.close();
        slack.close();
    }

    private NotifierSettings token(String token, String channel) {
        Map<String, String> v = new HashMap<>(Map.of(
                "slack.channel",
                channel,
                "slack.apiUrl",
                slack.apiUrl(),
                "slack.timeoutSeconds",
                "1",
                "slack.attempts",
                "3",
                "report.file",
                "reports/{id}.pdf"));
        return new NotifierSettings(v, Map.of("slack.token", Secret.of(token)));
    }

    private NotifierSettings webhook(String url) {
        return new NotifierSettings(
                Map.of("slack.timeoutSeconds", "1", "slack.attempts", "2"), Map.of("slack.webhookUrl", Secret.of(url)));
    }

    private GameDayResult runDay(NotifierSettings s, Duration closeWait) throws Exception {
        Notifier n = new SlackNotifierProvider().create(s, undelivered::add).orElseThrow();
        NotificationHub hub = new NotificationHub(List.of(n), undelivered::add, Clock.systemUTC(), closeWait);
        GameDayResult r;
        try {
            r = RecordedGameDay.run(store, home, rig, system, List.of(hub), List.of(hub));
        } finally {
            hub.close();
        }
        return r;
    }

    @Test
    void withATokenOneParentMessageIsUpdatedLiveAndTheDetailsGoInItsThread() throws Exception {
        GameDayResult r = runDay(token(SlackApiServer.TOKEN, SlackApiServer.CHANNEL_NAME), Duration.ofSeconds(30));
        assertThat(r.outcome()).isEqualTo(GameDayOutcome.COMPLETED);
        assertThat(undelivered).isEmpty();
        List<SlackApiServer.Received> posts = slack.messages.stream()
                .filter(m -> m.method().equals("chat.postMessage"))
                .toList();
        SlackApiServer.Received parent = posts.get(0);
        assertThat(parent.threadTs()).isEmpty();
        assertThat(parent.text()).isEqualTo("GameDay starting: Checkout GameDay 🚀 結帳の日");
        assertThat(parent.blocks())
                .contains("Orders survive slow payments", "<@U012ABCDEF> leader", "<@U0ONCALL1> on call");
        assertThat(posts.subList(1, posts.size()))
                .isNotEmpty()
                .allSatisfy(m -> assertThat(m.threadTs()).isEqualTo(parent.ts()));
        assertThat(posts).anySatisfy(m -> {
            assertThat(m.text()).startsWith("Fault going in:");
            assertThat(m.blocks())
                    .contains(
                            "For how long",
                            "300ms",
                            "Blast radius",
                            "<@U0ONCALL1> (on call)",
                            "<@U012ABCDEF> (leader)");
        });
        assertThat(posts).filteredOn(m -> m.text().startsWith("HELD")).hasSize(2);
        assertThat(posts).anySatisfy(m -> assertThat(m.blocks()).contains("reports/" + r.gameDayRunId() + ".pdf"));
        List<SlackApiServer.Received> updates = slack.messages.stream()
                .filter(m -> m.method().equals("chat.update"))
                .toList();
        assertThat(updates).isNotEmpty().allSatisfy(u -> {
            assertThat(u.ts()).isEqualTo(parent.ts());
            assertThat(u.channel()).isEqualTo(SlackApiServer.CHANNEL_ID);
        });
        assertThat(updates).anySatisfy(u -> assertThat(u.blocks()).contains("INJECT"));
        assertThat(updates.get(updates.size() - 1).blocks()).contains("finished", "✅ 2 held");
    }

    @Test
    void aRunOutsideAGameDayGetsAParentMessageOfItsOwnAndItsDetailsInItsThread() throws Exception {
        Notifier n = new SlackNotifierProvider()
                .create(token(SlackApiServer.TOKEN, SlackApiServer.CHANNEL_NAME), undelivered::add)
                .orElseThrow();
        NotificationHub hub =
                new NotificationHub(List.of(n), undelivered::add, Clock.systemUTC(), Duration.ofSeconds(30));
        Experiment e = experiment()
                .probe(probe("p99", "latency", new Tolerance.Threshold(Op.LT, 200)))
                .fault("slow-payments", 0, Duration.ofMillis(300), "payments")
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
        assertThat(r.outcome()).isEqualTo(RunOutcome.HELD);
        assertThat(undelivered).isEmpty();
        List<SlackApiServer.Received> posts = slack.messages.stream()
                .filter(m -> m.method().equals("chat.postMessage"))
                .toList();
        SlackApiServer.Received parent = posts.get(0);
        assertThat(parent.threadTs()).isEmpty();
        assertThat(parent.text())
                .isEqualTo("Experiment starting: " + e.name() + " in "
                        + TestRig.environment().name());
        assertThat(parent.blocks()).contains(r.runId());
        assertThat(posts.subList(1, posts.size()))
                .isNotEmpty()
                .allSatisfy(m -> assertThat(m.threadTs()).isEqualTo(parent.ts()));
        assertThat(posts).anySatisfy(m -> {
            assertThat(m.text()).isEqualTo("Fault going in: latency 300ms on proxy/payments until reverted");
            assertThat(m.blocks()).contains("Fault going in: slow-payments", "whoever started the run");
        });
        assertThat(posts).anySatisfy(m -> assertThat(m.text()).startsWith("HELD: " + e.name()));
    }

    @Test
    void aWebhookGetsTheKeyMessagesWithoutUpdatesOrThreads() throws Exception {
        runDay(webhook(slack.webhookUrl()), Duration.ofSeconds(30));
        assertThat(undelivered).isEmpty();
        assertThat(slack.messages).allSatisfy(m -> {
            assertThat(m.method()).isEqualTo("webhook");
            assertThat(m.threadTs()).isEmpty();
        });
        assertThat(slack.messages)
                .extracting(SlackApiServer.Received::text)
                .first()
                .asString()
                .startsWith("GameDay starting");
        assertThat(slack.messages)
                .extracting(SlackApiServer.Received::text)
                .last()
                .asString()
                .startsWith("GameDay finished");
    }

    @Test
    void aWrongTokenLosesNothingAndSaysWhatToFixWithoutRetrying() throws Exception {
        GameDayResult r =
                runDay(token("xoxb-9999-wrong-tokenvalue", SlackApiServer.CHANNEL_NAME), Duration.ofSeconds(30));
        assertThat(r.outcome()).isEqualTo(GameDayOutcome.COMPLETED);
        assertThat(slack.messages).isEmpty();
        List<Undelivered> posts = undelivered.stream()
                .filter(u -> !u.message().startsWith("GameDay Checkout"))
                .toList();
        assertThat(posts)
                .isNotEmpty()
                .allSatisfy(u ->
                        assertThat(u.error()).isEqualTo("Slack refused the token (invalid_auth): check slack.token"));
        assertThat(posts).anySatisfy(u -> assertThat(u.message()).startsWith("Fault going in"));
        assertThat(slack.requests).hasSize(posts.size());
    }

    @Test
    void aWebhookSlackRefusesIsSaidToBeRevokedOrWrongNotATokenProblem() {
        assertThatThrownBy(() -> new SlackNotifierProvider().sendTest(webhook(slack.revokedWebhookUrl())))
                .isInstanceOf(NotifierException.class)
                .hasMessageContaining(
                        "Slack refused the webhook URL (HTTP 403 invalid_token): the webhook was revoked or"
                                + " its URL is wrong")
                .hasMessageContaining("set slack.webhookUrl to")
                .hasMessageNotContaining("slack.token")
                .hasMessageNotContaining("revokedhook");
        assertThatThrownBy(() -> new SlackNotifierProvider().sendTest(webhook(slack.wrongWebhookUrl())))
                .hasMessageContaining("Slack refused the webhook URL (HTTP 404 no_service)")
                .hasMessageNotContaining("slack.token")
                .hasMessageNotContaining("removedhook");
        assertThatThrownBy(() -> new SlackNotifierProvider().sendTest(webhook(slack.archivedWebhookUrl())))
                .hasMessageContaining("the webhook's channel is archived (HTTP 410 channel_is_archived)")
                .hasMessageContaining("slack.webhookUrl");
        assertThat(slack.requests).as("a refusal is not retried").hasSize(3);
    }

    @Test
    void aChannelThatDoesNotExistIsNamed() throws Exception {
        runDay(token(SlackApiServer.TOKEN, "#no-such-channel"), Duration.ofSeconds(30));
        assertThat(undelivered)
                .isNotEmpty()
                .allSatisfy(u ->
                        assertThat(u.error()).contains("'#no-such-channel'").contains("channel_not_found"));
    }

    @Test
    void aRateLimitIsWaitedOutAsRetryAfterSays() throws Exception {
        slack.rateLimitNext(1, 1);
        String said = new SlackNotifierProvider().sendTest(token(SlackApiServer.TOKEN, SlackApiServer.CHANNEL_ID));
        assertThat(said).startsWith("test message sent to channel C0GAMEDAY1 (ts ");
        assertThat(slack.requests).hasSize(2);
        assertThat(slack.requestNanos.get(1) - slack.requestNanos.get(0)).isGreaterThanOrEqualTo(950_000_000L);
        assertThat(slack.messages)
                .singleElement()
                .satisfies(m -> assertThat(m.text()).startsWith("Faultline test message"));
    }

    @Test
    void aRetryAfterLongerThanFaultlineWaitsIsReportedAtOnce() {
        slack.rateLimitNext(5, 120);
        assertThatThrownBy(() -> new SlackNotifierProvider().sendTest(webhook(slack.webhookUrl())))
                .isInstanceOf(NotifierException.class)
                .hasMessageContaining("rate limit")
                .hasMessageContaining("asked to wait 120 s");
        assertThat(slack.requests).hasSize(1);
    }

    @Test
    void aSlackThatHangsNeitherStopsNorSlowsTheGameDay() throws Exception {
        slack.hang();
        long start = System.nanoTime();
        Notifier n = new SlackNotifierProvider()
                .create(token(SlackApiServer.TOKEN, SlackApiServer.CHANNEL_ID), undelivered::add)
                .orElseThrow();
        NotificationHub hub =
                new NotificationHub(List.of(n), undelivered::add, Clock.systemUTC(), Duration.ofSeconds(2));
        GameDayResult r = RecordedGameDay.run(store, home, rig, system, List.of(hub), List.of(hub));
        long dayMs = (System.nanoTime() - start) / 1_000_000;
        hub.close();
        assertThat(r.outcome()).isEqualTo(GameDayOutcome.COMPLETED);
        // every message would take 3 attempts of 1 s (+1 s, 2 s backoff) against this server; the day does not wait
        assertThat(dayMs).isLessThan(15_000);
        assertThat(undelivered).anySatisfy(u -> assertThat(u.error()).contains("cannot reach Slack"));
        assertThat(undelivered).anySatisfy(u -> assertThat(u.message()).contains("still queued"));
    }

    @Test
    void tokensAndWebhookUrlsAppearInNoLogNoDatabaseAndNoText() throws Exception {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        String badToken = "xoxb-5555-leaked-tokenvalue";
        try {
            Notifier n = new SlackNotifierProvider()
                    .create(token(badToken, SlackApiServer.CHANNEL_NAME), store.undelivered())
                    .orElseThrow();
            NotificationHub hub =
                    new NotificationHub(List.of(n), store.undelivered(), Clock.systemUTC(), Duration.ofSeconds(30));
            RecordedGameDay.run(store, home, rig, system, List.of(hub), List.of(hub));
            hub.close();
            assertThatThrownBy(() -> new SlackNotifierProvider().sendTest(webhook(slack.wrongWebhookUrl())))
                    .hasMessageContaining("no_service")
                    .hasMessageNotContaining("removedhook");
            assertThatThrownBy(() ->
                            new SlackNotifierProvider().sendTest(webhook("not a url " + SlackApiServer.HOOK_SECRET)))
                    .hasMessageContaining("slack.webhookUrl is not a URL")
                    .hasMessageNotContaining(SlackApiServer.HOOK_SECRET);
        } finally {
            System.setErr(err);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log)
                .contains("could not be delivered")
                .doesNotContain(badToken)
                .doesNotContain("removedhook");
        assertThat(store.undelivered().list(100))
                .isNotEmpty()
                .allSatisfy(u -> assertThat(u.toString()).doesNotContain(badToken));
        store.close();
        byte[] db = Files.readAllBytes(home.resolve("db/faultline.mv.db"));
        assertThat(new String(db, StandardCharsets.ISO_8859_1))
                .doesNotContain(badToken)
                .doesNotContain("5555-leaked");
        assertThat(token(badToken, "#x").toString()).doesNotContain(badToken).contains("slack.token=****");
        store = FaultlineStore.open(home.resolve("db/faultline"));
    }
}
