package dev.faultline.app.view.gameday;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.engine.model.GameDay;
import dev.faultline.engine.model.Participant;
import dev.faultline.engine.runbook.RunbookLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The GameDay planner's model without a window: read-only parts, changes through methods, checked by the loader's model. */
class GameDayPlanModelTest {
    static final Path FIRST_GAMEDAY = Path.of("..", "runbooks", "sandbox", "first-gameday.yaml");
    /** 20:00 UTC on 6 Dec: already 7 Dec in Tokyo. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T20:00:00Z"), ZoneOffset.UTC);

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private final GameDayPlanModel plan = new GameDayPlanModel(CLOCK, TOKYO);

    @Test
    void aNewPlanIsForTomorrowInTheOrganisersZoneAndHasNoExperiments() {
        assertThat(plan.dateProperty().get()).isEqualTo(LocalDate.of(2026, 12, 8));
        plan.addExperiment(Path.of("/tmp/x.yaml"));

        plan.startNew();

        assertThat(plan.dateProperty().get()).isEqualTo(LocalDate.of(2026, 12, 8));
        assertThat(plan.timeProperty().get()).isEqualTo("05:00");
        assertThat(plan.zoneProperty().get()).isEqualTo(TOKYO);
        assertThat(plan.environmentProperty().get()).isEqualTo("sandbox");
        assertThat(plan.experiments()).isEmpty();
        assertThat(plan.fileProperty().get()).isEmpty();
    }

    @Test
    void aNewPlanIsLedByTheNameGivenInSettings() {
        java.util.concurrent.atomic.AtomicReference<String> you =
                new java.util.concurrent.atomic.AtomicReference<>("Ada Lovelace");
        GameDayPlanModel mine = new GameDayPlanModel(CLOCK, TOKYO, you::get);

        mine.startNew();

        assertThat(mine.participants()).singleElement().satisfies(p -> {
            assertThat(p.toParticipant().name()).isEqualTo("Ada Lovelace");
            assertThat(p.toParticipant().role()).isEqualTo(dev.faultline.engine.model.Participant.Role.LEADER);
        });
        you.set("Grace Hopper"); // changed in Settings meanwhile: the next new plan has it
        mine.startNew();
        assertThat(mine.participants().getFirst().toParticipant().name()).isEqualTo("Grace Hopper");
        you.set("  ");
        mine.startNew();
        assertThat(mine.participants()).isEmpty();
    }

    @Test
    void anOpenedGameDayComesBackUnchangedFromThePlan() throws Exception {
        GameDay day = new RunbookLoader().loadGameDay(FIRST_GAMEDAY).gameDay();

        plan.load(day, FIRST_GAMEDAY.toString());

        assertThat(plan.titleProperty().get()).isEqualTo("First GameDay on the practice shop");
        assertThat(plan.zoneProperty().get()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(plan.experiments()).hasSize(4);
        assertThat(plan.toGameDay()).isEqualTo(day);
    }

    @Test
    void eachMissingOrWrongPartIsRefusedWithWhatToDo() {
        plan.startNew();
        plan.addExperiment(FIRST_GAMEDAY.resolveSibling("payment-outage-halts.yaml"));
        assertThatThrownBy(plan::toGameDay).hasMessage("title: give the GameDay a title");
        plan.setTitle("Payments GameDay");
        plan.setTime("ten o'clock");
        assertThatThrownBy(plan::toGameDay).hasMessage("time: 'ten o'clock' is not a time of day, e.g. 10:00");
        plan.setTime(" 09:30 ");
        plan.setDate(null);
        assertThatThrownBy(plan::toGameDay).hasMessage("date: pick the day");
        plan.setDate(LocalDate.of(2027, 1, 14));

        GameDay day = plan.toGameDay();

        assertThat(day.scheduledStart()).isEqualTo(Instant.parse("2027-01-14T00:30:00Z")); // 09:30 in Tokyo
        assertThat(day.title()).isEqualTo("Payments GameDay");
    }

    @Test
    void theFirstParticipantLeadsAndRowsWithoutANameAreLeftOut() {
        plan.startNew();
        plan.setTitle("t");
        plan.addExperiment(FIRST_GAMEDAY.resolveSibling("payment-outage-halts.yaml"));
        ParticipantRow ada = plan.addParticipant();
        ada.name.set(" Ada ");
        ParticipantRow nobody = plan.addParticipant();
        ParticipantRow grace = plan.addParticipant();
        grace.name.set("Grace");

        assertThat(nobody.role.get()).isEqualTo(Participant.Role.OBSERVER);
        assertThat(plan.toGameDay().participants())
                .containsExactly(
                        new Participant("Ada", Participant.Role.LEADER, ""),
                        new Participant("Grace", Participant.Role.OBSERVER, ""));
        plan.removeParticipant(ada);
        assertThat(plan.participants()).containsExactly(nobody, grace);
    }

    @Test
    void experimentsAreAbsoluteUntilThePlanHasAFileThenRelativeToItsFolder() {
        Path runbooks = Path.of("/srv/runbooks/sandbox").toAbsolutePath();
        plan.addExperiment(runbooks.resolve("payment-outage-halts.yaml"));
        assertThat(plan.experiments())
                .containsExactly(runbooks.resolve("payment-outage-halts.yaml").toString());

        plan.relativizeTo(runbooks.getParent().resolve("gamedays"));
        plan.setFile(runbooks.resolve("my-gameday.yaml"));
        plan.addExperiment(runbooks.resolve("payment-latency-holds.yaml"));

        assertThat(plan.experiments())
                .containsExactly(
                        Path.of("..", "sandbox", "payment-outage-halts.yaml").toString(), "payment-latency-holds.yaml");
        assertThat(plan.fileProperty().get())
                .isEqualTo(runbooks.resolve("my-gameday.yaml").toString());
    }

    @Test
    void titlesAndCrewsStayWithTheExperimentsWhenThePlanIsSavedInAnotherFolder() throws Exception {
        GameDay day = new RunbookLoader().loadGameDay(FIRST_GAMEDAY).gameDay();
        plan.load(day, FIRST_GAMEDAY.toString());
        String outage = "payment-outage-halts.yaml";
        plan.setTitleOf(outage, "A payment outage halts the run");
        plan.setDuty(outage, "Ada Lovelace", GameDayPlanModel.Duty.RUNS);
        Path mine = Path.of("/srv/home/runbooks").toAbsolutePath();

        // as a Save of the shipped plan into the user's folder moves it
        plan.absolutizeFrom(FIRST_GAMEDAY.toAbsolutePath().getParent());
        plan.relativizeTo(mine);
        plan.setFile(mine.resolve("first-gameday.yaml"));

        String moved = plan.experiments().get(1);
        assertThat(moved).isNotEqualTo(outage).endsWith(outage);
        assertThat(plan.titleOf(moved)).isEqualTo("A payment outage halts the run");
        assertThat(plan.dutyOf(moved, "Ada Lovelace")).isEqualTo(GameDayPlanModel.Duty.RUNS);
        assertThat(plan.runbookOf(moved).normalize())
                .isEqualTo(FIRST_GAMEDAY
                        .toAbsolutePath()
                        .getParent()
                        .resolve(outage)
                        .normalize());
    }

    @Test
    void experimentsMoveWithinTheListOnly() {
        plan.setFile(Path.of("/srv/gd.yaml").toAbsolutePath());
        for (String n : List.of("a.yaml", "b.yaml", "c.yaml")) {
            plan.addExperiment(Path.of("/srv").toAbsolutePath().resolve(n));
        }
        assertThat(plan.moveExperiment(0, -1)).isEqualTo(-1);
        assertThat(plan.moveExperiment(2, 1)).isEqualTo(-1);
        assertThat(plan.moveExperiment(-1, 1)).isEqualTo(-1);
        assertThat(plan.moveExperiment(0, 1)).isEqualTo(1);
        assertThat(plan.experiments()).containsExactly("b.yaml", "a.yaml", "c.yaml");
        plan.removeExperiment("a.yaml");
        assertThat(plan.experiments()).containsExactly("b.yaml", "c.yaml");
    }

    @Test
    void theChecklistTakesItemsTicksThemOffAndLeavesBlankOnesOut() {
        plan.startNew();
        plan.setTitle("t");
        plan.addExperiment(FIRST_GAMEDAY.resolveSibling("payment-outage-halts.yaml"));
        assertThat(plan.addCheck(GameDayPlanModel.Part.PRE_CHECKS, "   ")).isFalse();
        assertThat(plan.addCheck(GameDayPlanModel.Part.PRE_CHECKS, " dashboards open "))
                .isTrue();
        assertThat(plan.addCheck(GameDayPlanModel.Part.ABORT_CRITERIA, "error rate above 5%"))
                .isTrue();
        ChecklistRow dashboards = plan.checks(GameDayPlanModel.Part.PRE_CHECKS).get(0);
        plan.toggleCheck(dashboards);

        GameDay day = plan.toGameDay();

        assertThat(day.checklist().preChecks()).singleElement().satisfies(i -> {
            assertThat(i.text()).isEqualTo("dashboards open");
            assertThat(i.done()).isTrue();
        });
        assertThat(day.checklist().abortCriteria()).hasSize(1);
        assertThat(day.checklist().comms()).isEmpty();
        plan.removeCheck(GameDayPlanModel.Part.PRE_CHECKS, dashboards);
        assertThat(plan.checks(GameDayPlanModel.Part.PRE_CHECKS)).isEmpty();
    }

    @Test
    void thePartsAreReadOnlyAndTellListenersOfEveryChange() {
        assertThatThrownBy(() -> plan.experiments().add("x.yaml")).isInstanceOf(UnsupportedOperationException.class);
        plan.addParticipant();
        assertThatThrownBy(() -> plan.participants().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> plan.checks(GameDayPlanModel.Part.COMMS).add(new ChecklistRow("x", false)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(plan.titleProperty()).isNotInstanceOf(javafx.beans.value.WritableValue.class);
        List<String> seen = new ArrayList<>();
        plan.titleProperty().addListener((o, a, b) -> seen.add(b));
        plan.experiments().addListener((javafx.collections.ListChangeListener<String>) c -> seen.add("experiments"));

        plan.setTitle("Payments");
        plan.setFile(Path.of("/srv/gd.yaml").toAbsolutePath());
        plan.addExperiment(Path.of("/srv/a.yaml").toAbsolutePath());

        assertThat(seen).containsExactly("Payments", "experiments");
    }

    @Test
    void eachExperimentIsRunByTheOperatorsAndWatchedByTheObserversUntilThePlanSaysOtherwise() throws Exception {
        GameDay day = new RunbookLoader().loadGameDay(FIRST_GAMEDAY).gameDay();
        plan.load(day, FIRST_GAMEDAY.toString());
        String outage = "payment-outage-halts.yaml";

        assertThat(plan.crewLine(outage)).isEqualTo("runs: Grace Hopper · watches: Linus");
        assertThat(plan.dutyOf(outage, "Ada Lovelace")).isEqualTo(GameDayPlanModel.Duty.NONE);

        plan.setDuty(outage, "Ada Lovelace", GameDayPlanModel.Duty.RUNS);
        plan.setDuty(outage, "Grace Hopper", GameDayPlanModel.Duty.WATCHES);

        assertThat(plan.crewLine(outage)).isEqualTo("runs: Ada Lovelace · watches: Linus, Grace Hopper");
        assertThat(plan.crewLine("payment-latency-holds.yaml")).isEqualTo("runs: Grace Hopper · watches: Linus");
        GameDay planned = plan.toGameDay();
        assertThat(planned.crewOf(outage).operators()).containsExactly("Ada Lovelace");
        assertThat(planned.crewOf(outage).observers()).containsExactly("Linus", "Grace Hopper");
        assertThat(planned.crews()).containsOnlyKeys(outage);
    }

    @Test
    void aCrewFollowsItsExperimentWhenMovedAndLeavesWithIt() {
        plan.setFile(Path.of("/srv/gd.yaml").toAbsolutePath());
        ParticipantRow grace = plan.addParticipant();
        grace.name.set("Grace");
        for (String n : List.of("a.yaml", "b.yaml")) {
            plan.addExperiment(Path.of("/srv").toAbsolutePath().resolve(n));
        }
        plan.setDuty("a.yaml", "Grace", GameDayPlanModel.Duty.WATCHES);

        plan.moveExperiment(0, 1);

        assertThat(plan.dutyOf("a.yaml", "Grace")).isEqualTo(GameDayPlanModel.Duty.WATCHES);
        plan.removeExperiment("a.yaml");
        plan.addExperiment(Path.of("/srv").toAbsolutePath().resolve("a.yaml"));
        assertThat(plan.dutyOf("a.yaml", "Grace")).isEqualTo(GameDayPlanModel.Duty.NONE);
    }

    @Test
    void experimentsShowTheirTitleOnceKnownAndTheirFileNameUntilThen() {
        plan.setFile(Path.of("/srv/gd/day.yaml").toAbsolutePath());
        String name = plan.addExperiment(Path.of("/srv/runbooks/slow-db.yaml").toAbsolutePath());

        assertThat(plan.titleOf(name)).isEqualTo("slow-db.yaml");
        plan.setTitleOf(name, "The database is slow");
        assertThat(plan.titleOf(name)).isEqualTo("The database is slow");
        assertThat(plan.runbookOf(name))
                .isEqualTo(Path.of("/srv/runbooks/slow-db.yaml").toAbsolutePath());
    }

    @Test
    void anExperimentAlreadyInThePlanIsNotAddedTwice() {
        plan.setFile(Path.of("/srv/gd.yaml").toAbsolutePath());
        Path a = Path.of("/srv/a.yaml").toAbsolutePath();

        assertThat(plan.addExperiment(a)).isEqualTo("a.yaml");
        assertThat(plan.addExperiment(a)).isEqualTo("a.yaml");

        assertThat(plan.experiments()).containsExactly("a.yaml");
    }
}
