package dev.faultline.app.cli;

import dev.faultline.engine.model.Participant;
import dev.faultline.engine.store.FaultlineStore;
import dev.faultline.engine.store.TeamRoles;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code faultline team roles}: who may do what on the shared store; a leader gives and takes roles. */
@Command(
        name = "roles",
        description = "Who may do what on the shared store (leader, operator, observer, scribe, on-call, per"
                + " GameDay or '*' for all); a leader gives or takes a role with --give/--take LOGIN --role ROLE.")
final class TeamRolesCommand implements Callable<Integer> {
    @ParentCommand
    TeamCommand team;

    @Option(names = "--give", description = "give LOGIN the --role")
    @Nullable
    String give;

    @Option(names = "--take", description = "take the --role from LOGIN")
    @Nullable
    String take;

    @Option(names = "--role", description = "leader, operator, observer, scribe or on-call")
    @Nullable
    String role;

    @Option(names = "--gameday", description = "the GameDay's name (default: every GameDay, '*')")
    String gameday = TeamRoles.EVERY_GAMEDAY;

    @Option(
            names = "--plan",
            description = "a GameDay runbook: each participant beside the logins that hold its role in that GameDay")
    java.nio.file.@Nullable Path plan;

    @Override
    public Integer call() throws Exception {
        Optional<FaultlineStore> shared = team.shared();
        if (shared.isEmpty()) {
            return ExitCodes.COULD_NOT_RUN;
        }
        TeamRoles roles = shared.get().roles();
        var out = team.root.out();
        String login = give != null ? give : take;
        if (login != null) {
            if (role == null) {
                team.root.err().println("faultline: say which role: --role leader|operator|observer|scribe|on-call");
                return ExitCodes.INVALID_INPUT;
            }
            Participant.Role r;
            try {
                r = Participant.Role.fromYaml(role);
            } catch (IllegalArgumentException e) {
                team.root
                        .err()
                        .println("faultline: '" + role
                                + "' is not a role: leader, operator, observer, scribe or on-call");
                return ExitCodes.INVALID_INPUT;
            }
            if (give != null) {
                roles.assign(login, gameday, r);
                out.println(login + " is now " + r.label() + " in " + gameday);
            } else {
                out.println(
                        roles.withdraw(login, gameday, r)
                                ? login + " is no longer " + r.label() + " in " + gameday
                                : login + " was not " + r.label() + " in " + gameday);
            }
            return ExitCodes.OK;
        }
        out.println("you are " + shared.get().login() + "; the database "
                + (roles.enforced()
                        ? "enforces these roles"
                        : "does NOT enforce roles yet (the DBA runs faultline store grants once)"));
        for (TeamRoles.Assignment a : roles.all()) {
            out.println("  " + a.login() + "  " + a.role().yamlName() + "  in "
                    + (a.gameday().equals(TeamRoles.EVERY_GAMEDAY) ? "every GameDay" : a.gameday()));
        }
        if (plan != null) {
            dev.faultline.engine.model.GameDay day;
            try {
                day = new dev.faultline.engine.runbook.RunbookLoader()
                        .loadGameDay(plan)
                        .gameDay();
            } catch (dev.faultline.engine.runbook.RunbookException e) {
                team.root.err().println("faultline: " + e.getMessage());
                return ExitCodes.INVALID_INPUT;
            }
            PlanLogins.lines(day, roles.all()).forEach(out::println);
        }
        return ExitCodes.OK;
    }
}
