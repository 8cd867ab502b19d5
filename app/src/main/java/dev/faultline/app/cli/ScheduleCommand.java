package dev.faultline.app.cli;

import dev.faultline.engine.runbook.LoadedRunbook;
import dev.faultline.engine.runbook.RunbookException;
import dev.faultline.engine.schedule.CronTimes;
import dev.faultline.engine.schedule.Days;
import dev.faultline.engine.schedule.MissedRun;
import dev.faultline.engine.schedule.Schedule;
import dev.faultline.engine.schedule.ScheduleEntry;
import dev.faultline.engine.schedule.ScheduleState;
import dev.faultline.engine.schedule.TimeWindow;
import dev.faultline.engine.store.ScheduleStore;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code faultline schedule add|list|remove|pause|resume|export}: recurring experiments, run by
 * {@code faultline scheduler} (docs/cli.md, "Schedules").
 */
@Command(
        name = "schedule",
        description = "Run an experiment on a schedule: add, list, remove, pause, resume; export for Chaos Mesh."
                + " 'faultline scheduler' runs them.",
        subcommands = {
            ScheduleCommand.AddCmd.class,
            ScheduleCommand.ListCmd.class,
            ScheduleCommand.RemoveCmd.class,
            ScheduleCommand.PauseCmd.class,
            ScheduleCommand.ResumeCmd.class,
            ScheduleExportCommand.class
        })
final class ScheduleCommand implements Runnable {
    @ParentCommand
    FaultlineCommand root;

    @Override
    public void run() {
        root.err()
                .println(
                        "faultline schedule: say what, e.g. 'faultline schedule add weekly-payments"
                                + " runbooks/sandbox/payment-latency-holds.yaml --cron \"0 9 * * MON\"', or 'faultline schedule list'");
    }

    /** A subcommand of {@code schedule}. */
    @Command
    abstract static class Sub implements Callable<Integer> {
        @ParentCommand
        ScheduleCommand schedule;

        FaultlineCommand root() {
            return schedule.root;
        }

        ScheduleStore store() throws Exception {
            return root().composition().store().schedules();
        }

        int unknown(String name) throws Exception {
            List<ScheduleEntry> all = store().entries();
            root().err()
                    .println("faultline: no schedule named '" + name + "'"
                            + (all.isEmpty()
                                    ? "; add one with 'faultline schedule add'"
                                    : " (schedules: "
                                            + String.join(
                                                    ", ",
                                                    all.stream()
                                                            .map(e ->
                                                                    e.schedule().name())
                                                            .toList())
                                            + ")"));
            return ExitCodes.INVALID_INPUT;
        }
    }

    @Command(name = "add", description = "Add a schedule: a runbook run on a cron expression in a time zone.")
    static final class AddCmd extends Sub {
        @Parameters(index = "0", paramLabel = "NAME", description = "the schedule's name (letters, digits, dashes)")
        String name;

        @Parameters(index = "1", paramLabel = "RUNBOOK", description = "the experiment's runbook")
        Path runbook;

        @Option(
                names = "--cron",
                required = true,
                paramLabel = "EXPR",
                description = "when, in Unix cron's five fields: minute hour day-of-month month day-of-week"
                        + " (e.g. \"0 9 * * MON\": Mondays at 09:00)")
        String cron;

        @Option(
                names = "--zone",
                paramLabel = "ZONE",
                description = "the time zone the cron expression is read in (e.g. Europe/Berlin; default: this"
                        + " machine's)")
        @Nullable
        String zone;

        @Option(
                names = "--environment",
                paramLabel = "NAME",
                description = "run in this environment (default: the one the runbook names); never a production one")
        @Nullable
        String environment;

        @Option(
                names = "--window",
                paramLabel = "HH:MM-HH:MM",
                description = "only start inside these hours, in the schedule's zone (22:00-06:00 goes past midnight)")
        @Nullable
        String window;

        @Option(names = "--skip-days", paramLabel = "DAYS", description = "never run on these days, e.g. sat,sun")
        @Nullable
        String skipDays;

        @Option(
                names = "--missed",
                paramLabel = "POLICY",
                defaultValue = "skip",
                description = "a time that passed while no scheduler ran: skip (default) or run-once (one run when"
                        + " the scheduler is back)")
        String missed;

        @Override
        public Integer call() throws Exception {
            FaultlineCommand root = root();
            LoadedRunbook loaded;
            try {
                loaded = root.composition().loader.load(runbook);
            } catch (RunbookException e) {
                e.problems().forEach(p -> root.err().println(p));
                return ExitCodes.INVALID_INPUT;
            }
            Schedule s;
            try {
                ZoneId z = zone == null ? ZoneId.systemDefault() : ZoneId.of(zone);
                s = new Schedule(
                        name,
                        runbook.toAbsolutePath().normalize().toString(),
                        CronTimes.parse(cron),
                        z,
                        environment == null ? "" : environment,
                        window == null ? null : TimeWindow.parse(window),
                        skipDays == null ? java.util.Set.of() : Days.parse(skipDays),
                        MissedRun.parse(missed),
                        root.composition().clock.instant());
            } catch (DateTimeException e) {
                root.err().println("faultline: --zone '" + zone + "' is not a time zone (e.g. Europe/Berlin, UTC)");
                return ExitCodes.INVALID_INPUT;
            } catch (IllegalArgumentException e) {
                root.err().println("faultline: " + e.getMessage());
                return ExitCodes.INVALID_INPUT;
            }
            String env = s.environment().isEmpty() ? loaded.experiment().environment() : s.environment();
            var known = root.composition().environments.find(env);
            if (known.isEmpty()) {
                root.err()
                        .println("faultline: unknown environment '" + env + "' (known: "
                                + root.composition().environments.names() + ")");
                return ExitCodes.INVALID_INPUT;
            }
            if (known.get().production()) {
                root.err()
                        .println("faultline: '" + env + "' is a production environment: a scheduled run has nobody"
                                + " to confirm it, so schedules never run there");
                return ExitCodes.INVALID_INPUT;
            }
            if (!store().add(s)) {
                root.err()
                        .println("faultline: a schedule named '" + name
                                + "' exists; remove it first or choose another name");
                return ExitCodes.INVALID_INPUT;
            }
            ZoneId mine = ZoneId.systemDefault();
            root.out()
                    .println("schedule '" + name + "' added: "
                            + loaded.experiment().name() + " on '" + s.cron() + "' ("
                            + s.zone().getId() + ") in " + env + "; next run "
                            + s.nextRun(s.created())
                                    .map(t -> Days.when(t.atZone(mine)))
                                    .orElse("never (the expression names no time)"));
            root.out()
                    .println(
                            "'faultline scheduler' runs it (or 'faultline scheduler --systemd-unit' to keep one running)");
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", description = "List the schedules: next run (in your time zone) and last result.")
    static final class ListCmd extends Sub {
        @Override
        public Integer call() throws Exception {
            FaultlineCommand root = root();
            List<ScheduleEntry> all = store().entries();
            if (all.isEmpty()) {
                root.out()
                        .println(
                                "no schedules; add one with 'faultline schedule add NAME RUNBOOK --cron \"0 9 * * MON\"'");
                return ExitCodes.OK;
            }
            ZoneId mine = ZoneId.systemDefault();
            Instant now = root.composition().clock.instant();
            root.out()
                    .printf(
                            "%-20s %-18s %-16s %-26s %s%n",
                            "schedule", "cron", "zone", "next run (" + mine.getId() + ")", "last result");
            for (ScheduleEntry e : all) {
                Schedule s = e.schedule();
                root.out()
                        .printf(
                                "%-20s %-18s %-16s %-26s %s%n",
                                s.name(),
                                s.cron(),
                                s.zone().getId(),
                                e.state().paused()
                                        ? "paused"
                                        : e.nextRun(now)
                                                .map(t -> Days.when(t.atZone(mine)))
                                                .orElse("never"),
                                lastResult(e.state(), mine));
                root.out().println("    " + s.runbook() + guards(s));
            }
            return ExitCodes.OK;
        }

        static String lastResult(ScheduleState st, ZoneId zone) {
            String outcome = st.lastOutcome();
            if (outcome == null) {
                String d = st.lastDecision();
                return d == null ? "not run yet" : d;
            }
            Instant at = st.lastResultAt();
            return outcome
                    + (st.lastRunId() == null ? "" : " (run " + st.lastRunId() + ")")
                    + (at == null ? "" : " " + Days.when(at.atZone(zone)));
        }

        private static String guards(Schedule s) {
            StringBuilder b = new StringBuilder();
            if (!s.environment().isEmpty()) {
                b.append(" · in ").append(s.environment());
            }
            if (s.window() != null) {
                b.append(" · window ").append(s.window());
            }
            if (!s.skipDays().isEmpty()) {
                b.append(" · skips ").append(Days.format(s.skipDays()));
            }
            b.append(" · missed: ").append(s.missed().label());
            return b.toString();
        }
    }

    @Command(name = "remove", description = "Remove a schedule (its past runs stay recorded).")
    static final class RemoveCmd extends Sub {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        public Integer call() throws Exception {
            if (!store().remove(name)) {
                return unknown(name);
            }
            root().out().println("schedule '" + name + "' removed");
            return ExitCodes.OK;
        }
    }

    @Command(name = "pause", description = "Pause a schedule: it does not run until resumed.")
    static final class PauseCmd extends Sub {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        public Integer call() throws Exception {
            if (!store().setPaused(name, true, root().composition().clock.instant())) {
                return unknown(name);
            }
            root().out().println("schedule '" + name + "' paused");
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "resume",
            description = "Resume a paused schedule; the times that passed while it was paused are not run.")
    static final class ResumeCmd extends Sub {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        public Integer call() throws Exception {
            Instant now = root().composition().clock.instant();
            if (!store().setPaused(name, false, now)) {
                return unknown(name);
            }
            ScheduleEntry e = store().find(name).orElseThrow();
            root().out()
                    .println("schedule '" + name + "' resumed; next run "
                            + e.nextRun(now)
                                    .map(t -> Days.when(t.atZone(ZoneId.systemDefault())))
                                    .orElse("never"));
            return ExitCodes.OK;
        }
    }
}
