package dev.faultline.app.cli;

import dev.faultline.engine.model.GameDay;
import dev.faultline.engine.model.Participant;
import dev.faultline.engine.store.TeamRoles;
import java.util.ArrayList;
import java.util.List;

/**
 * A GameDay plan's participants beside the logins that hold their roles on the shared store, for
 * {@code faultline team roles --plan FILE}: names in a runbook are for people and grant nothing;
 * what each role may do follows the logins the leader gave it. Says, per participant, which logins
 * play that role in this GameDay, or how to give it to one.
 */
final class PlanLogins {
    private PlanLogins() {}

    static List<String> lines(GameDay day, List<TeamRoles.Assignment> roles) {
        List<String> out = new ArrayList<>();
        out.add("the plan's participants (names for people; rights follow database logins, a name grants nothing):");
        if (day.participants().isEmpty()) {
            out.add("  the plan names no participant");
        }
        for (Participant p : day.participants()) {
            List<String> logins = roles.stream()
                    .filter(a -> a.role() == p.role()
                            && (a.gameday().equals(day.name()) || a.gameday().equals(TeamRoles.EVERY_GAMEDAY)))
                    .map(TeamRoles.Assignment::login)
                    .distinct()
                    .toList();
            out.add("  " + p.name() + " (" + p.role().label() + "): "
                    + (logins.isEmpty()
                            ? "NO LOGIN is " + p.role().label() + " in " + day.name()
                                    + " on this store: the leader gives " + p.name()
                                    + "'s login the role: faultline team roles --give LOGIN --role "
                                    + p.role().yamlName() + " --gameday " + day.name()
                            : "logins that are " + p.role().label() + " in " + day.name() + ": "
                                    + String.join(", ", logins)));
        }
        return out;
    }
}
