package dev.faultline.app.view.retro;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.app.fx.AppRetroActions;
import dev.faultline.app.view.common.InPlace;
import dev.faultline.engine.report.ActionItem;
import dev.faultline.engine.report.ExperimentOutcome;
import dev.faultline.engine.report.Lesson;
import dev.faultline.engine.report.Severity;
import dev.faultline.engine.store.FaultlineStore;
import dev.faultline.engine.store.RunRecord;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The retrospective screen without a window, on a real H2 database in a temporary folder: a
 * GameDay run of one experiment at 11:00 UTC, shown in India (UTC+5:30), with the clock at 20:00 UTC
 * (already the next day in India).
 */
class RetroViewModelTest {
    static final Instant STARTED = Instant.parse("2026-12-06T11:00:00Z");
    static final Instant NOW = Instant.parse("2026-12-06T20:00:00Z");
    static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");

    @TempDir
    Path home;

    private FaultlineStore store;
    private final List<String> errors = new ArrayList<>();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @BeforeEach
    void aGameDayRan() throws Exception {
        store = FaultlineStore.open(home.resolve("db/faultline"));
        long experiment = store.saveExperiment("payment-outage-halts", "Payment outage", "kind: Experiment", "sha-1");
        store.createRun(
                new RunRecord("run-1", experiment, "payment-outage-halts", "sandbox", "RUNNING", STARTED, null, null));
        store.finishRun("run-1", "HALTED", STARTED.plusSeconds(40), "HALTED after 40s: stop condition", "{}");
        long day = store.gameDays().saveGameDay("payments", "Payments GameDay", "kind: GameDay", "sha-2");
        store.gameDays().createRun("gd-1", day, "sandbox", STARTED);
        store.gameDays().addMember("gd-1", 0, "run-1");
        store.gameDays().finishRun("gd-1", "COMPLETED", STARTED.plusSeconds(60), "");
    }

    @AfterEach
    void close() {
        store.close();
    }

    private RetroViewModel model() {
        return new RetroViewModel(
                new AppRetroActions(() -> store, clock, (id, format, to) -> to),
                INDIA,
                clock,
                new InPlace(),
                (what, e) -> errors.add(what + ": " + e.getMessage()));
    }

    @Test
    void theGameDayRunsAreReadAndTheFirstIsShownWithItsExperimentsInTheUsersZone() {
        RetroViewModel m = model();
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
        assertThat(errors).isEmpty();
    }

    @Test
    void aLessonAFindingAndAnActionItemAreStoredStampedByTheClockAndListed() throws Exception {
        RetroViewModel m = model();
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
        assertThat(store.retro().lessons("gd-1"))
                .singleElement()
                .satisfies(l -> assertThat(l.createdAt()).isEqualTo(NOW));
        assertThat(store.retro().findings("gd-1", List.of("run-1")))
                .singleElement()
                .satisfies(f -> assertThat(f.createdAt()).isEqualTo(NOW));
        assertThat(store.retro().actionItems("gd-1")).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(ActionItem.Status.OPEN);
            assertThat(a.due()).isEqualTo(LocalDate.of(2026, 12, 21));
        });
    }

    @Test
    void theDefaultDueDateIsTwoWeeksFromTodayInTheUsersZoneNotInUtc() {
        assertThat(model().actionItems().defaultDue())
                .isEqualTo(LocalDate.of(2026, 12, 21)); // 7 Dec in India, 6 Dec in UTC
    }

    @Test
    void aFindingOrActionItemWithoutATitleIsRefusedWithTheReasonAndNothingIsStored() throws Exception {
        RetroViewModel m = model();
        m.refresh();

        m.findings().add("  ", "something", "", Severity.LOW, "", () -> {});
        assertThat(m.statusProperty().get()).isEqualTo("not added: a finding needs a title");
        m.actionItems().add("", "Ada", null, "", () -> {});
        assertThat(m.statusProperty().get()).startsWith("not added: ");

        assertThat(store.retro().findings("gd-1", List.of("run-1"))).isEmpty();
        assertThat(store.retro().actionItems("gd-1")).isEmpty();
        assertThat(m.findings().lines()).isEmpty();
    }

    @Test
    void aVerdictIsStoredAndShownWhenTheRetrospectiveIsReadAgain() throws Exception {
        RetroViewModel m = model();
        m.refresh();

        m.verdicts().set("run-1", ExperimentOutcome.Verdict.PASSED, true, false);

        assertThat(m.statusProperty().get()).isEqualTo("verdict on run-1 saved");
        assertThat(store.retro().outcomes(List.of("run-1"))).singleElement().satisfies(o -> {
            assertThat(o.verdict()).isEqualTo(ExperimentOutcome.Verdict.PASSED);
            assertThat(o.detected()).isTrue();
            assertThat(o.mitigated()).isFalse();
        });
        RetroViewModel again = model();
        again.refresh();
        assertThat(again.retroProperty().get().verdicts())
                .singleElement()
                .isEqualTo(new RetroViewModel.Verdict(
                        "run-1", "payment-outage-halts · HALTED", ExperimentOutcome.Verdict.PASSED, true, false));
    }

    @Test
    void searchFindsWhatWasWrittenAndShowsWhenInTheUsersZone() {
        RetroViewModel m = model();
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
    void theReportIsWrittenWhereAskedAndTheStatusSaysWhere() {
        RetroViewModel m = new RetroViewModel(
                new AppRetroActions(() -> store, clock, (id, format, to) -> {
                    throw new IllegalStateException("disk full writing " + to.getFileName());
                }),
                INDIA,
                clock,
                new InPlace(),
                (what, e) -> errors.add(what + ": " + e.getMessage()));
        m.refresh();

        m.report().export("pdf", home.resolve("payments-report.pdf"));

        assertThat(m.statusProperty().get())
                .isEqualTo("the report could not be written: disk full writing payments-report.pdf");
        assertThat(errors).containsExactly("The report could not be written: disk full writing payments-report.pdf");
        assertThat(RetroReportExport.fileName(m.selectedProperty().get(), "pdf", INDIA))
                .isEqualTo("payments-2026-12-06-report.pdf");
    }

    @Test
    void noGameDayYetSelectsNothingAndADatabaseThatCannotBeReadIsReported() throws Exception {
        try (FaultlineStore empty = FaultlineStore.open(home.resolve("empty/faultline"))) {
            RetroViewModel m = new RetroViewModel(
                    new AppRetroActions(() -> empty, clock, (id, f, to) -> to),
                    INDIA,
                    clock,
                    new InPlace(),
                    (what, e) -> errors.add(what));
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
                        clock,
                        (id, f, to) -> to),
                INDIA,
                clock,
                new InPlace(),
                (what, e) -> errors.add(what + ": " + e.getMessage()));
        broken.refresh();
        assertThat(errors).containsExactly("Could not read the GameDays: the database is in use by another Faultline");
    }

    @Test
    void findingsLessonsAndActionItemsAreEditedClosedAndDeletedAndTheNotesShown() throws Exception {
        store.retro().addObservation("run-1", STARTED.plusSeconds(12), "Margaret Hamilton", "dashboard red");
        RetroViewModel m = model();
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
        assertThat(store.retro().findings("gd-1", List.of("run-1")).get(0).closedAt())
                .isEqualTo(NOW);

        m.lessons().edit(m.lessons().records(Lesson.Kind.WENT_WELL).get(0), "the alert fired in 40 s");
        assertThat(m.lessons().lines(Lesson.Kind.WENT_WELL)).containsExactly("the alert fired in 40 s");
        m.lessons().delete(m.lessons().records(Lesson.Kind.WENT_WELL).get(0));
        assertThat(m.lessons().lines(Lesson.Kind.WENT_WELL)).isEmpty();

        ActionItem a = m.actionItems().records().get(0);
        m.actionItems()
                .edit(a, "Cap retries at 2", "Ken", LocalDate.of(2027, 1, 8), ActionItem.Status.DONE, "", () -> {});
        assertThat(store.retro().actionItems("gd-1")).singleElement().satisfies(x -> {
            assertThat(x.owner()).isEqualTo("Ken");
            assertThat(x.status()).isEqualTo(ActionItem.Status.DONE);
        });
        m.actionItems().edit(a, "Cap retries at 2", " ", null, ActionItem.Status.OPEN, "", () -> {});
        assertThat(m.statusProperty().get()).contains("owner");
        m.actionItems().delete(m.actionItems().records().get(0));
        m.findings().delete(m.findings().records().get(0));
        assertThat(m.actionItems().lines()).isEmpty();
        assertThat(m.findings().lines()).isEmpty();
        assertThat(errors).isEmpty();
    }

    @Test
    void timesToDetectAndMitigateAreDurationsOrClockTimesCountedFromTheFirstFault() throws Exception {
        RetroViewModel m = model();
        m.refresh();
        assertThat(m.verdicts().setTimes("run-1", "10:00", "")).contains("no fault took effect");

        store.appendEvent("run-1", 1, STARTED.plusSeconds(10), "fault-injected", "payments down");
        m.select(null);
        m.refresh();
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
        assertThat(store.retro().outcomes(List.of("run-1")))
                .singleElement()
                .satisfies(o -> assertThat(o.timeToDetect()).isEqualTo(java.time.Duration.ofSeconds(42)));
    }

    @Test
    void aFindingIsLinkedToAnExperimentANoteAndAnActionItemThenUnlinked() throws Exception {
        var note = store.retro().addObservation("run-1", STARTED.plusSeconds(12), "Margaret Hamilton", "dashboard red");
        RetroViewModel m = model();
        m.refresh();
        m.findings().add("retries hide a slow provider", "p99 2 s", "fast failure", Severity.HIGH, "", () -> {});
        m.actionItems().add("Cap retries", "Ada", null, "", () -> {});

        m.findings().link(m.findings().records().get(0), "run-1", note.id());
        m.actionItems()
                .link(m.actionItems().records().get(0), m.findings().records().get(0));

        assertThat(store.retro().findings("gd-1", List.of("run-1")))
                .singleElement()
                .satisfies(x -> {
                    assertThat(x.runId()).isEqualTo("run-1");
                    assertThat(x.observationId()).isEqualTo(note.id());
                });
        assertThat(store.retro().actionItems("gd-1").get(0).findingId()).isEqualTo(1L);
        assertThat(m.findings().lines())
                .containsExactly("#1 [HIGH] retries hide a slow provider: p99 2 s (expected: fast failure)"
                        + " · payment-outage-halts · HALTED · note 16:30:12 · action #1");
        assertThat(m.actionItems().lines().get(0)).endsWith(" · finding #1");

        m.findings().link(m.findings().records().get(0), "", null);
        m.actionItems().link(m.actionItems().records().get(0), null);

        assertThat(m.findings().lines())
                .containsExactly("#1 [HIGH] retries hide a slow provider: p99 2 s (expected: fast failure)");
        assertThat(store.retro().actionItems("gd-1").get(0).findingId()).isNull();
        assertThat(errors).isEmpty();
    }

    @Test
    void anEditIsUndoneAndADeletedFindingComesBackClosedWithTheActionItemThatAnsweredIt() throws Exception {
        RetroViewModel m = model();
        m.refresh();
        m.findings().add("retries hide a slow provider", "p99 2 s", "fast failure", Severity.HIGH, "run-1", () -> {});
        assertThat(m.findings().undoLabelProperty().get()).isEmpty();

        m.findings().edit(m.findings().records().get(0), "typo", "", "", Severity.LOW, () -> {});
        assertThat(store.retro().findings("gd-1", List.of()).get(0).title()).isEqualTo("typo");
        assertThat(m.findings().undoLabelProperty().get()).isEqualTo("Undo edit of 'retries hide a slow provider'");
        m.findings().undo();
        assertThat(store.retro().findings("gd-1", List.of())).singleElement().satisfies(x -> {
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
        assertThat(store.retro().actionItems("gd-1").get(0).findingId()).isNull();

        m.findings().undo();

        assertThat(store.retro().findings("gd-1", List.of())).singleElement().satisfies(x -> {
            assertThat(x.title()).isEqualTo("retries hide a slow provider");
            assertThat(x.runId()).isEqualTo("run-1");
            assertThat(x.closedAt()).isEqualTo(NOW);
            assertThat(store.retro().actionItems("gd-1").get(0).findingId()).isEqualTo(x.id());
        });
        assertThat(m.findings().lines())
                .singleElement()
                .satisfies(l -> assertThat(l).contains("(closed)"));
        assertThat(errors).isEmpty();
    }

    @Test
    void anActionItemIsMarkedDoneAndOpenAgain() throws Exception {
        RetroViewModel m = model();
        m.refresh();
        m.actionItems().add("Cap retries", "Ada", LocalDate.of(2027, 1, 8), "", () -> {});

        m.actionItems().close(m.actionItems().records().get(0), true);
        assertThat(store.retro().actionItems("gd-1").get(0).status()).isEqualTo(ActionItem.Status.DONE);
        assertThat(m.actionItems().lines().get(0)).contains(" · done");
        m.actionItems().close(m.actionItems().records().get(0), false);
        assertThat(store.retro().actionItems("gd-1").get(0).status()).isEqualTo(ActionItem.Status.OPEN);
        assertThat(store.retro().actionItems("gd-1").get(0).due()).isEqualTo(LocalDate.of(2027, 1, 8));
    }

    /** Runs each job when told, as the app's background threads would, later. */
    static final class Later implements dev.faultline.app.view.common.Work {
        final List<Runnable> jobs = new ArrayList<>();

        @Override
        public <T> void run(
                String name,
                java.util.concurrent.Callable<T> work,
                java.util.function.Consumer<T> onDone,
                java.util.function.Consumer<Throwable> onError) {
            jobs.add(() -> {
                try {
                    onDone.accept(work.call());
                } catch (Exception e) {
                    onError.accept(e);
                }
            });
        }

        void runAll() {
            for (int i = 0; i < 50 && !jobs.isEmpty(); i++) {
                jobs.remove(0).run();
            }
        }
    }

    @Test
    void theReportIsOfferedInTheUsersFolderAndWrittenLaterWhileTheModelSaysItIsBusyThenWhereItWent() throws Exception {
        Path documents = java.nio.file.Files.createDirectories(home.resolve("Documents"));
        Later later = new Later();
        RetroViewModel m = new RetroViewModel(
                new AppRetroActions(
                        () -> store,
                        clock,
                        (id, format, to) ->
                                dev.faultline.app.cli.ReportFiles.write(store, clock, id, format, to, INDIA),
                        documents),
                INDIA,
                clock,
                later,
                (what, e) -> errors.add(what + ": " + e.getMessage()));
        m.refresh();
        later.runAll();
        m.findings().add("retries hide a slow provider", "p99 2 s", "fast failure", Severity.HIGH, "run-1", () -> {});
        later.runAll();

        Path proposed = m.report().proposed("md");
        assertThat(proposed).isEqualTo(documents.resolve("payments-2026-12-06-report.md"));
        Path to = home.resolve("shared/reports/payments.md");
        m.report().export("md", to);

        assertThat(m.report().busyProperty().get()).isTrue();
        assertThat(m.statusProperty().get()).isEqualTo("writing the MD report of Payments GameDay…");
        m.report().export("md", home.resolve("twice.md")); // ignored while one is written
        assertThat(later.jobs).hasSize(1);
        assertThat(to).doesNotExist();
        later.runAll();

        assertThat(m.report().busyProperty().get()).isFalse();
        assertThat(m.report().writtenProperty().get()).isEqualTo(to.toAbsolutePath());
        assertThat(m.statusProperty().get()).isEqualTo("report written to " + to.toAbsolutePath());
        assertThat(java.nio.file.Files.readString(to))
                .contains("16:30") // times in the user's zone
                .contains("Linked to: experiment payment-outage-halts");
        assertThat(m.report().proposed("pdf")).isEqualTo(to.getParent().resolve("payments-2026-12-06-report.pdf"));
        assertThat(errors).isEmpty();
    }
}
