package dev.faultline.app.cli;

import dev.faultline.app.Composition;
import dev.faultline.app.view.common.AppPreferences;
import dev.faultline.app.view.common.YourName;
import dev.faultline.engine.model.Participant;
import dev.faultline.engine.safety.FaultJournal;
import dev.faultline.engine.safety.JournalEntry;
import dev.faultline.engine.safety.RevertOutcome;
import dev.faultline.engine.spi.BackendException;
import dev.faultline.engine.spi.FaultBackend;
import dev.faultline.engine.store.AuditTrail;
import dev.faultline.engine.store.FaultlineStore;
import dev.faultline.engine.store.JournalMirror;
import dev.faultline.engine.store.RunFollower;
import dev.faultline.engine.store.RunHeartbeat;
import dev.faultline.engine.store.RunRecord;
import dev.faultline.engine.store.SampleRecord;
import dev.faultline.engine.store.SharedKillSwitch;
import dev.faultline.engine.store.StoreException;
import dev.faultline.engine.store.TeamRoles;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
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
            TeamCommand.Follow.class,
            TeamCommand.Halt.class,
            TeamCommand.Release.class,
            TeamCommand.Status.class,
            TeamCommand.Revert.class,
            TeamCommand.Roles.class
        })
final class TeamCommand implements Runnable {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int AUDIT_LINES = 10;

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

    @Command(
            name = "follow",
            description = "Print a run's events, samples and notes as they reach the shared store (at most a second"
                    + " behind), until the run ends.")
    static final class Follow implements Callable<Integer> {
        @ParentCommand
        TeamCommand team;

        @Parameters(index = "0", paramLabel = "RUN", description = "the run id (see faultline runs)")
        String runId = "";

        @Option(
                names = "--for",
                description = "stop following after this long even if the run goes on (default: until it ends)",
                converter = DurationConverter.class)
        @Nullable
        Duration limit;

        @Override
        public Integer call() throws Exception {
            Optional<FaultlineStore> store = team.shared();
            if (store.isEmpty()) {
                return ExitCodes.COULD_NOT_RUN;
            }
            var out = team.root.out();
            ZoneId zone = ZoneId.systemDefault();
            out.println("following " + runId + " on " + store.get().describe() + " (Ctrl-C to stop)");
            out.flush();
            try (RunFollower f = RunFollower.follow(store.get(), runId, change -> {
                switch (change) {
                    case RunFollower.Event(var e) ->
                        out.println(CLOCK.format(e.at().atZone(zone)) + "  " + e.type() + "  " + e.text());
                    case RunFollower.Samples(var samples) -> out.println(samples(samples, zone));
                    case RunFollower.Note(var n) ->
                        out.println(CLOCK.format(n.at().atZone(zone)) + "  note by " + n.author() + ": " + n.text());
                    case RunFollower.Ended(var run) ->
                        out.println("run " + run.id() + " ended: " + run.status()
                                + (run.summary() == null ? "" : " (" + run.summary() + ")"));
                }
                out.flush();
            })) {
                watchRunner(f, store.get(), out);
                return ExitCodes.OK;
            }
        }

        /**
         * Waits for the run's end (or the --for limit), saying once when its runner stops answering
         * (no heartbeat for {@link RunHeartbeat#SILENCE}) with the faults its journal still holds, and
         * when it answers again.
         */
        private void watchRunner(RunFollower f, FaultlineStore store, java.io.PrintWriter out)
                throws InterruptedException, StoreException {
            Instant until = Instant.now().plus(limit == null ? Duration.ofDays(7) : limit);
            boolean silent = false;
            while (!f.awaitEnd(Duration.ofSeconds(1)) && Instant.now().isBefore(until)) {
                Optional<RunHeartbeat.Runner> r = RunHeartbeat.of(store, runId);
                if (r.isEmpty() || r.get().answering() == !silent) {
                    continue;
                }
                silent = !r.get().answering();
                if (silent) {
                    TeamRunners.describe(store, runId).forEach(out::println);
                } else {
                    out.println("run " + runId + ": its runner on " + r.get().host() + " answers again");
                }
                out.flush();
            }
        }

        /** A batch of samples on one line: the newest value of each probe, its phase, and how many came. */
        private static String samples(java.util.List<SampleRecord> batch, ZoneId zone) {
            Map<String, SampleRecord> newest = new LinkedHashMap<>();
            Instant last = Instant.EPOCH;
            for (SampleRecord s : batch) {
                newest.put(s.probe(), s);
                last = s.at().isAfter(last) ? s.at() : last;
            }
            StringBuilder line = new StringBuilder(CLOCK.format(last.atZone(zone)) + "  samples(" + batch.size() + ")");
            for (SampleRecord s : newest.values()) {
                line.append("  ")
                        .append(s.probe())
                        .append('=')
                        .append(Double.isNaN(s.value()) ? "no value" : String.valueOf(s.value()))
                        .append(" [")
                        .append(s.phase())
                        .append(s.within() ? "" : ", OUTSIDE")
                        .append(']');
            }
            return line.toString();
        }
    }

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
            for (RunRecord run : store.get().runsStillMarkedRunning()) {
                TeamRunners.describe(store.get(), run.id()).forEach(out::println);
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

    @Command(
            name = "revert",
            description = "Revert, from this desktop, the faults a run whose runner stopped answering still holds on"
                    + " backends anyone can reach (Chaos Mesh, Litmus, Toxiproxy); local faults are reverted by the"
                    + " runner's machine when it comes back.")
    static final class Revert implements Callable<Integer> {
        @ParentCommand
        TeamCommand team;

        @Parameters(index = "0", paramLabel = "RUN", description = "the run id (see faultline team status)")
        String runId = "";

        @Override
        public Integer call() throws Exception {
            Composition c = team.root.composition();
            Optional<FaultlineStore> shared = team.shared();
            if (shared.isEmpty()) {
                return ExitCodes.COULD_NOT_RUN;
            }
            FaultlineStore store = shared.get();
            var out = team.root.out();
            var err = team.root.err();
            Optional<RunHeartbeat.Runner> runner = RunHeartbeat.of(store, runId);
            if (runner.isPresent() && runner.get().answering()) {
                err.println("faultline: the runner of " + runId + " on "
                        + runner.get().host()
                        + " still answers: it reverts its own faults; to stop it, faultline team halt --reason ...");
                return ExitCodes.COULD_NOT_RUN;
            }
            Optional<String> refused = store.roles().refusal(TeamRoles.Right.REVERT_FOR_OTHERS, null);
            if (refused.isPresent()) {
                err.println("faultline: " + refused.get());
                return ExitCodes.COULD_NOT_RUN;
            }
            boolean all = true;
            for (JournalMirror.HeldFault f : JournalMirror.held(store, runId)) {
                if (!f.reachable()) {
                    out.println("left: " + f.description() + " (backend " + f.backend() + ") is local to " + f.host()
                            + ": reverted by " + f.host() + " when it comes back (or faultline recover there)");
                    all = false;
                    continue;
                }
                JournalEntry entry = FaultJournal.entryOf(f.journalLine());
                RevertOutcome o;
                try (FaultBackend backend = c.plugins.createBackend(entry.settings())) {
                    o = c.reverter.revert(backend, entry.handle(), entry.step(), Instant.now());
                } catch (BackendException e) {
                    err.println("faultline: COULD NOT revert " + f.description() + ": " + e.getMessage() + "; by hand: "
                            + entry.handle().description());
                    all = false;
                    continue;
                }
                if (o.reverted()) {
                    JournalMirror.revertedFromHere(store, f, o.detail());
                    out.println("reverted " + f.description() + " (" + o.detail() + ")");
                } else {
                    err.println("faultline: COULD NOT revert " + f.description() + ": " + o.detail()
                            + (o.manualStep().isEmpty() ? "" : "; by hand: " + o.manualStep()));
                    all = false;
                }
            }
            return all ? ExitCodes.OK : ExitCodes.DEVIATED_OR_HALTED;
        }
    }

    @Command(
            name = "roles",
            description = "Who may do what on the shared store (leader, operator, observer, scribe, on-call, per"
                    + " GameDay or '*' for all); a leader gives or takes a role with --give/--take LOGIN --role ROLE.")
    static final class Roles implements Callable<Integer> {
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
                    team.root
                            .err()
                            .println("faultline: say which role: --role leader|operator|observer|scribe|on-call");
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
            return ExitCodes.OK;
        }
    }
}
