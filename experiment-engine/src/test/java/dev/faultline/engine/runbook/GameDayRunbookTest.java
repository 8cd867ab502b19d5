package dev.faultline.engine.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.engine.model.GameDay;
import dev.faultline.engine.model.Participant;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class GameDayRunbookTest {
    static final String GOOD = """
            apiVersion: faultline.dev/v1
            kind: GameDay
            metadata:
              name: checkout-day
              title: "Checkout GameDay 🚀 结账"
            spec:
              environment: sandbox
              schedule: {start: "2026-12-03T10:00", zone: Europe/Berlin}
              objectives: [Orders survive slow payments, "Zoë's alert fires"]
              participants:
                - {name: Zoë Ångström, role: leader, slackId: U012ABCDEF}
                - {name: 山田太郎, role: on-call}
              experiments: [a.yaml, sub/b.yaml]
              checklist:
                preChecks: [{item: dashboards open, done: true}]
                abortCriteria: [{item: real customers affected}]
            """;

    private final RunbookLoader loader = new RunbookLoader();

    @Test
    void aGameDayIsReadWithItsScheduleParticipantsAndChecklist() throws Exception {
        GameDay d = loader.parseGameDay(GOOD, "day.yaml").gameDay();
        assertThat(d.title()).isEqualTo("Checkout GameDay 🚀 结账");
        assertThat(d.scheduledStart()).isEqualTo(Instant.parse("2026-12-03T09:00:00Z"));
        assertThat(d.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(d.participants())
                .containsExactly(
                        new Participant("Zoë Ångström", Participant.Role.LEADER, "U012ABCDEF"),
                        new Participant("山田太郎", Participant.Role.ON_CALL));
        assertThat(d.experiments()).containsExactly("a.yaml", "sub/b.yaml");
        assertThat(d.checklist().preChecks().get(0).done()).isTrue();
        assertThat(d.checklist().abortCriteria().get(0).done()).isFalse();
    }

    @Test
    void writingAndReadingAGameDayGivesTheSameGameDay() throws Exception {
        GameDay d = loader.parseGameDay(GOOD, "day.yaml").gameDay();
        String yaml = new GameDayWriter().toYaml(d);
        assertThat(loader.parseGameDay(yaml, "again.yaml").gameDay()).isEqualTo(d);
    }

    @Test
    void theShippedFirstGameDayLoadsWithEveryExperiment() throws Exception {
        Path file = Path.of("../runbooks/sandbox/first-gameday.yaml");
        LoadedGameDay day = loader.loadGameDay(file);
        List<LoadedRunbook> experiments = loader.loadExperimentsOf(day);
        assertThat(experiments).hasSize(4);
        assertThat(experiments.get(0).experiment().name()).isEqualTo("payment-latency-holds");
        assertThat(loader.parseGameDay(new GameDayWriter().toYaml(day.gameDay()), "x.yaml")
                        .gameDay())
                .isEqualTo(day.gameDay());
    }

    @Test
    void problemsAreLocatedByLineAndField() {
        String bad = GOOD.replace("Europe/Berlin", "Mars/Olympus")
                .replace("role: leader", "role: boss")
                .replace("experiments: [a.yaml, sub/b.yaml]", "experiments: [a.yaml, a.yaml]\n  lunch: 12:00");
        assertThatThrownBy(() -> loader.parseGameDay(bad, "day.yaml"))
                .isInstanceOf(RunbookException.class)
                .satisfies(e -> assertThat(((RunbookException) e).problems())
                        .map(Object::toString)
                        .anySatisfy(p -> assertThat(p)
                                .startsWith("day.yaml:11:34")
                                .contains("spec.participants[0].role")
                                .contains("boss"))
                        .anySatisfy(p -> assertThat(p).startsWith("day.yaml:").contains("unknown field 'lunch'")));
        String zone = GOOD.replace("Europe/Berlin", "Mars/Olympus");
        assertThatThrownBy(() -> loader.parseGameDay(zone, "day.yaml"))
                .isInstanceOf(RunbookException.class)
                .satisfies(e -> assertThat(((RunbookException) e).problems())
                        .map(Object::toString)
                        .containsExactly(
                                "day.yaml:8:47: spec.schedule.zone: 'Mars/Olympus' is not a time zone; use an IANA name such as"
                                        + " Europe/Berlin, America/New_York or UTC"));
        String twice = GOOD.replace("[a.yaml, sub/b.yaml]", "[a.yaml, a.yaml]");
        assertThatThrownBy(() -> loader.parseGameDay(twice, "day.yaml"))
                .isInstanceOf(RunbookException.class)
                .hasMessageContaining("spec.experiments[1]")
                .hasMessageContaining("listed twice");
    }

    @Test
    void aGameDayIsNotRunAsAnExperimentAndTheOtherWayRound() {
        assertThatThrownBy(() -> loader.parse(GOOD, "day.yaml")).hasMessageContaining("faultline gameday run");
        assertThatThrownBy(() -> loader.parseGameDay(RunbookLoaderTest.GOOD, "e.yaml"))
                .hasMessageContaining("not a GameDay");
    }

    @Test
    void aGameDayWithoutExperimentsIsRefused() {
        String none = GOOD.replace("experiments: [a.yaml, sub/b.yaml]", "experiments: []");
        assertThatThrownBy(() -> loader.parseGameDay(none, "day.yaml")).hasMessageContaining("spec.experiments");
    }

    @Test
    void anExperimentCanSayWhoRunsAndWhoWatchesItAndTheRestFallToTheOperatorsAndObservers() throws Exception {
        String crews = GOOD.replace(
                "experiments: [a.yaml, sub/b.yaml]",
                "experiments:\n    - a.yaml\n    - {runbook: sub/b.yaml, operators: [山田太郎], observers: [Zoë Ångström]}");
        GameDay d = loader.parseGameDay(crews, "day.yaml").gameDay();

        assertThat(d.experiments()).containsExactly("a.yaml", "sub/b.yaml");
        assertThat(d.crewOf("sub/b.yaml").operators()).containsExactly("山田太郎");
        assertThat(d.crewOf("sub/b.yaml").observers()).containsExactly("Zoë Ångström");
        assertThat(d.crewOf("a.yaml").isEmpty()).isTrue(); // nobody is an operator or observer in GOOD
        String yaml = new GameDayWriter().toYaml(d);
        assertThat(yaml).contains("- \"a.yaml\"").contains("runbook: \"sub/b.yaml\"");
        assertThat(loader.parseGameDay(yaml, "again.yaml").gameDay()).isEqualTo(d);
        // without crews the file stays in the form every earlier Faultline reads
        assertThat(new GameDayWriter()
                        .toYaml(loader.parseGameDay(GOOD, "day.yaml").gameDay()))
                .doesNotContain("runbook:");
    }

    @Test
    void aCrewOfSomeoneNotTakingPartIsRefusedWithWhere() {
        String stranger = GOOD.replace(
                "experiments: [a.yaml, sub/b.yaml]", "experiments:\n    - {runbook: a.yaml, operators: [Mallory]}");
        assertThatThrownBy(() -> loader.parseGameDay(stranger, "day.yaml"))
                .isInstanceOf(RunbookException.class)
                .hasMessageContaining("spec.experiments[0].operators")
                .hasMessageContaining("'Mallory' is not a participant");
    }
}
