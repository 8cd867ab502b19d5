package dev.faultline.app.cli;

import dev.faultline.app.Composition;
import dev.faultline.app.session.HomeRunGate;
import dev.faultline.app.session.ScheduledRuns;
import dev.faultline.engine.schedule.Days;
import dev.faultline.engine.schedule.ScheduleDecision;
import dev.faultline.engine.schedule.ScheduleEntry;
import dev.faultline.engine.schedule.Scheduler;
import dev.faultline.engine.spi.run.RunOutcome;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code faultline scheduler}: runs the schedules in the foreground, one log line per decision, until
 * Ctrl-C or SIGTERM (a run in progress is halted and rolled back first, as for {@code faultline run});
 * {@code --once} decides once and waits for the run it started; {@code --systemd-unit} writes a
 * systemd user unit that keeps one running.
 */
@Command(
        name = "scheduler",
        description = "Run the schedules in the foreground with a log line per decision (fired, skipped and why,"
                + " missed, finished). Exit 0 when every run it started held, 1 when one deviated or was halted,"
                + " 3 when one could not run.")
final class SchedulerCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");
    /** How long {@code --once} waits at most for the run it started. */
    private static final Duration ONCE_WAIT = Duration.ofHours(24);

    @ParentCommand
    FaultlineCommand root;

    @Option(
            names = "--once",
            description = "decide once about every schedule, wait for the run started (if any), then exit"
                    + " (for cron or a CI job that calls it)")
    boolean once;

    @Option(
            names = "--tick",
            paramLabel = "DURATION",
            defaultValue = "15s",
            converter = DurationConverter.class,
            description = "how often the schedules are looked at (default: ${DEFAULT-VALUE}; at most 1m)")
    Duration tick;

    @Option(
            names = "--systemd-unit",
            arity = "0..1",
            paramLabel = "FILE",
            fallbackValue = "",
            description = "write a systemd user unit that runs 'faultline scheduler' (default file:"
                    + " ~/.config/systemd/user/faultline-scheduler.service) and say how to start it; runs nothing")
    @Nullable
    String systemdUnit;

    @Option(
            names = "--command",
            paramLabel = "PATH",
            description = "with --systemd-unit: the faultline launcher the unit starts (default: this installation's)")
    @Nullable
    Path command;

    @Override
    public Integer call() throws Exception {
        if (systemdUnit != null) {
            return SystemdUnit.write(root, systemdUnit, command);
        }
        if (tick.isNegative() || tick.isZero() || tick.compareTo(Scheduler.ON_TIME) > 0) {
            root.err().println("faultline: --tick must be between 1s and 1m, not " + tick);
            return ExitCodes.INVALID_INPUT;
        }
        Composition c = root.composition();
        ZoneId mine = ZoneId.systemDefault();
        List<ScheduleDecision> ended = new CopyOnWriteArrayList<>();
        ScheduledRuns runs = new ScheduledRuns(c, line -> log(c, "", line), line -> log(c, "", "warning: " + line));
        Scheduler scheduler = new Scheduler(c.store().schedules(), new HomeRunGate(c), runs, c.clock, d -> {
            log(c, d.schedule(), d.line() + " (due " + Days.when(d.due().atZone(mine)) + ")");
            if (d.kind() == ScheduleDecision.Kind.FINISHED || d.kind() == ScheduleDecision.Kind.REFUSED) {
                ended.add(d);
            }
        });
        List<ScheduleEntry> entries = c.store().schedules().entries();
        log(
                c,
                "",
                "scheduler started: " + entries.size() + " schedule(s), times in " + mine.getId()
                        + (once
                                ? "; deciding once"
                                : "; Ctrl-C stops it (a run in progress is halted and rolled back first)"));
        Instant now = c.clock.instant();
        for (ScheduleEntry e : entries) {
            log(
                    c,
                    e.schedule().name(),
                    e.state().paused()
                            ? "paused"
                            : "next run "
                                    + e.nextRun(now)
                                            .map(t -> Days.when(t.atZone(mine)))
                                            .orElse("never"));
        }
        if (once) {
            scheduler.tick();
            if (!scheduler.awaitRun(ONCE_WAIT)) {
                log(c, "", "the run did not end within " + ONCE_WAIT.toHours() + " h; leaving it to its own process");
                return ExitCodes.COULD_NOT_RUN;
            }
            return exitCode(c, ended);
        }
        while (!Thread.currentThread().isInterrupted()) {
            try {
                scheduler.tick();
            } catch (dev.faultline.engine.FaultlineException e) {
                log(c, "", "warning: " + e.getMessage() + "; trying again in " + tick.toSeconds() + " s");
            }
            Thread.sleep(tick.toMillis());
        }
        return ExitCodes.OK;
    }

    private void log(Composition c, String schedule, String line) {
        String at = TIME.format(c.clock.instant().atZone(ZoneId.systemDefault()));
        root.out().println(at + "  " + (schedule.isEmpty() ? "" : schedule + "  ") + line);
        root.out().flush();
    }

    /** 0 when every run held (or none ran), 1 when one deviated or was halted, 3 when one could not run. */
    private static int exitCode(Composition c, List<ScheduleDecision> ended) throws Exception {
        int code = ExitCodes.OK;
        for (ScheduleDecision d : ended) {
            String outcome = c.store()
                    .schedules()
                    .find(d.schedule())
                    .map(e -> e.state().lastOutcome())
                    .orElse(null);
            code = Math.max(code, exitCode(outcome));
        }
        return code;
    }

    static int exitCode(@Nullable String outcome) {
        for (RunOutcome o : RunOutcome.values()) {
            if (o.name().equals(outcome)) {
                return o.exitCode();
            }
        }
        return ExitCodes.COULD_NOT_RUN; // REFUSED, or a run whose end was not recorded
    }
}
