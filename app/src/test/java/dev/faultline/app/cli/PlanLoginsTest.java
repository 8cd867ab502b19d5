package dev.faultline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.model.Checklist;
import dev.faultline.engine.model.GameDay;
import dev.faultline.engine.model.Participant;
import dev.faultline.engine.store.TeamRoles;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code faultline team roles --plan}: each participant of the plan beside the logins that hold its
 * role in that GameDay (or in every GameDay); a role no login holds says how to give it. A name
 * that equals a login is not taken for it.
 */
class PlanLoginsTest {
    @Test
    void eachParticipantIsShownWithTheLoginsThatHoldItsRoleHere() {
        GameDay day = new GameDay(
                "first-gameday",
                "First GameDay",
                "",
                List.of("learn"),
                Instant.parse("2026-12-07T10:00:00Z"),
                ZoneId.of("UTC"),
                "sandbox",
                List.of(
                        new Participant("Ada Lovelace", Participant.Role.LEADER),
                        new Participant("Ben Okafor", Participant.Role.OPERATOR),
                        new Participant("cleo", Participant.Role.SCRIBE)),
                List.of("a.yaml"),
                Checklist.EMPTY);
        List<TeamRoles.Assignment> roles = List.of(
                new TeamRoles.Assignment("ada", TeamRoles.EVERY_GAMEDAY, Participant.Role.LEADER),
                new TeamRoles.Assignment("ben", "first-gameday", Participant.Role.OPERATOR),
                new TeamRoles.Assignment("ben", "another-day", Participant.Role.SCRIBE),
                new TeamRoles.Assignment("cleo", "first-gameday", Participant.Role.OBSERVER));

        assertThat(PlanLogins.lines(day, roles))
                .containsExactly(
                        "the plan's participants (names for people; rights follow database logins, a name grants"
                                + " nothing):",
                        "  Ada Lovelace (leader): logins that are leader in first-gameday: ada",
                        "  Ben Okafor (operator): logins that are operator in first-gameday: ben",
                        "  cleo (scribe): NO LOGIN is scribe in first-gameday on this store: the leader gives cleo's"
                                + " login the role: faultline team roles --give LOGIN --role scribe --gameday"
                                + " first-gameday");
    }
}
