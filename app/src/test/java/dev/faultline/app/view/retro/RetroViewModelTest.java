package dev.faultline.app.view.retro;

import static dev.faultline.app.view.retro.RetroFixture.INDIA;
import static dev.faultline.app.view.retro.RetroFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.app.fx.AppRetroActions;
import dev.faultline.app.view.common.InPlace;
import dev.faultline.engine.report.ActionItem;
import dev.faultline.engine.report.ExperimentOutcome;
import dev.faultline.engine.report.Lesson;
import dev.faultline.engine.report.Severity;
import dev.faultline.engine.store.FaultlineStore;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The retrospective screen without a window: the GameDay runs read and shown in the user's zone,
 * lessons, findings and action items stored (or refused without a title), verdicts, search, and
 * no GameDay yet or a database that cannot be read.
 * On a real H2 database in a temporary folder ({@link RetroFixture}).
 */
class RetroViewModelTest {
    @TempDir
    Path home;

    @AutoClose
    private RetroFixture retro;

    @BeforeEach
    void aGameDayRan() throws Exception {
        retro = new RetroFixture(home);
    }

    @Test
    void theGameDayRunsAreReadAndTheFirstIsShownWithItsExperimentsInTheUsersZone() {
        RetroViewModel m = retro.model();
        m.refresh();

        assertThat(m.runs()).singleElement().satisfies(r -> assertThat(r.id()).isEqualTo("gd-1"));
        var run = m.selectedProperty().get();
        assertThat(run).isNotNull();
        assertThat(m.label(run))
                .startsWith("Payments GameDay\n")
                .contains("16:30")
                .doesNotContain("11:00")
                .endsWith(" · COMPLETED");
        assertThat(m.when(run)).contains("16:30 (Asia/Kolkata) · sandbox · COMPLETED");
        assertThat(m.retroProperty().get()).isNotNull();
        assertThat(m.retroProperty().get().verdicts())
                .containsExactly(new RetroViewModel.Verdict(
                        "run-1", "payment-outage-halts · HALTED", ExperimentOutcome.Verdict.UNSURE, false, false));
        assertThat(retro.errors).isEmpty();
    }

    @Test
    void aLessonAFindingAndAnActionItemAreStoredStampedByTheClockAndListed() throws Exception {
        RetroViewModel m = retro.model();
        m.refresh();
        List<String> saved = new ArrayList<>();

        m.lessons().add(Lesson.Kind.WENT_WELL, "  the alert fired in 40 s ", () -> saved.add("lesson"));
        m.lessons().add(Lesson.Kind.SURPRISE, "   ", () -> saved.add("blank lesson"));
        m.findings()
                .add(
                        "retries hide a slow provider",
                        "p99 rose to 2 s",
                        "a fast failure",
                        Severity.HIGH,
                        "",
                        () -> saved.add("finding"));
        m.actionItems()
                .add("Cap payment retries at 2", "Ada", m.actionItems().defaultDue(), "", () -> saved.add("action"));

        assertThat(saved).containsExactly("lesson", "finding", "action");
        assertThat(m.lessons().lines(Lesson.Kind.WENT_WELL)).containsExactly("the alert fired in 40 s");
        assertThat(m.lessons().lines(Lesson.Kind.SURPRISE)).isEmpty();
        assertThat(m.findings().lines())
                .containsExactly("#1 [HIGH] retries hide a slow provider: p99 rose to 2 s (expected: a fast failure)");
        assertThat(m.actionItems().lines())
                .singleElement()
                .satisfies(l -> assertThat(l).startsWith("#1 Cap payment retries at 2 · Ada · due 2026-12-21"));
        assertThat(retro.store.retro().lessons("gd-1"))
                .singleElement()
                .satisfies(l -> assertThat(l.createdAt()).isEqualTo(NOW));
        assertThat(retro.store.retro().findings("gd-1", List.of("run-1")))
                .singleElement()
                .satisfies(f -> assertThat(f.createdAt()).isEqualTo(NOW));
        assertThat(retro.store.retro().actionItems("gd-1")).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(ActionItem.Status.OPEN);
            assertThat(a.due()).isEqualTo(LocalDate.of(2026, 12, 21));
        });
    }

    /**
     * The same GameDay run again the next day, stopped after a halt: the retrospective opens on it,
     * read while it ran and again once it was over, and each day keeps its own experiments and lessons.
     */
    @Test
    void aSecondDayOfTheSameGameDayIsShownWithItsOwnRunsAndLessons() throws Exception {
        RetroViewModel m = retro.model();
        m.refresh();
        m.lessons().add(Lesson.Kind.WENT_WELL, "day one: the alert fired in 40 s", () -> {});
        java.time.Instant nextDay = RetroFixture.STARTED.plus(java.time.Duration.ofDays(1));
        long experiment =
                retro.store.saveExperiment("payment-outage-halts", "Payment outage", "kind: Experiment", "sha-1");
        retro.store.createRun(new dev.faultline.engine.store.RunRecord(
                "run-2", experiment, "payment-outage-halts", "sandbox", "RUNNING", nextDay, null, null));
        retro.store.finishRun("run-2", "HALTED", nextDay.plusSeconds(20), "HALTED after 20s: kill switch", "{}");
        long day = retro.store.gameDays().saveGameDay("payments", "Payments GameDay", "kind: GameDay", "sha-2");
        retro.store.gameDays().createRun("gd-2", day, "sandbox", nextDay);
        retro.store.gameDays().addMember("gd-2", 0, "run-2");
        m.refresh(); // the retrospective read while the second day runs
        retro.store.gameDays().finishRun("gd-2", "STOPPED", nextDay.plusSeconds(30), "ended by the leader");

        m.refresh();

        assertThat(m.runs()).extracting(r -> r.id()).containsExactly("gd-2", "gd-1");
        var second = m.selectedProperty().get();
        assertThat(second).isNotNull();
        assertThat(second.id()).isEqualTo("gd-2");
        assertThat(second.status()).isEqualTo("STOPPED");
        assertThat(m.retroProperty().get().verdicts())
                .extracting(RetroViewModel.Verdict::runId)
                .containsExactly("run-2");
        assertThat(m.lessons().lines(Lesson.Kind.WENT_WELL))
                .as("day two has none yet")
                .isEmpty();
        m.lessons().add(Lesson.Kind.WENT_WELL, "day two: resumed after the halt", () -> {});

        m.select(m.runs().get(1));

        assertThat(m.retroProperty().get().verdicts())
                .extracting(RetroViewModel.Verdict::runId)
                .containsExactly("run-1");
        assertThat(m.lessons().lines(Lesson.Kind.WENT_WELL)).containsExactly("day one: the alert fired in 40 s");
        assertThat(retro.store.retro().lessons("gd-2"))
                .extracting(Lesson::text)
                .containsExactly("day two: resumed after the halt");
    }

    @Test
    void theDefaultDueDateIsTwoWeeksFromTodayInTheUsersZoneNotInUtc() {
        assertThat(retro.model().actionItems().defaultDue())
                .isEqualTo(LocalDate.of(2026, 12, 21)); // 7 Dec in India, 6 Dec in UTC
    }

    @Test
    void aFindingOrActionItemWithoutATitleIsRefusedWithTheReasonAndNothingIsStored() throws Exception {
        RetroViewModel m = retro.model();
        m.refresh();

        m.findings().add("  ", "something", "", Severity.LOW, "", () -> {});
        assertThat(m.statusProperty().get()).isEqualTo("not added: a finding needs a title");
        m.actionItems().add("", "Ada", null, "", () -> {});
        assertThat(m.statusProperty().get()).startsWith("not added: ");

        assertThat(retro.store.retro().findings("gd-1", List.of("run-1"))).isEmpty();
        assertThat(retro.store.retro().actionItems("gd-1")).isEmpty();
        assertThat(m.findings().lines()).isEmpty();
    }

    @Test
    void aVerdictIsStoredAndShownWhenTheRetrospectiveIsReadAgain() throws Exception {
        RetroViewModel m = retro.model();
        m.refresh();

        m.verdicts().set("run-1", ExperimentOutcome.Verdict.PASSED, true, false);

        assertThat(m.statusProperty().get()).isEqualTo("verdict on run-1 saved");
        assertThat(retro.store.retro().outcomes(List.of("run-1")))
                .singleElement()
                .satisfies(o -> {
                    assertThat(o.verdict()).isEqualTo(ExperimentOutcome.Verdict.PASSED);
                    assertThat(o.detected()).isTrue();
                    assertThat(o.mitigated()).isFalse();
                });
        RetroViewModel again = retro.model();
        again.refresh();
        assertThat(again.retroProperty().get().verdicts())
                .singleElement()
                .isEqualTo(new RetroViewModel.Verdict(
                        "run-1", "payment-outage-halts · HALTED", ExperimentOutcome.Verdict.PASSED, true, false));
    }

    @Test
    void searchFindsWhatWasWrittenAndShowsWhenInTheUsersZone() {
        RetroViewModel m = retro.model();
        m.refresh();
        m.lessons().add(Lesson.Kind.FOLLOW_UP, "ask the payments team about retries", () -> {});

        m.search().search("RETRIES");

        assertThat(m.search().hits())
                .singleElement()
                .satisfies(h -> assertThat(h)
                        .startsWith("lesson · ")
                        .contains("01:30")
                        .endsWith(" · ask the payments team about retries"));
    }

    @Test
    void noGameDayYetSelectsNothingAndADatabaseThatCannotBeReadIsReported() throws Exception {
        try (FaultlineStore empty = FaultlineStore.open(home.resolve("empty/faultline"))) {
            RetroViewModel m = new RetroViewModel(
                    new AppRetroActions(() -> empty, retro.clock, (id, f, to) -> to),
                    INDIA,
                    retro.clock,
                    new InPlace(),
                    (what, e) -> retro.errors.add(what));
            m.refresh();
            assertThat(m.runs()).isEmpty();
            assertThat(m.selectedProperty().get()).isNull();
            assertThat(m.retroProperty().get()).isNull();
        }
        RetroViewModel broken = new RetroViewModel(
                new AppRetroActions(
                        () -> {
                            throw new dev.faultline.engine.store.StoreException(
                                    "the database is in use by another Faultline", null);
                        },
                        retro.clock,
                        (id, f, to) -> to),
                INDIA,
                retro.clock,
                new InPlace(),
                (what, e) -> retro.errors.add(what + ": " + e.getMessage()));
        broken.refresh();
        assertThat(retro.errors)
                .containsExactly("Could not read the GameDays: the database is in use by another Faultline");
    }
}
