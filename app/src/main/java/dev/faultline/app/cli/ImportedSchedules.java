package dev.faultline.app.cli;

import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.schedule.CronTimes;
import dev.faultline.engine.schedule.Days;
import dev.faultline.engine.schedule.MissedRun;
import dev.faultline.engine.schedule.Schedule;
import dev.faultline.engine.spi.interop.ImportedSchedule;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Set;

/**
 * The schedules an import found (a Chaos Mesh {@code Schedule}), for the runbook just written: by
 * default printed as the {@code faultline schedule add} command that makes them, since an import
 * never starts chaos on its own and the runbook's environment and hypothesis want a look first;
 * with {@code faultline import --schedule}, added to the store as that command would.
 */
public final class ImportedSchedules {
    private final FaultlineCommand root;

    ImportedSchedules(FaultlineCommand root) {
        this.root = root;
    }

    /** The command line that adds {@code s} for the runbook at {@code runbook}. */
    public static String command(ImportedSchedule s, Path runbook) {
        return "faultline schedule add " + s.name() + " "
                + quoted(runbook.toAbsolutePath().normalize().toString()) + " --cron \"" + s.cron() + "\" --zone "
                + s.zone().getId() + " --missed " + s.missed();
    }

    private static String quoted(String path) {
        return path.matches("[A-Za-z0-9_./@:+-]+") ? path : "'" + path.replace("'", "'\\''") + "'";
    }

    /** Prints the command that adds it; exit 0. */
    int print(ImportedSchedule s, Path runbook) {
        root.out()
                .println("schedule " + s.name() + " of " + runbook.getFileName() + ": '" + s.cron() + "' ("
                        + s.zone().getId() + "), missed: " + s.missed() + "; check the runbook's environment and"
                        + " hypothesis, then: " + command(s, runbook));
        return ExitCodes.OK;
    }

    /**
     * Adds it as {@code faultline schedule add} does: the runbook's environment must be known and not a
     * production one, the name free.
     *
     * @return 0 added, 2 refused (said why on standard error, with the command to add it later)
     */
    int add(ImportedSchedule s, Experiment e, Path runbook) throws Exception {
        Schedule schedule = new Schedule(
                s.name(),
                runbook.toAbsolutePath().normalize().toString(),
                CronTimes.parse(s.cron()),
                s.zone(),
                "",
                null,
                Set.of(),
                MissedRun.parse(s.missed()),
                root.composition().clock.instant());
        var env = root.composition().environments.find(e.environment());
        String later = "; set it right, then: " + command(s, runbook);
        if (env.isEmpty()) {
            root.err()
                    .println("faultline: schedule " + s.name() + " not added: the runbook's environment '"
                            + e.environment() + "' is unknown (known: "
                            + root.composition().environments.names()
                            + ")" + later);
            return ExitCodes.INVALID_INPUT;
        }
        if (env.get().production()) {
            root.err()
                    .println("faultline: schedule " + s.name() + " not added: '" + e.environment()
                            + "' is a production environment and schedules never run there" + later);
            return ExitCodes.INVALID_INPUT;
        }
        if (!root.composition().store().schedules().add(schedule)) {
            root.err()
                    .println("faultline: schedule " + s.name() + " not added: a schedule of that name exists; remove"
                            + " it first, or add this one under another name: " + command(s, runbook));
            return ExitCodes.INVALID_INPUT;
        }
        ZoneId mine = ZoneId.systemDefault();
        root.out()
                .println("schedule '" + s.name() + "' added: " + e.name() + " on '" + s.cron() + "' ("
                        + s.zone().getId() + ") in " + e.environment() + ", missed: " + s.missed() + "; next run "
                        + schedule.nextRun(schedule.created())
                                .map(t -> Days.when(t.atZone(mine)))
                                .orElse("never (the expression names no time)")
                        + "; 'faultline scheduler' runs it");
        return ExitCodes.OK;
    }
}
