package dev.faultline.app.view.retro;

import static dev.faultline.app.view.retro.RetroFixture.NOW;
import static dev.faultline.app.view.retro.RetroFixture.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.report.ActionItem;
import dev.faultline.engine.report.Lesson;
import dev.faultline.engine.report.Severity;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The retrospective's records changed without a window: findings, lessons and action items
 * edited, closed and deleted, times to detect and mitigate, a finding linked and unlinked, an edit
 * undone and a deleted finding brought back, an action item done and open again.
 * On a real H2 database in a temporary folder ({@link RetroFixture}).
 */
class RetroEditsTest {
    @TempDir
    Path home;

    @AutoClose
    private RetroFixture retro;

    @BeforeEach
    void aGameDayRan() throws Exception {
        retro = new RetroFixture(home);
    }

    @Test
    void findingsLessonsAndActionItemsAreEditedClosedAndDeletedAndTheNotesShown() throws Exception {
        retro.store.retro().addObservation("run-1", STARTED.plusSeconds(12), "Margaret Hamilton", "dashboard red");
        RetroViewModel m = retro.model();
        m.refresh();
        assertThat(m.retroProperty().get().notes().stream().map(RetroViewModel.Note::line))
                .containsExactly("16:30:12 Margaret Hamilton: dashboard red");
        m.findings().add("retries hide a slow provider", "p99 2 s", "fast failure", Severity.HIGH, "run-1", () -> {});
        m.lessons().add(Lesson.Kind.WENT_WELL, "the alert fired", () -> {});
        m.actionItems().add("Cap retries", "Ada", m.actionItems().defaultDue(), "", () -> {});

        var f = m.findings().records().get(0);
        assertThat(f.runId()).isEqualTo("run-1");
        assertThat(m.findings().lines().get(0)).endsWith(" · payment-outage-halts · HALTED");
        m.findings().edit(f, "retries hide it", "p99 3 s", "fast failure", Severity.CRITICAL, () -> {});
        assertThat(m.findings().lines().get(0))
                .startsWith("#1 [CRITICAL] retries hide it: p99 3 s (expected: fast failure) · payment-outage-halts");
        m.findings().setClosed(m.findings().records().get(0), true);
        assertThat(m.findings().lines())
                .singleElement()
                .satisfies(l -> assertThat(l).startsWith("#1 (closed) "));
        assertThat(retro.store.retro().findings("gd-1", List.of("run-1")).get(0).closedAt())
                .isEqualTo(NOW);

        m.lessons().edit(m.lessons().records(Lesson.Kind.WENT_WELL).get(0), "the alert fired in 40 s");
        assertThat(m.lessons().lines(Lesson.Kind.WENT_WELL)).containsExactly("the alert fired in 40 s");
        m.lessons().delete(m.lessons().records(Lesson.Kind.WENT_WELL).get(0));
        assertThat(m.lessons().lines(Lesson.Kind.WENT_WELL)).isEmpty();

        ActionItem a = m.actionItems().records().get(0);
        m.actionItems()
                .edit(a, "Cap retries at 2", "Ken", LocalDate.of(2027, 1, 8), ActionItem.Status.DONE, "", () -> {});
        assertThat(retro.store.retro().actionItems("gd-1")).singleElement().satisfies(x -> {
            assertThat(x.owner()).isEqualTo("Ken");
            assertThat(x.status()).isEqualTo(ActionItem.Status.DONE);
        });
        m.actionItems().edit(a, "Cap retries at 2", " ", null, ActionItem.Status.OPEN, "", () -> {});
        assertThat(m.statusProperty().get()).contains("owner");
        m.actionItems().delete(m.actionItems().records().get(0));
        m.findings().delete(m.findings().records().get(0));
        assertThat(m.actionItems().lines()).isEmpty();
        assertThat(m.findings().lines()).isEmpty();
        assertThat(retro.errors).isEmpty();
    }

    @Test
    void timesToDetectAndMitigateAreDurationsOrClockTimesCountedFromTheFirstFault() throws Exception {
        RetroViewModel m = retro.model();
        m.refresh();
        assertThat(m.verdicts().setTimes("run-1", "10:00", "")).contains("no fault took effect");

        retro.store.appendEvent("run-1", 1, STARTED.plusSeconds(10), "fault-injected", "payments down");
        m.select(null);
        m.refresh();
        // the fields' hints are this run's times, in the user's zone, not an example of no run
        assertThat(m.verdicts().firstFault("run-1")).isEqualTo("16:30:10");
        assertThat(m.verdicts().hint("run-1", "detected", java.time.Duration.ofSeconds(40)))
                .isEqualTo("detected: 40s or 16:30:50");
        assertThat(m.verdicts().hint("run-2", "detected", java.time.Duration.ofSeconds(40)))
                .as("a run without a fault")
                .isEqualTo("detected: a duration such as 40s");
        // 16:30:10 in India is the fault; detected at 16:30:52, mitigated 3 minutes after the fault
        assertThat(m.verdicts().setTimes("run-1", "16:30:52", "3m")).isEmpty();
        assertThat(m.retroProperty().get().verdicts()).singleElement().satisfies(v -> {
            assertThat(v.detected()).isTrue();
            assertThat(v.timeToDetect()).isEqualTo(java.time.Duration.ofSeconds(42));
            assertThat(v.mitigated()).isTrue();
            assertThat(v.timeToMitigate()).isEqualTo(java.time.Duration.ofMinutes(3));
        });
        assertThat(m.verdicts().setTimes("run-1", "16:29", "")).contains("before the first fault");
        assertThat(m.verdicts().setTimes("run-1", "soon", "")).contains("neither a duration");
        assertThat(retro.store.retro().outcomes(List.of("run-1")))
                .singleElement()
                .satisfies(o -> assertThat(o.timeToDetect()).isEqualTo(java.time.Duration.ofSeconds(42)));
    }

    @Test
    void aFindingIsLinkedToAnExperimentANoteAndAnActionItemThenUnlinked() throws Exception {
        var note = retro.store
                .retro()
                .addObservation("run-1", STARTED.plusSeconds(12), "Margaret Hamilton", "dashboard red");
        RetroViewModel m = retro.model();
        m.refresh();
        m.findings().add("retries hide a slow provider", "p99 2 s", "fast failure", Severity.HIGH, "", () -> {});
        m.actionItems().add("Cap retries", "Ada", null, "", () -> {});

        m.findings().link(m.findings().records().get(0), "run-1", note.id());
        m.actionItems()
                .link(m.actionItems().records().get(0), m.findings().records().get(0));

        assertThat(retro.store.retro().findings("gd-1", List.of("run-1")))
                .singleElement()
                .satisfies(x -> {
                    assertThat(x.runId()).isEqualTo("run-1");
                    assertThat(x.observationId()).isEqualTo(note.id());
                });
        assertThat(retro.store.retro().actionItems("gd-1").get(0).findingId()).isEqualTo(1L);
        assertThat(m.findings().lines())
                .containsExactly("#1 [HIGH] retries hide a slow provider: p99 2 s (expected: fast failure)"
                        + " · payment-outage-halts · HALTED · note 16:30:12 · action #1");
        assertThat(m.actionItems().lines().get(0)).endsWith(" · finding #1");

        m.findings().link(m.findings().records().get(0), "", null);
        m.actionItems().link(m.actionItems().records().get(0), null);

        assertThat(m.findings().lines())
                .containsExactly("#1 [HIGH] retries hide a slow provider: p99 2 s (expected: fast failure)");
        assertThat(retro.store.retro().actionItems("gd-1").get(0).findingId()).isNull();
        assertThat(retro.errors).isEmpty();
    }

    @Test
    void anEditIsUndoneAndADeletedFindingComesBackClosedWithTheActionItemThatAnsweredIt() throws Exception {
        RetroViewModel m = retro.model();
        m.refresh();
        m.findings().add("retries hide a slow provider", "p99 2 s", "fast failure", Severity.HIGH, "run-1", () -> {});
        assertThat(m.findings().undoLabelProperty().get()).isEmpty();

        m.findings().edit(m.findings().records().get(0), "typo", "", "", Severity.LOW, () -> {});
        assertThat(retro.store.retro().findings("gd-1", List.of()).get(0).title())
                .isEqualTo("typo");
        assertThat(m.findings().undoLabelProperty().get()).isEqualTo("Undo edit of 'retries hide a slow provider'");
        m.findings().undo();
        assertThat(retro.store.retro().findings("gd-1", List.of()))
                .singleElement()
                .satisfies(x -> {
                    assertThat(x.title()).isEqualTo("retries hide a slow provider");
                    assertThat(x.happened()).isEqualTo("p99 2 s");
                    assertThat(x.severity()).isEqualTo(Severity.HIGH);
                });
        assertThat(m.findings().undoLabelProperty().get()).isEmpty();

        m.actionItems()
                .add("Cap retries", "Ada", null, "", m.findings().records().get(0), () -> {});
        m.findings().setClosed(m.findings().records().get(0), true);
        m.findings().delete(m.findings().records().get(0));
        assertThat(m.findings().lines()).isEmpty();
        assertThat(m.statusProperty().get()).isEqualTo("finding 'retries hide a slow provider' deleted");
        assertThat(retro.store.retro().actionItems("gd-1").get(0).findingId()).isNull();

        m.findings().undo();

        assertThat(retro.store.retro().findings("gd-1", List.of()))
                .singleElement()
                .satisfies(x -> {
                    assertThat(x.title()).isEqualTo("retries hide a slow provider");
                    assertThat(x.runId()).isEqualTo("run-1");
                    assertThat(x.closedAt()).isEqualTo(NOW);
                    assertThat(retro.store.retro().actionItems("gd-1").get(0).findingId())
                            .isEqualTo(x.id());
                });
        assertThat(m.findings().lines())
                .singleElement()
                .satisfies(l -> assertThat(l).contains("(closed)"));
        assertThat(retro.errors).isEmpty();
    }

    @Test
    void anActionItemIsMarkedDoneAndOpenAgain() throws Exception {
        RetroViewModel m = retro.model();
        m.refresh();
        m.actionItems().add("Cap retries", "Ada", LocalDate.of(2027, 1, 8), "", () -> {});

        m.actionItems().close(m.actionItems().records().get(0), true);
        assertThat(retro.store.retro().actionItems("gd-1").get(0).status()).isEqualTo(ActionItem.Status.DONE);
        assertThat(m.actionItems().lines().get(0)).contains(" · done");
        m.actionItems().close(m.actionItems().records().get(0), false);
        assertThat(retro.store.retro().actionItems("gd-1").get(0).status()).isEqualTo(ActionItem.Status.OPEN);
        assertThat(retro.store.retro().actionItems("gd-1").get(0).due()).isEqualTo(LocalDate.of(2027, 1, 8));
    }
}
