package dev.faultline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.env.FaultlineHome;
import dev.faultline.engine.report.ActionItem;
import dev.faultline.engine.report.Finding;
import dev.faultline.engine.report.Severity;
import dev.faultline.engine.store.FaultlineStore;
import dev.faultline.engine.store.RunRecord;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code faultline retro finding-edit|finding-close|finding-delete} and {@code action-edit|action-close|action-delete}
 * on a real database: a GameDay run with one experiment, finding #1 and action item #1.
 */
class RetroEditCliTest {
    static final Instant STARTED = Instant.parse("2026-12-06T11:00:00Z");

    @TempDir
    Path home;

    @BeforeEach
    void aGameDayWithAFindingAndAnActionItem() throws Exception {
        try (FaultlineStore store = FaultlineStore.open(new FaultlineHome(home).database())) {
            long experiment = store.saveExperiment("payment-outage", "Payment outage", "kind: Experiment", "sha-1");
            store.createRun(
                    new RunRecord("run-1", experiment, "payment-outage", "sandbox", "RUNNING", STARTED, null, null));
            store.finishRun("run-1", "HALTED", STARTED.plusSeconds(40), "HALTED", "{}");
            long day = store.gameDays().saveGameDay("payments", "Payments GameDay", "kind: GameDay", "sha-2");
            store.gameDays().createRun("gd-1", day, "sandbox", STARTED);
            store.gameDays().addMember("gd-1", 0, "run-1");
            store.gameDays().finishRun("gd-1", "COMPLETED", STARTED.plusSeconds(60), "");
            store.retro().addObservation("run-1", STARTED.plusSeconds(5), "Ada", "dashboard red");
            store.retro()
                    .addFinding(new Finding(
                            0,
                            "gd-1",
                            "",
                            "",
                            null,
                            "retries hide it",
                            "p99 2 s",
                            "fast failure",
                            Severity.HIGH,
                            STARTED));
            store.retro()
                    .addActionItem(new ActionItem(
                            0, "gd-1", null, "Cap retries", "Ada", null, ActionItem.Status.OPEN, "", STARTED));
        }
    }

    private FaultlineStore open() throws Exception {
        return FaultlineStore.open(new FaultlineHome(home).database());
    }

    private Finding finding() throws Exception {
        try (FaultlineStore s = open()) {
            return s.retro().finding(1).orElseThrow();
        }
    }

    private List<Finding> findings() throws Exception {
        try (FaultlineStore s = open()) {
            return s.retro().findings("gd-1", List.of("run-1"));
        }
    }

    private ActionItem item() throws Exception {
        try (FaultlineStore s = open()) {
            return s.retro().actionItem(1).orElseThrow();
        }
    }

    private List<ActionItem> items() throws Exception {
        try (FaultlineStore s = open()) {
            return s.retro().actionItems("gd-1");
        }
    }

    @Test
    void aFindingIsEditedLinkedClosedReopenedAndDeleted() throws Exception {
        Cli edit = Cli.run(
                home,
                "retro",
                "finding-edit",
                "1",
                "--title",
                "retries hide slow payments",
                "--severity",
                "critical",
                "--run",
                "run-1",
                "--observation",
                "1");
        assertThat(edit.exit()).as(edit.err()).isZero();
        assertThat(edit.out()).isEqualTo("finding #1 changed\n");
        Finding f = finding();
        assertThat(f.title()).isEqualTo("retries hide slow payments");
        assertThat(f.happened()).isEqualTo("p99 2 s"); // not given: unchanged
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.runId()).isEqualTo("run-1");
        assertThat(f.observationId()).isEqualTo(1L);

        assertThat(Cli.run(home, "retro", "finding-edit", "1", "--run", "", "--no-observation")
                        .exit())
                .isZero();
        assertThat(finding())
                .satisfies(x -> assertThat(x.runId()).isEmpty())
                .satisfies(x -> assertThat(x.observationId()).isNull());

        assertThat(Cli.run(home, "retro", "finding-close", "1").out()).isEqualTo("finding #1 closed\n");
        assertThat(finding().closedAt()).isNotNull();
        assertThat(Cli.run(home, "retro", "finding-close", "1", "--reopen").out())
                .isEqualTo("finding #1 open again\n");
        assertThat(finding().closedAt()).isNull();

        Cli delete = Cli.run(home, "retro", "finding-delete", "1");
        assertThat(delete.exit()).isZero();
        assertThat(delete.out()).isEqualTo("finding #1 'retries hide slow payments' deleted\n");
        assertThat(findings()).isEmpty();
    }

    @Test
    void anActionItemIsEditedLinkedClosedAndDeleted() throws Exception {
        Cli edit = Cli.run(
                home,
                "retro",
                "action-edit",
                "1",
                "--owner",
                "Ken",
                "--due",
                "2027-01-08",
                "--finding",
                "1",
                "--status",
                "in-progress");
        assertThat(edit.exit()).as(edit.err()).isZero();
        ActionItem a = item();
        assertThat(a.title()).isEqualTo("Cap retries");
        assertThat(a.owner()).isEqualTo("Ken");
        assertThat(a.due()).isEqualTo(LocalDate.of(2027, 1, 8));
        assertThat(a.findingId()).isEqualTo(1L);
        assertThat(a.status()).isEqualTo(ActionItem.Status.IN_PROGRESS);

        assertThat(Cli.run(home, "retro", "action-edit", "1", "--due", "none", "--no-finding")
                        .exit())
                .isZero();
        assertThat(item())
                .satisfies(x -> assertThat(x.due()).isNull())
                .satisfies(x -> assertThat(x.findingId()).isNull());

        assertThat(Cli.run(home, "retro", "action-close", "1").out()).isEqualTo("action item #1 done\n");
        assertThat(item().status()).isEqualTo(ActionItem.Status.DONE);
        assertThat(Cli.run(home, "retro", "actions").out()).isEqualTo("no open action items\n");

        assertThat(Cli.run(home, "retro", "action-delete", "1").out())
                .isEqualTo("action item #1 'Cap retries' deleted\n");
        assertThat(items()).isEmpty();
    }

    @Test
    void whatCannotBeDoneIsOneLineSayingWhereWhatAndWhatToDoWithExit2AndNothingChanges() throws Exception {
        Cli missing = Cli.run(home, "retro", "finding-close", "42");
        assertThat(missing.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(missing.err())
                .isEqualTo(
                        "faultline: there is no finding #42 (see faultline retro search, or the report's findings)\n");
        assertThat(Cli.run(home, "retro", "action-delete", "42").err())
                .startsWith("faultline: there is no action item #42 (see faultline retro actions");

        Cli blank = Cli.run(home, "retro", "finding-edit", "1", "--title", " ");
        assertThat(blank.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(blank.err()).isEqualTo("faultline: finding #1: a finding needs a title\n");
        assertThat(Cli.run(home, "retro", "finding-edit", "1", "--severity", "awful")
                        .err())
                .isEqualTo("faultline: finding #1: --severity: 'awful' is not one of [low, medium, high, critical]\n");
        assertThat(Cli.run(home, "retro", "finding-edit", "1", "--run", "nope").err())
                .isEqualTo("faultline: finding #1: --run: no run is called 'nope' (see faultline runs)\n");
        assertThat(Cli.run(home, "retro", "action-edit", "1", "--due", "soon").err())
                .isEqualTo("faultline: action item #1: --due: 'soon' is not a date like 2026-12-20 (or 'none')\n");
        assertThat(Cli.run(home, "retro", "action-edit", "1", "--finding", "9").err())
                .isEqualTo("faultline: action item #1: --finding: there is no finding #9\n");
        assertThat(Cli.run(home, "retro", "action-edit", "1", "--owner", "").exit())
                .isEqualTo(ExitCodes.INVALID_INPUT);

        assertThat(finding().title()).isEqualTo("retries hide it");
        assertThat(item())
                .satisfies(x -> assertThat(x.owner()).isEqualTo("Ada"))
                .satisfies(x -> assertThat(x.due()).isNull());
    }
}
