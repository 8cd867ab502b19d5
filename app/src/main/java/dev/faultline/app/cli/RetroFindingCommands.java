package dev.faultline.app.cli;

import dev.faultline.engine.report.Finding;
import dev.faultline.engine.report.Severity;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code faultline retro finding-edit|finding-close|finding-delete ID}: a finding changed after it was written. */
final class RetroFindingCommands {
    private RetroFindingCommands() {}

    /** Base: the finding named by its id, or a one-line error saying there is none. */
    abstract static class OnFinding extends RetroCommand.Sub {
        @Parameters(
                index = "0",
                paramLabel = "ID",
                description = "the finding's number (#ID in the report and in retro search)")
        long id;

        Optional<Finding> finding() throws Exception {
            Optional<Finding> f = store().retro().finding(id);
            if (f.isEmpty()) {
                fail("there is no finding #" + id + " (see faultline retro search, or the report's findings)");
            }
            return f;
        }
    }

    @Command(
            name = "finding-edit",
            description = "Change a finding's texts, severity or links; options not given stay as they are.")
    static final class EditCmd extends OnFinding {
        @Option(names = "--title")
        @Nullable
        String title;

        @Option(names = "--happened")
        @Nullable
        String happened;

        @Option(names = "--expected")
        @Nullable
        String expected;

        @Option(names = "--severity", description = "low, medium, high, critical")
        @Nullable
        String severity;

        @Option(names = "--run", description = "the experiment run it concerns; '' for the whole GameDay")
        @Nullable
        String run;

        @Option(names = "--probe", description = "the probe it concerns; '' for none")
        @Nullable
        String probe;

        @Option(names = "--observation", description = "the observation (#id) it came from")
        @Nullable
        Long observation;

        @Option(names = "--no-observation", description = "unlink it from its observation")
        boolean noObservation;

        @Override
        public Integer call() throws Exception {
            Optional<Finding> found = finding();
            if (found.isEmpty()) {
                return ExitCodes.INVALID_INPUT;
            }
            Finding f = found.get();
            if (observation != null && noObservation) {
                return fail("finding #" + id + ": --observation and --no-observation contradict each other; give one");
            }
            if (run != null && !run.isEmpty() && store().findRun(run).isEmpty()) {
                return fail("finding #" + id + ": --run: no run is called '" + run + "' (see faultline runs)");
            }
            try {
                Finding next = new Finding(
                        f.id(),
                        f.gameDayRunId(),
                        run == null ? f.runId() : run,
                        probe == null ? f.probe() : probe,
                        noObservation ? null : observation == null ? f.observationId() : observation,
                        title == null ? f.title() : title,
                        happened == null ? f.happened() : happened,
                        expected == null ? f.expected() : expected,
                        severity == null ? f.severity() : parse(Severity.class, severity, "--severity"),
                        f.createdAt(),
                        f.closedAt());
                store().retro().updateFinding(next);
                root().out().println("finding #" + id + " changed");
                return ExitCodes.OK;
            } catch (IllegalArgumentException e) {
                return fail("finding #" + id + ": " + e.getMessage());
            }
        }
    }

    @Command(name = "finding-close", description = "Close a finding (dealt with), or open it again with --reopen.")
    static final class CloseCmd extends OnFinding {
        @Option(names = "--reopen", description = "open a closed finding again")
        boolean reopen;

        @Override
        public Integer call() throws Exception {
            if (finding().isEmpty()) {
                return ExitCodes.INVALID_INPUT;
            }
            store().retro()
                    .closeFinding(id, reopen ? null : root().composition().clock.instant());
            root().out().println("finding #" + id + (reopen ? " open again" : " closed"));
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "finding-delete",
            description = "Delete a finding; action items that answered it keep their text and lose the link.")
    static final class DeleteCmd extends OnFinding {
        @Override
        public Integer call() throws Exception {
            Optional<Finding> f = finding();
            if (f.isEmpty()) {
                return ExitCodes.INVALID_INPUT;
            }
            store().retro().deleteFinding(id);
            root().out().println("finding #" + id + " '" + f.get().title() + "' deleted");
            return ExitCodes.OK;
        }
    }
}
