package dev.faultline.app.view.home;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.app.view.common.InPlace;
import dev.faultline.app.view.common.RunRow;
import dev.faultline.engine.env.Environment;
import dev.faultline.engine.env.EnvironmentsFile;
import dev.faultline.engine.runbook.RunbookLoader;
import dev.faultline.engine.spi.FaultBackendProvider;
import dev.faultline.engine.store.FaultlineStore;
import dev.faultline.engine.store.RunRecord;
import dev.faultline.engine.store.StoreException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The home screen without a window, on a real H2 database in a temporary folder and the shipped
 * first GameDay (planned for 3 Dec 2026, 10:00 in Berlin), shown in India (UTC+5:30).
 */
class HomeViewModelTest {
    static final Path FIRST_GAMEDAY = Path.of("..", "runbooks", "sandbox", "first-gameday.yaml");
    static final Instant STARTED = Instant.parse("2026-12-06T11:00:00Z");
    static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");

    @TempDir
    Path home;

    private FaultlineStore store;
    private final List<String> errors = new ArrayList<>();

    @BeforeEach
    void runsWereMade() throws Exception {
        store = FaultlineStore.open(home.resolve("db/faultline"));
        long experiment = store.saveExperiment("payment-outage-halts", "Payment outage", "kind: Experiment", "sha-1");
        store.createRun(
                new RunRecord("run-1", experiment, "payment-outage-halts", "sandbox", "RUNNING", STARTED, null, null));
        store.finishRun("run-1", "HALTED", STARTED.plusSeconds(40), "HALTED after 40s: error rate above 5%", "{}");
        store.createRun(new RunRecord(
                "run-2",
                experiment,
                "payment-outage-halts",
                "sandbox",
                "RUNNING",
                STARTED.plusSeconds(60),
                null,
                null));
        long day = store.gameDays().saveGameDay("payments", "Payments GameDay", "kind: GameDay", "sha-2");
        store.gameDays().createRun("gd-1", day, "sandbox", STARTED);
        store.gameDays().finishRun("gd-1", "STOPPED", STARTED.plusSeconds(90), "halted");
    }

    @AfterEach
    void close() {
        store.close();
    }

    private HomeViewModel model(Instant now, List<Environment> environments, List<FaultBackendProvider> providers) {
        return new HomeViewModel(
                INDIA,
                Clock.fixed(now, ZoneOffset.UTC),
                () -> store,
                new RunbookLoader(),
                environments,
                providers,
                new InPlace(),
                (what, e) -> errors.add(what + ": " + e.getMessage()));
    }

    private HomeViewModel model(Instant now) {
        return model(now, List.of(), List.of());
    }

    @Test
    void recentFilesAreTheOpenRecentListWithoutTheFilesNoLongerThere() throws Exception {
        Path kept = java.nio.file.Files.writeString(home.resolve("mine.yaml"), "kind: Experiment\n");
        Path gone = java.nio.file.Files.writeString(home.resolve("gone.yaml"), "kind: Experiment\n");
        Path day = java.nio.file.Files.writeString(home.resolve("day.yaml"), "kind: GameDay\n");
        List<String> prefs = new ArrayList<>();
        dev.faultline.app.view.document.RecentFiles recent =
                new dev.faultline.app.view.document.RecentFiles(() -> List.copyOf(prefs), l -> {
                    prefs.clear();
                    prefs.addAll(l);
                });
        recent.add(kept);
        recent.add(gone);
        recent.add(day);
        java.nio.file.Files.delete(gone);
        HomeViewModel m = model(STARTED);

        m.showRecent(recent);

        assertThat(m.recentFiles()).containsExactly(day.toAbsolutePath(), kept.toAbsolutePath());
        assertThat(recent.files()).as("dropped from File > Open Recent too").containsExactly(day, kept);
        assertThat(HomeViewModel.recentLabel(kept)).isEqualTo("mine.yaml  (" + home + ")");
    }

    @Test
    void recentFilesOfTheSameNameShowTheFoldersThatTellThemApart() {
        Path shipped = Path.of("/opt/faultline/runbooks/gameday/first-gameday.yaml");
        Path mine = Path.of("/home/ada/.faultline/runbooks/first-gameday.yaml");
        Path other = Path.of("/home/ada/.faultline/runbooks/checkout.yaml");
        Path deep1 = Path.of("/srv/a/team/checkout.yaml");
        Path deep2 = Path.of("/srv/b/team/checkout.yaml");
        List<Path> all = List.of(shipped, mine, other);

        assertThat(HomeViewModel.recentName(shipped, all)).isEqualTo("first-gameday.yaml — gameday");
        assertThat(HomeViewModel.recentName(mine, all)).isEqualTo("first-gameday.yaml — runbooks");
        assertThat(HomeViewModel.recentName(other, all)).as("a name of its own").isEqualTo("checkout.yaml");
        assertThat(HomeViewModel.recentName(deep1, List.of(deep1, deep2))).isEqualTo("checkout.yaml — a/team");
    }

    @Test
    void recentRunsAreReadNewestFirstWithTimesInTheUsersZone() {
        HomeViewModel m = model(STARTED);
        m.refreshRuns();

        assertThat(m.runs()).extracting(RunRow::runId).containsExactly("run-2", "run-1");
        RunRow halted = m.runs().get(1);
        assertThat(halted.status()).isEqualTo("HALTED");
        assertThat(halted.duration()).isEqualTo(Duration.ofSeconds(40));
        assertThat(halted.summary()).isEqualTo("error rate above 5%");
        assertThat(m.started(halted)).endsWith("16:30:00");
        assertThat(m.startedHeading()).isEqualTo("Started (Asia/Kolkata)");
        assertThat(HomeViewModel.took(halted)).isEqualTo("40 s");
        assertThat(HomeViewModel.took(m.runs().get(0))).isEmpty(); // still running
        assertThat(errors).isEmpty();
    }

    @Test
    void aGameDayPlannedAfterNowIsUpcomingAndListedBeforeTheOnesRun() {
        HomeViewModel before = model(Instant.parse("2026-12-01T00:00:00Z"));
        before.refreshGameDays(List.of(FIRST_GAMEDAY));
        assertThat(before.gameDays()).hasSize(2);
        assertThat(before.gameDays().get(0))
                .startsWith("upcoming  ")
                .contains("2026, 14:30")
                .endsWith("  First GameDay on the practice shop");
        assertThat(before.gameDays().get(1))
                .startsWith("STOPPED  ")
                .contains("2026, 16:30")
                .endsWith("  Payments GameDay");

        HomeViewModel after = model(Instant.parse("2026-12-03T09:00:01Z")); // a second after it was due
        after.refreshGameDays(List.of(FIRST_GAMEDAY));
        assertThat(after.gameDays())
                .singleElement()
                .satisfies(l -> assertThat(l).startsWith("STOPPED  "));
    }

    @Test
    void aDatabaseThatCannotBeReadIsSaidInTheListAndInADialogForTheRuns() {
        HomeViewModel m = new HomeViewModel(
                INDIA,
                Clock.systemUTC(),
                () -> {
                    throw new StoreException("the database is in use by another Faultline", null);
                },
                new RunbookLoader(),
                List.of(),
                List.of(),
                new InPlace(),
                (what, e) -> errors.add(what + ": " + e.getMessage()));

        m.refreshGameDays(List.of());
        m.refreshRuns();

        assertThat(m.gameDays())
                .containsExactly("could not read the GameDays: the database is in use by another Faultline");
        assertThat(errors)
                .containsExactly(
                        "Could not read the runs from the database: the database is in use by another Faultline");
    }

    @Test
    void theFirstGameDayPathWorksOnceTheRunbooksAreRead() {
        HomeViewModel m = model(STARTED);
        assertThat(m.readyProperty().get()).isFalse();

        m.showRunbooks(List.of(FIRST_GAMEDAY.getParent().resolve("payment-outage-halts.yaml")));

        assertThat(m.readyProperty().get()).isTrue();
        assertThat(m.runbooks())
                .extracting(HomeViewModel::runbookLabel)
                .containsExactly("sandbox / payment-outage-halts.yaml");
    }

    @Test
    void eachBackendOfAnEnvironmentIsCheckedAndOneThatCannotBeReachedSaysSo() throws Exception {
        Environment lab = EnvironmentsFile.parse("""
                environments:
                  lab:
                    toxiproxy: {url: "http://127.0.0.1:9"}
                """, "environments.yaml").all().stream()
                .filter(e -> e.name().equals("lab"))
                .findFirst()
                .orElseThrow();
        List<FaultBackendProvider> providers = ServiceLoader.load(FaultBackendProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.id().equals("toxiproxy") || p.id().equals("chaos-mesh"))
                .toList();
        assertThat(providers).extracting(FaultBackendProvider::id).containsExactlyInAnyOrder("toxiproxy", "chaos-mesh");
        HomeViewModel m = model(STARTED, List.of(lab), providers);

        m.refreshBackends();

        assertThat(m.backends())
                .singleElement()
                .satisfies(
                        s -> { // chaos-mesh is not set up in lab: not checked
                            assertThat(HomeViewModel.backendLine(s)).isEqualTo("toxiproxy in lab: not reachable");
                            assertThat(HomeViewModel.backendDetail(s)).startsWith(s.description() + "\n");
                        });
    }
}
