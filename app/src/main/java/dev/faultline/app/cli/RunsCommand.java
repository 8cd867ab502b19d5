package dev.faultline.app.cli;

import dev.faultline.engine.model.Durations;
import dev.faultline.engine.store.RunRecord;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code faultline runs}: the recent runs in the database, newest first, in the local time zone. */
@Command(name = "runs", description = "List recent runs, newest first.")
final class RunsCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @ParentCommand
    FaultlineCommand root;

    @Option(
            names = {"-n", "--limit"},
            defaultValue = "20",
            description = "how many (default: ${DEFAULT-VALUE})")
    int limit;

    @Override
    public Integer call() throws Exception {
        List<RunRecord> runs = root.store().recentRuns(limit);
        if (runs.isEmpty()) {
            root.out().println("no runs yet; try: faultline run runbooks/sandbox/payment-latency-holds.yaml");
            return ExitCodes.OK;
        }
        ZoneId zone = ZoneId.systemDefault();
        root.out()
                .printf(
                        "%-19s %-9s %-7s %-28s %s%n",
                        "started (" + zone.getId() + ")", "result", "took", "experiment", "run id");
        for (RunRecord r : runs) {
            String took = r.endedAt() == null
                    ? "-"
                    : Durations.format(Duration.ofSeconds(
                            Duration.between(r.startedAt(), r.endedAt()).toSeconds()));
            root.out()
                    .printf(
                            "%-19s %-9s %-7s %-28s %s%n",
                            TIME.format(r.startedAt().atZone(zone)), r.status(), took, r.experimentName(), r.id());
        }
        return ExitCodes.OK;
    }
}
