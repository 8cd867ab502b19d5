package dev.faultline.app.cli;

import dev.faultline.app.view.common.AppPreferences;
import dev.faultline.app.view.common.YourName;
import dev.faultline.engine.store.FaultlineStore;
import dev.faultline.engine.store.RunFollower;
import dev.faultline.engine.store.SampleRecord;
import dev.faultline.engine.store.SharedKillSwitch;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
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
            TeamCommand.Status.class
        })
final class TeamCommand implements Runnable {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

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
                f.awaitEnd(limit == null ? Duration.ofDays(7) : limit);
                return ExitCodes.OK;
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
            team.root
                    .out()
                    .println(p.map(x -> "ENGAGED since " + x.at() + " by " + x.by() + ": " + x.reason())
                            .orElse("released"));
            return p.isPresent() ? ExitCodes.DEVIATED_OR_HALTED : ExitCodes.OK;
        }
    }
}
