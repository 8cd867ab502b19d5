package dev.faultline.app.cli;

import dev.faultline.app.Composition;
import dev.faultline.app.StartupRecovery;
import dev.faultline.app.UnattendedFaults;
import dev.faultline.engine.NamedThreads;
import dev.faultline.engine.safety.FaultJournal;
import dev.faultline.engine.safety.HaltAnswer;
import dev.faultline.engine.safety.HaltCaller;
import dev.faultline.engine.safety.JournalEntry;
import dev.faultline.engine.safety.ProcessOwner;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code faultline recover}: reverts what nobody minds any more (faults of a crashed, killed or
 * stopped Faultline), and says what it did. Every wait is bounded: the database by
 * {@link StartupRecovery#DATABASE_WITHIN}, a stopped Faultline's socket by two seconds.
 */
@Command(
        name = "recover",
        description =
                "Revert faults left behind by a crashed, killed or stopped (SIGSTOP) Faultline"
                        + " and stop the sandbox it left running. Exit 0 when everything was reverted, 1 when something needs a person.")
final class RecoverCommand implements Callable<Integer> {
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(2);

    @ParentCommand
    FaultlineCommand root;

    @Option(names = "--list", description = "only list what would be recovered")
    boolean listOnly;

    @Override
    public Integer call() {
        Composition c = root.composition();
        UnattendedFaults unattended = new UnattendedFaults(c, List.of());
        if (listOnly) {
            List<String> left = unattended.list();
            if (left.isEmpty()) {
                root.out().println("no faults left behind");
            }
            left.forEach(l -> root.out().println("left behind: " + l));
            return ExitCodes.OK;
        }
        Set<ProcessOwner> stopped = new HashSet<>();
        List<String> lines = new ArrayList<>(unattended.revert(Set.of(), stopped));
        lines.addAll(haltStopped(c, stopped));
        lines.addAll(StartupRecovery.sandboxLeftBehind(c));
        lines.addAll(StartupRecovery.runsCutShort(c, StartupRecovery.DATABASE_WITHIN));
        if (lines.isEmpty()) {
            root.out().println("nothing to recover: no faults or sandbox left behind");
        }
        lines.forEach(root.out()::println);
        List<JournalEntry> stillOpen = c.recovery.findUnattended();
        FaultJournal.describe(stillOpen).forEach(l -> root.err().println("STILL OPEN: " + l));
        return stillOpen.isEmpty() ? ExitCodes.OK : ExitCodes.DEVIATED_OR_HALTED;
    }

    /**
     * A stopped Faultline whose faults were reverted behind its back must not go on when it resumes:
     * a halt is left on its socket, which it takes up before injecting anything.
     */
    private List<String> haltStopped(Composition c, Set<ProcessOwner> stopped) {
        if (stopped.isEmpty()) {
            return List.of();
        }
        String why = "its faults were reverted by faultline recover (pid "
                + ProcessHandle.current().pid() + ") while it was stopped";
        try {
            List<HaltAnswer> answers = new HaltCaller(
                            c.rendezvous, ANSWER_WITHIN, NamedThreads.factory("faultline-halt-call-"))
                    .halt(why, Instant.now().plus(ANSWER_WITHIN), p -> stopped.contains(p.owner()));
            return answers.stream()
                    .map(a -> "pid " + a.peer().pid() + ": left a halt on its socket; it "
                            + (a.answered() ? "halted" : "halts if it resumes"))
                    .toList();
        } catch (IOException e) {
            return List.of("could not leave a halt for the stopped Faultline(s) "
                    + stopped.stream().map(ProcessOwner::pid).toList() + ": " + e.getMessage()
                    + "; if resumed they go on with their runs");
        }
    }
}
