package dev.faultline.app.cli;

import dev.faultline.engine.model.Durations;
import dev.faultline.engine.report.ActionItem;
import dev.faultline.engine.report.ExperimentOutcome;
import dev.faultline.engine.report.Finding;
import dev.faultline.engine.report.Lesson;
import dev.faultline.engine.report.Report;
import dev.faultline.engine.report.ReportAssembler;
import dev.faultline.engine.report.ReportText;
import dev.faultline.engine.report.SearchHit;
import dev.faultline.engine.report.Severity;
import dev.faultline.engine.store.FaultlineStore;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code faultline retro ...}: record and read a GameDay's retrospective from the command line. */
@Command(
        name = "retro",
        description = "The retrospective: findings, outcomes, lessons, action items (written, changed, closed,"
                + " deleted), search, score.",
        subcommands = {
            RetroCommand.FindingCmd.class,
            RetroFindingCommands.EditCmd.class,
            RetroFindingCommands.CloseCmd.class,
            RetroFindingCommands.DeleteCmd.class,
            RetroCommand.OutcomeCmd.class,
            RetroCommand.LessonCmd.class,
            RetroCommand.ActionCmd.class,
            RetroCommand.ActionStatusCmd.class,
            RetroActionCommands.EditCmd.class,
            RetroActionCommands.CloseCmd.class,
            RetroActionCommands.DeleteCmd.class,
            RetroCommand.ActionsCmd.class,
            RetroCommand.SearchCmd.class,
            RetroCommand.ScoreCmd.class
        })
final class RetroCommand implements Runnable {
    @ParentCommand
    FaultlineCommand root;

    @Override
    public void run() {
        root.err()
                .println("faultline retro: say what, e.g. 'faultline retro lesson GAMEDAY-RUN --kind went-well TEXT'");
    }

    /** Base: the root command and the GameDay run check. */
    @Command
    abstract static class Sub implements Callable<Integer> {
        @ParentCommand
        RetroCommand retro;

        FaultlineCommand root() {
            return retro.root;
        }

        FaultlineStore store() throws Exception {
            return root().composition().store();
        }

        boolean knownGameDayRun(String id) throws Exception {
            if (store().gameDays().find(id).isPresent()) {
                return true;
            }
            root().err().println("faultline: no GameDay run is called '" + id + "' (see faultline gameday list)");
            return false;
        }

        int fail(String message) {
            root().err().println("faultline: " + message);
            return ExitCodes.INVALID_INPUT;
        }

        static <E extends Enum<E>> E parse(Class<E> type, String value, String option) {
            try {
                return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(option + ": '" + value + "' is not one of "
                        + java.util.Arrays.stream(type.getEnumConstants())
                                .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                                .toList());
            }
        }
    }

    @Command(name = "finding", description = "Record a finding: what happened against what was expected.")
    static final class FindingCmd extends Sub {
        @Parameters(index = "0", paramLabel = "GAMEDAY-RUN")
        String gameDayRun;

        @Option(names = "--title", required = true)
        String title;

        @Option(names = "--happened", required = true)
        String happened;

        @Option(names = "--expected", required = true)
        String expected;

        @Option(names = "--severity", defaultValue = "medium", description = "low, medium, high, critical")
        String severity;

        @Option(names = "--run", description = "the experiment run it concerns")
        String run = "";

        @Option(names = "--probe", description = "the probe it concerns")
        String probe = "";

        @Option(names = "--observation", description = "the observation (#id) it came from")
        @Nullable
        Long observation;

        @Override
        public Integer call() throws Exception {
            if (!knownGameDayRun(gameDayRun)) {
                return ExitCodes.INVALID_INPUT;
            }
            try {
                Finding f = store().retro()
                        .addFinding(new Finding(
                                0,
                                gameDayRun,
                                run,
                                probe,
                                observation,
                                title,
                                happened,
                                expected,
                                parse(Severity.class, severity, "--severity"),
                                root().composition().clock.instant()));
                root().out().println("finding #" + f.id() + " recorded");
                return ExitCodes.OK;
            } catch (IllegalArgumentException e) {
                return fail(e.getMessage());
            }
        }
    }

    @Command(name = "outcome", description = "Record the team's verdict on one experiment's run.")
    static final class OutcomeCmd extends Sub {
        @Parameters(index = "0", paramLabel = "RUN")
        String run;

        @Option(names = "--verdict", required = true, description = "passed, failed or unsure")
        String verdict;

        @Option(
                names = "--detected-after",
                converter = DurationConverter.class,
                description = "our own monitoring detected it after this long (e.g. 42s)")
        @Nullable
        Duration detected;

        @Option(names = "--not-detected", description = "our monitoring did not detect it")
        boolean notDetected;

        @Option(
                names = "--mitigated-after",
                converter = DurationConverter.class,
                description = "it was mitigated after this long (e.g. 3m)")
        @Nullable
        Duration mitigated;

        @Option(names = "--notes")
        String notes = "";

        @Override
        public Integer call() throws Exception {
            if (store().findRun(run).isEmpty()) {
                return fail("no run is called '" + run + "' (see faultline runs)");
            }
            try {
                ExperimentOutcome o = new ExperimentOutcome(
                        run,
                        parse(ExperimentOutcome.Verdict.class, verdict, "--verdict"),
                        detected != null && !notDetected,
                        notDetected ? null : detected,
                        mitigated != null,
                        mitigated,
                        notes);
                store().retro().setOutcome(o, root().composition().clock.instant());
                root().out().println("outcome of " + run + ": " + o.verdict());
                return ExitCodes.OK;
            } catch (IllegalArgumentException e) {
                return fail(e.getMessage());
            }
        }
    }

    @Command(name = "lesson", description = "Record a lesson: went-well, went-badly, surprise or follow-up.")
    static final class LessonCmd extends Sub {
        @Parameters(index = "0", paramLabel = "GAMEDAY-RUN")
        String gameDayRun;

        @Option(names = "--kind", required = true)
        String kind;

        @Parameters(index = "1..*", paramLabel = "TEXT")
        List<String> words;

        @Override
        public Integer call() throws Exception {
            if (!knownGameDayRun(gameDayRun)) {
                return ExitCodes.INVALID_INPUT;
            }
            try {
                Lesson l = store().retro()
                        .addLesson(
                                gameDayRun,
                                parse(Lesson.Kind.class, kind, "--kind"),
                                String.join(" ", words),
                                root().composition().clock.instant());
                root().out()
                        .println("lesson #" + l.id() + " recorded under '"
                                + l.kind().heading() + "'");
                return ExitCodes.OK;
            } catch (IllegalArgumentException e) {
                return fail(e.getMessage());
            }
        }
    }

    @Command(name = "action", description = "Record an action item.")
    static final class ActionCmd extends Sub {
        @Parameters(index = "0", paramLabel = "GAMEDAY-RUN")
        String gameDayRun;

        @Option(names = "--title", required = true)
        String title;

        @Option(names = "--owner", required = true)
        String owner;

        @Option(names = "--due", description = "YYYY-MM-DD")
        @Nullable
        String due;

        @Option(names = "--ticket", description = "the ticket's URL")
        String ticket = "";

        @Option(names = "--finding", description = "the finding (#id) it answers")
        @Nullable
        Long finding;

        @Override
        public Integer call() throws Exception {
            if (!knownGameDayRun(gameDayRun)) {
                return ExitCodes.INVALID_INPUT;
            }
            try {
                LocalDate d = due == null ? null : LocalDate.parse(due);
                ActionItem a = store().retro()
                        .addActionItem(new ActionItem(
                                0,
                                gameDayRun,
                                finding,
                                title,
                                owner,
                                d,
                                ActionItem.Status.OPEN,
                                ticket,
                                root().composition().clock.instant()));
                root().out().println("action item #" + a.id() + " recorded");
                return ExitCodes.OK;
            } catch (DateTimeParseException e) {
                return fail("--due: '" + due + "' is not a date like 2026-12-20");
            } catch (IllegalArgumentException e) {
                return fail(e.getMessage());
            }
        }
    }

    @Command(name = "action-status", description = "Change an action item's status: open, in-progress, done, wont-do.")
    static final class ActionStatusCmd extends Sub {
        @Parameters(index = "0", paramLabel = "ID")
        long id;

        @Parameters(index = "1", paramLabel = "STATUS")
        String status;

        @Override
        public Integer call() throws Exception {
            try {
                if (!store().retro().setActionStatus(id, parse(ActionItem.Status.class, status, "STATUS"))) {
                    return fail("there is no action item #" + id);
                }
                root().out().println("action item #" + id + ": " + status);
                return ExitCodes.OK;
            } catch (IllegalArgumentException e) {
                return fail(e.getMessage());
            }
        }
    }

    @Command(name = "actions", description = "Open action items of earlier GameDays, for planning the next one.")
    static final class ActionsCmd extends Sub {
        @Option(names = "--except", description = "leave out this GameDay run's own items")
        String except = "";

        @Override
        public Integer call() throws Exception {
            List<ActionItem> open = store().retro().openActionItems(except);
            if (open.isEmpty()) {
                root().out().println("no open action items");
            }
            for (ActionItem a : open) {
                root().out()
                        .printf(
                                "#%-4d %-11s due %-10s %-20s %s%s%n",
                                a.id(),
                                a.status(),
                                a.due() == null ? "-" : a.due(),
                                a.owner(),
                                a.title(),
                                a.ticketUrl().isEmpty() ? "" : "  " + a.ticketUrl());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "search", description = "Search every GameDay's observations, findings, lessons and action items.")
    static final class SearchCmd extends Sub {
        @Parameters(index = "0..*", paramLabel = "TERM")
        List<String> words;

        @Override
        public Integer call() throws Exception {
            List<SearchHit> hits = store().retro().search(String.join(" ", words), 50);
            if (hits.isEmpty()) {
                root().out().println("nothing found");
            }
            ZoneId z = ZoneId.systemDefault();
            for (SearchHit h : hits) {
                root().out()
                        .printf(
                                "%s  %-11s %s  %s%n",
                                ReportText.dateTime(h.at(), z), h.kind() + " #" + h.id(), h.subject(), h.snippet());
            }
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "score",
            description = "The resilience score of a GameDay run and its trend over the GameDay's runs.")
    static final class ScoreCmd extends Sub {
        @Parameters(index = "0", paramLabel = "GAMEDAY-OR-RUN")
        String id;

        @Override
        public Integer call() throws Exception {
            Report r;
            try {
                r = new ReportAssembler(store(), root().composition().clock).assemble(id, ZoneId.systemDefault());
            } catch (dev.faultline.engine.report.ReportException e) {
                return fail(e.getMessage());
            }
            root().out()
                    .println("resilience score of " + r.subjectId() + ": " + ReportText.score(r.score()) + " / 100");
            for (Report.Experiment e : r.experiments()) {
                root().out().printf("  %-32s %-9s %s%n", e.name(), e.outcome(), ReportText.score(e.score()));
            }
            if (!r.trend().isEmpty()) {
                root().out()
                        .println("trend: "
                                + String.join(
                                        " -> ",
                                        r.trend().stream()
                                                .map(p -> ReportText.score(p.score()))
                                                .toList()) + " (over "
                                + r.trend().size() + " run(s) of " + r.name() + ")");
            }
            return ExitCodes.OK;
        }
    }

    static String took(Duration d) {
        return Durations.format(d);
    }
}
