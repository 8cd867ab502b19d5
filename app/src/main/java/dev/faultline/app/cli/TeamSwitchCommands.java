package dev.faultline.app.cli;

import dev.faultline.engine.store.AuditTrail;
import dev.faultline.engine.store.FaultlineStore;
import dev.faultline.engine.store.RunRecord;
import dev.faultline.engine.store.RunnerLoss;
import dev.faultline.engine.store.SharedKillSwitch;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code faultline team halt / release / status}: the team's kill switch, the runners, the audit trail. */
final class TeamSwitchCommands {
    private TeamSwitchCommands() {}

    @Command(
            name = "halt",
            description = "Press the team's kill switch: every runner on the shared store halts and reverts its faults;"
                    + " it stays engaged for everyone until faultline team release --reason ...")
    static final class Halt implements Callable<Integer> {
        @ParentCommand
        TeamCommand team;

        @Option(names = "--reason", required = true, description = "why (shown to everyone and kept)")
        String reason = "";

        @Option(
                names = "--by",
                description = "who halts (default: your name from the app's Settings, else your user name)")
        @Nullable
        String by;

        @Override
        public Integer call() throws Exception {
            Optional<FaultlineStore> store = team.shared();
            if (store.isEmpty()) {
                return ExitCodes.COULD_NOT_RUN;
            }
            SharedKillSwitch.Press p = new SharedKillSwitch(store.get()).press(team.you(by), reason, Instant.now());
            team.root
                    .out()
                    .println("TEAM KILL SWITCH ENGAGED (#" + p.id() + " by " + p.by() + "): every runner on "
                            + store.get().describe()
                            + " halts and reverts its faults. Release with: faultline team release"
                            + " --reason \"...\"");
            return ExitCodes.OK;
        }
    }

    @Command(name = "release", description = "Release the team's kill switch, saying why.")
    static final class Release implements Callable<Integer> {
        @ParentCommand
        TeamCommand team;

        @Option(names = "--reason", required = true, description = "why it is safe again (kept)")
        String reason = "";

        @Option(names = "--by", description = "who releases (default: your name)")
        @Nullable
        String by;

        @Override
        public Integer call() throws Exception {
            Optional<FaultlineStore> store = team.shared();
            if (store.isEmpty()) {
                return ExitCodes.COULD_NOT_RUN;
            }
            boolean was = new SharedKillSwitch(store.get()).release(team.you(by), reason, Instant.now());
            team.root.out().println(was ? "team kill switch released" : "the team kill switch was not engaged");
            return ExitCodes.OK;
        }
    }

    @Command(name = "status", description = "Whether the team's kill switch is engaged, by whom and why.")
    static final class Status implements Callable<Integer> {
        private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        private static final int AUDIT_LINES = 10;

        @ParentCommand
        TeamCommand team;

        @Override
        public Integer call() throws Exception {
            Optional<FaultlineStore> store = team.shared();
            if (store.isEmpty()) {
                return ExitCodes.COULD_NOT_RUN;
            }
            Optional<SharedKillSwitch.Press> p = new SharedKillSwitch(store.get()).engaged();
            var out = team.root.out();
            out.println(p.map(x -> "ENGAGED since " + x.at() + " by " + x.by() + ": " + x.reason())
                    .orElse("released"));
            for (RunnerLoss.Lost lost : RunnerLoss.sweep(store.get())) {
                out.println(lost.describe() + " (marked now, from here)");
            }
            for (RunRecord run : store.get().runsStillMarkedRunning()) {
                TeamRunners.describe(store.get(), run.id()).forEach(out::println);
            }
            for (String run : RunnerLoss.abandonedHolding(store.get())) {
                TeamRunners.describe(store.get(), run).forEach(out::println);
            }
            List<AuditTrail.Entry> audit = store.get().audit().recent(AUDIT_LINES);
            if (!audit.isEmpty()) {
                out.println("audit trail (newest " + audit.size() + "):");
                ZoneId zone = ZoneId.systemDefault();
                for (AuditTrail.Entry e : audit) {
                    out.println("  " + STAMP.format(e.at().atZone(zone)) + "  " + e.login() + "@" + e.host() + "  "
                            + e.action() + "  " + e.subject() + (e.detail().isEmpty() ? "" : ": " + e.detail()));
                }
            }
            return p.isPresent() ? ExitCodes.DEVIATED_OR_HALTED : ExitCodes.OK;
        }
    }
}
