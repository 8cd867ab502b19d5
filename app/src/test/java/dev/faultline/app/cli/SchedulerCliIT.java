package dev.faultline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.env.FaultlineHome;
import dev.faultline.engine.schedule.CronTimes;
import dev.faultline.engine.schedule.MissedRun;
import dev.faultline.engine.schedule.Schedule;
import dev.faultline.engine.schedule.ScheduleState;
import dev.faultline.engine.store.FaultlineStore;
import dev.faultline.engine.store.RunRecord;
import dev.faultline.plugin.slack.SlackApiServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code faultline scheduler --once} runs a sandbox runbook whose schedule is due now, as a run like any
 * other (recorded, told to Slack with a message of its own), and a second scheduler started after it
 * does not run the same time again.
 */
@ForkSandbox.Shared
class SchedulerCliIT {
    @TempDir
    Path home;

    private SlackApiServer slack;

    @BeforeEach
    void start() throws Exception {
        ForkSandbox.get(); // the scheduled run uses it, as it would a sandbox started by `faultline sandbox`
        slack = new SlackApiServer();
        Files.writeString(
                home.resolve("notifiers.properties"),
                "slack.token=" + SlackApiServer.TOKEN + "\n" + "slack.channel=" + SlackApiServer.CHANNEL_NAME
                        + "\nslack.apiUrl=" + slack.apiUrl() + "\n",
                StandardCharsets.UTF_8);
    }

    @AfterEach
    void stop() {
        slack.close();
    }

    @Test
    void aScheduleDueNowRunsOnceAndIsRecordedAndARestartDoesNotRunItAgain() throws Exception {
        // the latency runbook with its fault held 5 s: this test is about the scheduler, not the shop
        Path runbook = Cli.shortenedRunbook(home, "payment-latency-holds.yaml", "duration: 20s", "duration: 5s");
        Cli added = Cli.run(
                home,
                "schedule",
                "add",
                "yearly",
                runbook.toString(),
                "--cron",
                "0 3 1 1 *",
                "--zone",
                "Europe/Berlin");
        assertThat(added.exit()).as(added.out() + added.err()).isZero();
        assertThat(added.out()).contains("schedule 'yearly' added: payment-latency-holds on '0 3 1 1 *'");
        // daily at the minute two minutes ago (UTC), added ten minutes ago, a missed time runs once: due now,
        // and not again today
        java.time.ZonedDateTime due = Instant.now().minusSeconds(120).atZone(ZoneId.of("UTC"));
        try (FaultlineStore store = FaultlineStore.open(new FaultlineHome(home).database())) {
            assertThat(store.schedules()
                            .add(new Schedule(
                                    "daily",
                                    runbook.toString(),
                                    CronTimes.parse(due.getMinute() + " " + due.getHour() + " * * *"),
                                    ZoneId.of("UTC"),
                                    "",
                                    null,
                                    Set.of(),
                                    MissedRun.RUN_ONCE,
                                    Instant.now().minusSeconds(600))))
                    .isTrue();
        }

        Cli first = Cli.run(home, "scheduler", "--once");
        assertThat(first.exit()).as(first.out() + first.err()).isZero();
        assertThat(first.out())
                .contains("scheduler started: 2 schedule(s)")
                .contains("daily  caught-up: running " + runbook + " once for")
                .contains("yearly  next run 2027-01-01 0");
        String runId = group(first.out(), "daily  finished: run (\\S+) HELD");

        try (FaultlineStore store = FaultlineStore.open(new FaultlineHome(home).database())) {
            RunRecord run = store.findRun(runId).orElseThrow();
            assertThat(run.status()).isEqualTo("HELD");
            assertThat(run.experimentName()).isEqualTo("payment-latency-holds");
            ScheduleState st = store.schedules().find("daily").orElseThrow().state();
            assertThat(st.lastRunId()).isEqualTo(runId);
            assertThat(st.lastOutcome()).isEqualTo("HELD");
        }
        List<SlackApiServer.Received> posts = slack.messages.stream()
                .filter(m -> m.method().equals("chat.postMessage"))
                .toList();
        assertThat(posts.get(0).text())
                .isEqualTo("Scheduled experiment starting: payment-latency-holds in sandbox (schedule daily)");
        assertThat(posts).noneSatisfy(m -> assertThat(m.blocks()).contains("<@"));
        assertThat(posts).anySatisfy(m -> assertThat(m.text()).startsWith("HELD: payment-latency-holds"));

        Cli list = Cli.run(home, "schedule", "list");
        assertThat(list.out()).containsPattern("daily .* HELD \\(run " + Pattern.quote(runId) + "\\)");

        // a scheduler started again at once: the time it ran is not run again
        int runs = countRuns();
        Cli second = Cli.run(home, "scheduler", "--once");
        assertThat(second.exit()).as(second.out() + second.err()).isZero();
        assertThat(second.out()).doesNotContain("caught-up").doesNotContain("fired");
        assertThat(countRuns()).isEqualTo(runs);
    }

    private int countRuns() throws Exception {
        try (FaultlineStore store = FaultlineStore.open(new FaultlineHome(home).database())) {
            return store.recentRuns(100).size();
        }
    }

    private static String group(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group(1);
    }
}
