package dev.faultline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.plugin.slack.SlackApiServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A sandbox GameDay from the command line: its messages go to a local Slack API server, observations
 * and a retrospective are recorded, and the report exports in all four formats. The runs use the
 * fork's sandbox ({@link ForkSandbox}: each run finds it running, as after {@code faultline sandbox}):
 * these tests are about Slack, the records and the reports, not the sandbox's start, which
 * SandboxRunbooksIT covers.
 */
@ForkSandbox.Shared
class GameDayCliIT {
    @TempDir
    Path home;

    private SlackApiServer slack;

    @BeforeAll
    static void startTheSandbox() throws Exception {
        ForkSandbox.get();
    }

    @BeforeEach
    void start() throws Exception {
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

    /** The latency runbook with its fault held 5 s instead of 20 s: these tests are about Slack, the records and the reports. */
    private Path latencyRunbook() throws Exception {
        return Cli.shortenedRunbook(home, "payment-latency-holds.yaml", "duration: 20s", "duration: 5s");
    }

    private Path gameDay() throws Exception {
        Path f = home.resolve("day.yaml");
        Files.writeString(f, """
                apiVersion: faultline.dev/v1
                kind: GameDay
                metadata: {name: cli-day, title: "Payments GameDay 💳 支付"}
                spec:
                  environment: sandbox
                  schedule: {start: "2026-12-03T10:00", zone: Asia/Shanghai}
                  objectives: [Orders survive slow payments]
                  participants:
                    - {name: Zoë, role: leader, slackId: U012ABCDEF}
                    - {name: 李雷, role: on-call, slackId: U0ONCALL1}
                  experiments: [%s]
                """.formatted(latencyRunbook()), StandardCharsets.UTF_8);
        return f;
    }

    private static String group(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group(1);
    }

    @Test
    void aSingleRunWithNotifyTellsSlackInAThreadOfItsOwn() throws Exception {
        Cli run = Cli.run(home, "run", "--notify", latencyRunbook().toString());
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("notifications: slack");
        List<SlackApiServer.Received> posts = slack.messages.stream()
                .filter(m -> m.method().equals("chat.postMessage"))
                .toList();
        assertThat(posts.get(0).text()).isEqualTo("Experiment starting: payment-latency-holds in sandbox");
        assertThat(posts.subList(1, posts.size()))
                .isNotEmpty()
                .allSatisfy(m -> assertThat(m.threadTs()).isEqualTo(posts.get(0).ts()));
        assertThat(posts).anySatisfy(m -> assertThat(m.text()).startsWith("Fault going in: latency"));
        assertThat(posts).anySatisfy(m -> assertThat(m.text()).startsWith("HELD: payment-latency-holds"));
    }

    @Test
    void aSandboxGameDayTellsSlackAndItsRetrospectiveAndReportsComeOutInEveryFormat() throws Exception {
        Path day = gameDay();
        assertThat(Cli.run(home, "validate", day.toString()).out()).contains("GameDay cli-day (1 experiment(s)");
        Cli run = Cli.run(
                home,
                "gameday",
                "run",
                day.toString(),
                "--report",
                home.resolve("out/{id}.pdf").toString());
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        String dayId = group(run.out(), "GameDay run id: (\\S+)");
        String runId = group(run.out(), "\\(run (\\S+)\\)");
        assertThat(home.resolve("out/" + dayId + ".pdf")).exists();

        List<SlackApiServer.Received> posts = slack.messages.stream()
                .filter(m -> m.method().equals("chat.postMessage"))
                .toList();
        assertThat(posts.get(0).text()).isEqualTo("GameDay starting: Payments GameDay 💳 支付");
        assertThat(posts).anySatisfy(m -> assertThat(m.text()).startsWith("Fault going in: latency"));
        assertThat(posts).anySatisfy(m -> assertThat(m.text()).startsWith("HELD: payment-latency-holds"));
        assertThat(posts).anySatisfy(m -> assertThat(m.blocks()).contains(dayId + ".pdf"));
        assertThat(slack.messages).anySatisfy(m -> assertThat(m.method()).isEqualTo("chat.update"));
        assertThat(Cli.run(home, "notifications").out()).contains("every message was delivered");

        assertThat(Cli.run(home, "note", runId, "Zoë", "saw", "注文", "slow", "🔥")
                        .exit())
                .isZero();
        assertThat(Cli.run(home, "note", "no-such-run", "x").err())
                .contains("no run or GameDay run is called 'no-such-run'");
        assertThat(Cli.run(
                                home,
                                "retro",
                                "outcome",
                                runId,
                                "--verdict",
                                "passed",
                                "--detected-after",
                                "40s",
                                "--mitigated-after",
                                "2m")
                        .exit())
                .isZero();
        Cli finding = Cli.run(
                home,
                "retro",
                "finding",
                dayId,
                "--title",
                "Retries hide slow payments",
                "--happened",
                "p99 doubled",
                "--expected",
                "p99 flat",
                "--severity",
                "high",
                "--run",
                runId,
                "--probe",
                "order-p99-latency");
        assertThat(finding.exit()).as(finding.err()).isZero();
        assertThat(Cli.run(home, "retro", "lesson", dayId, "--kind", "surprise", "支付", "重试", "太多")
                        .exit())
                .isZero();
        assertThat(Cli.run(home, "retro", "lesson", dayId, "--kind", "meh", "x").err())
                .contains("'meh' is not one of");
        assertThat(Cli.run(
                                home,
                                "retro",
                                "action",
                                dayId,
                                "--title",
                                "Cap retries",
                                "--owner",
                                "李雷",
                                "--due",
                                "2026-12-24",
                                "--ticket",
                                "https://tickets.example.com/PAY-7")
                        .exit())
                .isZero();
        assertThat(Cli.run(home, "retro", "action", dayId, "--title", "x", "--owner", "y", "--due", "soon")
                        .err())
                .contains("'soon' is not a date");
        assertThat(Cli.run(home, "retro", "actions").out()).contains("Cap retries", "李雷");
        assertThat(Cli.run(home, "retro", "search", "注文").out()).contains("observation");
        assertThat(Cli.run(home, "retro", "score", dayId).out()).contains("resilience score of " + dayId);

        for (String format : List.of("md", "html", "pdf", "json")) {
            Path out = home.resolve("reports/day." + format);
            Cli r = Cli.run(home, "report", dayId, "--format", format, "-o", out.toString(), "--zone", "Asia/Shanghai");
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(out).exists();
        }
        String md = Files.readString(home.resolve("reports/day.md"));
        assertThat(md)
                .contains("Payments GameDay 💳 支付", "Retries hide slow payments", "Cap retries", "Asia/Shanghai (CST)");
        String html = Files.readString(home.resolve("reports/day.html"));
        assertThat(html).contains("<svg", "支付 重试 太多").doesNotContainPattern("(?i)<link|<script|src=\"http");
        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(home.resolve("reports/day.json")));
        assertThat(json.path("experiments").get(0).path("outcome").asString()).isEqualTo("HELD");
        assertThat(json.path("experiments").get(0).path("series").size()).isEqualTo(2);
        assertThat(json.path("findings").get(0).path("severity").asString()).isEqualTo("HIGH");
        try (PDDocument pdf = Loader.loadPDF(home.resolve("reports/day.pdf").toFile())) {
            assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(3);
            assertThat(new PDFTextStripper().getText(pdf))
                    .contains("Payments GameDay", "支付", "李雷", "Cap retries", "order-p99-latency");
        }

        Path notAFolder = home.resolve("file.txt");
        Files.writeString(notAFolder, "x");
        Cli bad = Cli.run(
                home,
                "report",
                dayId,
                "--format",
                "pdf",
                "-o",
                notAFolder.resolve("r.pdf").toString());
        assertThat(bad.exit()).isEqualTo(ExitCodes.COULD_NOT_RUN);
        assertThat(bad.err()).contains("cannot write the report to");
        assertThat(Cli.run(home, "report", "nothing-here").err()).contains("no GameDay run, GameDay or run is called");
    }

    @Test
    void slackTestSaysWhetherTheSettingsWork() throws Exception {
        Cli ok = Cli.run(home, "slack", "test");
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("test message sent to channel #gameday");
        Files.writeString(
                home.resolve("notifiers.properties"),
                "slack.token=xoxb-0000-wrong\nslack.channel=#gameday\n" + "slack.apiUrl=" + slack.apiUrl() + "\n");
        Cli wrong = Cli.run(home, "slack", "test");
        assertThat(wrong.exit()).isEqualTo(ExitCodes.COULD_NOT_RUN);
        assertThat(wrong.err())
                .contains("Slack refused the token (invalid_auth)")
                .doesNotContain("xoxb-0000-wrong");
        Files.writeString(home.resolve("notifiers.properties"), "slack.token=xoxb-0000-wrong\n");
        assertThat(Cli.run(home, "slack", "test").err()).contains("slack.channel is missing");
    }
}
