package dev.faultline.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.engine.gameday.GameDayListener;
import dev.faultline.engine.gameday.GameDayResult;
import dev.faultline.engine.report.ActionItem;
import dev.faultline.engine.report.Finding;
import dev.faultline.engine.report.JsonReport;
import dev.faultline.engine.report.Lesson;
import dev.faultline.engine.report.MarkdownReport;
import dev.faultline.engine.report.Observation;
import dev.faultline.engine.report.Report;
import dev.faultline.engine.report.ReportAssembler;
import dev.faultline.engine.report.ReportException;
import dev.faultline.engine.report.Severity;
import dev.faultline.engine.spi.Undelivered;
import dev.faultline.engine.spi.run.GameDayEvent;
import dev.faultline.engine.spi.run.HaltReason;
import dev.faultline.engine.testkit.RecordedGameDay;
import dev.faultline.engine.testkit.SimulatedBackend;
import dev.faultline.engine.testkit.SimulatedBackendProvider;
import dev.faultline.engine.testkit.SimulatedProbes;
import dev.faultline.engine.testkit.SimulatedSystem;
import dev.faultline.engine.testkit.TestRig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RetrospectiveIT {
    @TempDir
    Path home;

    private final SimulatedSystem system =
            new SimulatedSystem().metric("latency", 100).target("proxy/payments");
    private TestRig rig;
    private FaultlineStore store;

    @BeforeEach
    void wire() throws Exception {
        system.impact("proxy/payments", "latency", 50);
        rig = new TestRig(
                home,
                List.of(new SimulatedBackendProvider(new SimulatedBackend(system))),
                List.of(new SimulatedProbes(system)));
        store = openStore();
    }

    /** The store under test (the PostgreSQL subclass runs the same cases on a shared store). */
    FaultlineStore openStore() throws Exception {
        return FaultlineStore.open(home.resolve("db/faultline"));
    }

    @AfterEach
    void unwire() {
        store.close();
        rig.close();
    }

    @Test
    void aGameDayAndItsRetrospectiveAreKeptAndReported() throws Exception {
        GameDayResult r = RecordedGameDay.run(store, home, rig, system, List.of(), List.of());
        RecordedGameDay.retrospective(store, r);

        GameDayRunRecord day = store.gameDays().find(r.gameDayRunId()).orElseThrow();
        assertThat(day.status()).isEqualTo("COMPLETED");
        assertThat(day.runIds())
                .containsExactlyElementsOf(
                        r.results().stream().map(x -> x.runId()).toList());
        assertThat(store.gameDays().gameDayRunOf(day.runIds().get(1))).contains(day.id());

        Report report =
                new ReportAssembler(store, Clock.systemUTC()).assemble(r.gameDayRunId(), ZoneId.of("Asia/Tokyo"));
        assertThat(report.experiments()).hasSize(2);
        assertThat(report.participants()).hasSize(3);
        assertThat(report.experiments().get(0).series()).singleElement().satisfies(s -> {
            assertThat(s.size()).isGreaterThan(3);
            assertThat(s.high()).isEqualTo(200);
        });
        assertThat(report.experiments().get(0).faults()).hasSize(1);
        assertThat(report.timeline()).anySatisfy(t -> assertThat(t.text()).contains(RecordedGameDay.NOTE));
        assertThat(report.retro().observations())
                .anySatisfy(o -> assertThat(o.text()).hasSize(200_008));
        assertThat(report.score()).isNotNull();

        String md = new MarkdownReport().text(report);
        assertThat(md)
                .contains(
                        "# Checkout GameDay 🚀 結帳の日",
                        "Zoë Ångström",
                        "支払いの再試行が多すぎる",
                        "Cap payment retries at 2",
                        "Asia/Tokyo (JST)",
                        "Retries hide slow payments");
        JsonNode json = JsonMapper.builder()
                .build()
                .readTree(new String(new JsonReport().render(report), StandardCharsets.UTF_8));
        assertThat(json.path("experiments").size()).isEqualTo(2);
        assertThat(json.path("actionItems").get(0).path("owner").asString()).isEqualTo("山田太郎");
        assertThat(json.path("experiments")
                        .get(0)
                        .path("verdict")
                        .path("timeToDetectMs")
                        .asLong())
                .isEqualTo(42_000);
        assertThat(json.path("zone").asString()).isEqualTo("Asia/Tokyo");
    }

    @Test
    void findingsLessonsAndActionItemsAreEditedClosedAndDeleted() throws Exception {
        GameDayResult r = RecordedGameDay.run(store, home, rig, system, List.of(), List.of());
        RecordedGameDay.retrospective(store, r);
        RetroStore retro = store.retro();
        String day = r.gameDayRunId();
        String run1 = r.results().get(1).runId();
        List<String> runs = r.results().stream().map(x -> x.runId()).toList();

        Finding f = retro.findings(day, runs).get(0);
        assertThat(f.open()).isTrue();
        Finding moved = new Finding(
                f.id(),
                day,
                run1,
                "",
                null,
                "Retries hide slow payments, twice",
                "p99 doubled",
                "p99 flat",
                Severity.CRITICAL,
                f.createdAt());
        assertThat(retro.updateFinding(moved)).isTrue();
        Instant closed = Instant.parse("2026-12-04T10:00:00Z");
        assertThat(retro.closeFinding(f.id(), closed)).isTrue();
        assertThat(retro.findings(day, runs)).singleElement().satisfies(x -> {
            assertThat(x.runId()).isEqualTo(run1);
            assertThat(x.title()).isEqualTo("Retries hide slow payments, twice");
            assertThat(x.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(x.closedAt()).isEqualTo(closed);
        });
        assertThat(retro.closeFinding(f.id(), null)).isTrue();
        assertThat(retro.findings(day, runs).get(0).open()).isTrue();

        Lesson l = retro.lessons(day).get(0);
        assertThat(retro.updateLesson(l.id(), Lesson.Kind.FOLLOW_UP, "Try the kill switch first"))
                .isTrue();
        assertThat(retro.lessons(day).get(0)).satisfies(x -> {
            assertThat(x.kind()).isEqualTo(Lesson.Kind.FOLLOW_UP);
            assertThat(x.text()).isEqualTo("Try the kill switch first");
        });
        assertThat(retro.deleteLesson(l.id())).isTrue();
        assertThat(retro.lessons(day)).hasSize(1);

        ActionItem a = retro.actionItems(day).get(0);
        ActionItem changed = new ActionItem(
                a.id(),
                day,
                a.findingId(),
                a.title(),
                "Ken",
                LocalDate.of(2027, 1, 15),
                ActionItem.Status.IN_PROGRESS,
                "",
                a.createdAt());
        assertThat(retro.updateActionItem(changed)).isTrue();
        assertThat(retro.actionItems(day)).singleElement().satisfies(x -> {
            assertThat(x.owner()).isEqualTo("Ken");
            assertThat(x.due()).isEqualTo(LocalDate.of(2027, 1, 15));
            assertThat(x.status()).isEqualTo(ActionItem.Status.IN_PROGRESS);
            assertThat(x.ticketUrl()).isEmpty();
        });

        // deleting the finding keeps the action item that came from it, without the link
        assertThat(retro.deleteFinding(f.id())).isTrue();
        assertThat(retro.findings(day, runs)).isEmpty();
        assertThat(retro.actionItems(day))
                .singleElement()
                .satisfies(x -> assertThat(x.findingId()).isNull());
        assertThat(retro.deleteActionItem(a.id())).isTrue();
        assertThat(retro.actionItems(day)).isEmpty();
        assertThat(retro.deleteActionItem(a.id())).isFalse();
    }

    @Test
    void theReportListsThePlannedExperimentsThatNeverStarted() throws Exception {
        // the kill switch pressed as the first of two experiments ends: the second never starts
        GameDayListener press = e -> {
            if (e instanceof GameDayEvent.ExperimentFinished f && f.index() == 0) {
                rig.killSwitch.halt(HaltReason.killSwitch("test: stop the day"));
            }
        };
        GameDayResult r = RecordedGameDay.run(store, home, rig, system, List.of(press), List.of());
        rig.killSwitch.release("test over");
        assertThat(store.gameDays().startedPositions(r.gameDayRunId())).containsExactly(0);
        Report report = new ReportAssembler(store, Clock.systemUTC()).assemble(r.gameDayRunId(), ZoneId.of("UTC"));
        assertThat(report.experiments()).hasSize(1);
        assertThat(report.skipped()).singleElement().satisfies(k -> {
            assertThat(k.position()).isEqualTo(1);
            assertThat(k.name()).isEqualTo("e1");
        });
        assertThat(new MarkdownReport().render(report))
                .asString(StandardCharsets.UTF_8)
                .contains("| e1 | SKIPPED");
    }

    @Test
    void aSingleRunHasAReportOfItsOwnWithItsObservationsAndVerdict() throws Exception {
        GameDayResult r = RecordedGameDay.run(store, home, rig, system, List.of(), List.of());
        RecordedGameDay.retrospective(store, r);
        String runId = r.results().get(0).runId();
        Report report = new ReportAssembler(store, Clock.systemUTC()).assemble(runId, ZoneId.of("UTC"));
        assertThat(report.gameDay()).isFalse();
        assertThat(report.experiments()).singleElement().satisfies(e -> {
            assertThat(e.runId()).isEqualTo(runId);
            assertThat(e.verdict()).isNotNull();
            assertThat(e.score()).isEqualTo(100.0);
        });
        assertThat(report.retro().observations())
                .singleElement()
                .satisfies(o -> assertThat(o.text()).isEqualTo(RecordedGameDay.NOTE));
        assertThat(report.retro().findings()).hasSize(1);
        assertThat(new MarkdownReport().text(report)).contains("| Run | `" + runId + "` |");
    }

    @Test
    void openActionItemsOfEarlierGameDaysAndTheScoreTrendAreThereForTheNextOne() throws Exception {
        GameDayResult first = RecordedGameDay.run(store, home, rig, system, List.of(), List.of());
        RecordedGameDay.retrospective(store, first);
        GameDayResult second = RecordedGameDay.run(store, home, rig, system, List.of(), List.of());
        assertThat(store.retro().openActionItems(second.gameDayRunId()))
                .singleElement()
                .satisfies(a -> assertThat(a.gameDayRunId()).isEqualTo(first.gameDayRunId()));
        long id = store.retro().openActionItems(second.gameDayRunId()).get(0).id();
        Report report = new ReportAssembler(store, Clock.systemUTC()).assemble("checkout-day", ZoneId.of("UTC"));
        assertThat(report.subjectId()).isEqualTo(second.gameDayRunId());
        assertThat(report.openEarlier()).hasSize(1);
        assertThat(report.trend()).hasSize(2);
        assertThat(store.retro().setActionStatus(id, ActionItem.Status.DONE)).isTrue();
        assertThat(store.retro().openActionItems(second.gameDayRunId())).isEmpty();
    }

    @Test
    void searchFindsTextInEveryKindOfRecordIncludingCjkInsideAWord() throws Exception {
        GameDayResult r = RecordedGameDay.run(store, home, rig, system, List.of(), List.of());
        RecordedGameDay.retrospective(store, r);
        assertThat(store.retro().search("注文", 10)).extracting(h -> h.kind()).contains("observation", "finding");
        assertThat(store.retro().search("再試行", 10)).extracting(h -> h.kind()).containsExactly("lesson");
        assertThat(store.retro().search("RETRIES", 10))
                .extracting(h -> h.kind())
                .contains("finding", "action");
        assertThat(store.retro().search("100%_", 10)).isEmpty();
    }

    @Test
    void aGameDayWithoutRunsAndAnUnknownIdSayWhatIsMissing() throws Exception {
        long g = store.gameDays().saveGameDay("empty-day", "Empty", "text", "e".repeat(64));
        store.gameDays().createRun("gd-empty", g, "test", Instant.now());
        ReportAssembler a = new ReportAssembler(store, Clock.systemUTC());
        assertThatThrownBy(() -> a.assemble("gd-empty", ZoneId.of("UTC")))
                .isInstanceOf(ReportException.class)
                .hasMessageContaining("has no experiment runs yet");
        assertThatThrownBy(() -> a.assemble("nope", ZoneId.of("UTC")))
                .isInstanceOf(ReportException.class)
                .hasMessageContaining("'nope'");
    }

    @Test
    void tooLongANoteIsRefusedWholeNotCut() {
        assertThatThrownBy(() ->
                        store.retro().addObservation("r", Instant.now(), "me", "x".repeat(Observation.MAX_CHARS + 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most");
    }

    @Test
    void undeliveredMessagesAreKeptAndListed() throws Exception {
        store.undelivered()
                .keep(new Undelivered("slack", Instant.now(), "gd", "r", "GameDay started 🚀", "invalid_auth"));
        assertThat(store.undelivered().list(10)).singleElement().satisfies(u -> {
            assertThat(u.message()).isEqualTo("GameDay started 🚀");
            assertThat(u.error()).isEqualTo("invalid_auth");
        });
    }
}
