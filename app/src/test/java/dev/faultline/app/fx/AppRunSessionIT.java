package dev.faultline.app.fx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.app.Composition;
import dev.faultline.app.session.LocalExperiment;
import dev.faultline.engine.env.FaultlineHome;
import dev.faultline.engine.gameday.GameDayResult;
import dev.faultline.engine.spi.run.RunEvent;
import dev.faultline.engine.spi.run.RunOutcome;
import dev.faultline.engine.spi.run.RunResult;
import dev.faultline.plugin.slack.SlackApiServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.concurrent.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Runs and GameDays started the way the app starts them (its task on a thread of its own, the FX
 * toolkit up under Monocle) behave as from the command line: a run tells Slack (a local Slack server
 * on 127.0.0.1), a GameDay counts in Faultline's metrics, and closing the window halts a GameDay.
 */
class AppRunSessionIT {
    @TempDir
    Path home;

    private Composition composition;
    private SlackApiServer slack;
    private final List<String> said = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage(); // a Task reports its state through Platform.runLater
    }

    @BeforeEach
    void start() throws Exception {
        slack = new SlackApiServer();
        LocalExperiment.slackAt(home, slack.apiUrl(), SlackApiServer.TOKEN, SlackApiServer.CHANNEL_NAME);
        composition = new Composition(new FaultlineHome(home));
    }

    @AfterEach
    void stop() {
        composition.close();
        slack.close();
    }

    @Test
    void aRunStartedFromTheAppTellsSlackAsWithNotify() throws Exception {
        try (LocalExperiment x = new LocalExperiment(home)) {
            Task<RunResult> task = new RunStarter(composition).task(x.runbook, e -> {}, said::add);
            task.run();
            RunResult r = task.get(90, TimeUnit.SECONDS);

            // The outcome depends on how fast this machine answers; what Slack is told does not.
            assertThat(said).contains("notifications: slack");
            List<SlackApiServer.Received> posts = slack.messages.stream()
                    .filter(m -> m.method().equals("chat.postMessage"))
                    .toList();
            assertThat(posts).as("messages Slack received").isNotEmpty();
            assertThat(posts.get(0).text()).isEqualTo("Experiment starting: " + LocalExperiment.NAME + " in local");
            assertThat(posts)
                    .anySatisfy(m -> assertThat(m.text()).startsWith(r.outcome() + ": " + LocalExperiment.NAME));
        }
    }

    @Test
    void aGameDayStartedFromTheAppCountsInFaultlinesMetrics() throws Exception {
        try (LocalExperiment x = new LocalExperiment(home)) {
            Task<GameDayResult> task = new GameDayStarter(composition, new RunStarter(composition))
                    .task(x.gameDay, e -> {}, e -> {}, e -> {}, said::add);
            task.run();
            GameDayResult r = task.get(90, TimeUnit.SECONDS);

            RunOutcome outcome = r.results().getFirst().outcome();
            String metrics = scrape(composition.serveMetrics(0));
            assertThat(metrics)
                    .contains("faultline_experiments_started_total{environment=\"local\"} 1.0")
                    .contains("faultline_experiments_completed_total{environment=\"local\",outcome=\"" + outcome
                            + "\"} 1.0");
            assertThat(said).anyMatch(l -> l.startsWith("report written to "));
        }
    }

    @Test
    void closingTheWindowDuringAGameDayHaltsItAndWaitsForTheRevert() throws Exception {
        try (LocalExperiment x = new LocalExperiment(home, "60s")) {
            RunStarter runs = new RunStarter(composition);
            AtomicBoolean injected = new AtomicBoolean();
            Task<GameDayResult> task = new GameDayStarter(composition, runs)
                    .task(
                            x.gameDay,
                            e -> {},
                            e -> injected.compareAndSet(false, e instanceof RunEvent.FaultInjected),
                            e -> {},
                            said::add);
            Thread.ofVirtual().name("test-gameday").start(task);
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, injected::get);

            assertThat(runs.isRunning()).as("a GameDay is the app's active run").isTrue();
            long t0 = System.nanoTime();
            runs.haltAndWait();

            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(50));
            GameDayResult r = task.get(10, TimeUnit.SECONDS);
            assertThat(r.results())
                    .singleElement()
                    .satisfies(run -> assertThat(run.outcome()).isEqualTo(RunOutcome.HALTED));
            assertThat(composition.journal.openFaults()).isEmpty();
            assertThat(runs.isRunning()).isFalse();
        }
    }

    private static String scrape(int port) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
