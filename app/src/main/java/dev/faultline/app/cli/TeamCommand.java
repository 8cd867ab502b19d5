package dev.faultline.app.cli;

import dev.faultline.app.view.common.AppPreferences;
import dev.faultline.app.view.common.YourName;
import dev.faultline.engine.store.FaultlineStore;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code faultline team}: a GameDay from another desktop, through the team's shared store: follow a
 * run live, press the shared kill switch, release it with a reason, see whether it is engaged.
 */
@Command(
        name = "team",
        description = "Team mode, through the shared store (docs/team-mode.md): follow a run live, halt every"
                + " runner, release.",
        subcommands = {
            TeamFollowCommand.class,
            TeamSwitchCommands.Halt.class,
            TeamSwitchCommands.Release.class,
            TeamSwitchCommands.Status.class,
            TeamRevertCommand.class,
            TeamRolesCommand.class
        })
final class TeamCommand implements Runnable {
    @ParentCommand
    FaultlineCommand root;

    @Override
    public void run() {
        root.err()
                .println(
                        "faultline team: say what, e.g. 'faultline team follow RUN' or 'faultline team halt --reason ...'");
    }

    /** The shared store, or empty (said to the user) when this desktop uses its own database. */
    Optional<FaultlineStore> shared() throws Exception {
        FaultlineStore store = root.store();
        if (!store.shared()) {
            root.err()
                    .println("faultline: this desktop uses its own database, not a team's shared store: set one with"
                            + " faultline store use --url ... --user ... --password env:NAME (docs/team-mode.md)");
            return Optional.empty();
        }
        return Optional.of(store);
    }

    String you(@Nullable String by) {
        return you(root, by);
    }

    /** Who acts: {@code by} when given, else the name in the app's Settings, else the user name. */
    static String you(FaultlineCommand root, @Nullable String by) {
        return by != null
                ? by
                : YourName.orAccount(new AppPreferences(root.home().root().resolve("app.properties"))
                        .keptYourName()
                        .orElse(""));
    }
}
