package dev.faultline.app.cli;

import dev.faultline.engine.gameday.GameDayStep;
import dev.faultline.engine.model.Durations;
import dev.faultline.engine.store.GameDayRunRecord;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code faultline gameday run FILE} and {@code faultline gameday list}. */
@Command(
        name = "gameday",
        description = "Run a GameDay (its experiments in order) or list the GameDay runs.",
        subcommands = {GameDayRunCommand.class, GameDayCommand.ListCmd.class})
final class GameDayCommand implements Runnable {
    @ParentCommand
    FaultlineCommand root;

    @Override
    public void run() {
        root.err()
                .println(
                        "faultline gameday: say what, e.g. 'faultline gameday run runbooks/sandbox/first-gameday.yaml'");
    }

    @Command(
            name = "list",
            description = "List GameDay runs, newest first; a day with a halt or a skipped experiment with its steps.")
    static final class ListCmd implements Callable<Integer> {
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

        @ParentCommand
        GameDayCommand gameday;

        @Option(
                names = {"-n", "--limit"},
                defaultValue = "20")
        int limit;

        @Override
        public Integer call() throws Exception {
            FaultlineCommand root = gameday.root;
            List<GameDayRunRecord> runs = root.composition().store().gameDays().recent(limit);
            if (runs.isEmpty()) {
                root.out()
                        .println("no GameDay runs yet; try: faultline gameday run runbooks/sandbox/first-gameday.yaml");
                return ExitCodes.OK;
            }
            ZoneId zone = ZoneId.systemDefault();
            root.out()
                    .printf(
                            "%-19s %-9s %-7s %-5s %-24s %s%n",
                            "started (" + zone.getId() + ")", "result", "took", "runs", "GameDay", "GameDay run id");
            for (GameDayRunRecord r : runs) {
                String took = r.endedAt() == null
                        ? "-"
                        : Durations.format(Duration.ofSeconds(
                                Duration.between(r.startedAt(), r.endedAt()).toSeconds()));
                root.out()
                        .printf(
                                "%-19s %-9s %-7s %-5d %-24s %s%n",
                                TIME.format(r.startedAt().atZone(zone)),
                                r.status(),
                                took,
                                r.runIds().size(),
                                r.name(),
                                r.id());
                List<GameDayStep> steps = root.composition().store().gameDays().steps(r.id());
                if (steps.stream().anyMatch(st -> st.skipped() || st.afterHalt() != null)) {
                    steps.forEach(st -> root.out().println("    " + st.describe()));
                }
            }
            return ExitCodes.OK;
        }
    }
}
