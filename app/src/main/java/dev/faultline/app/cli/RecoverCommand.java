package dev.faultline.app.cli;

import dev.faultline.app.StartupRecovery;
import dev.faultline.engine.safety.FaultJournal;
import dev.faultline.engine.safety.JournalEntry;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code faultline recover}: reverts what a crashed Faultline left behind, and says what it did. */
@Command(name = "recover", description = "Revert faults left behind by a crashed or killed Faultline and stop the"
        + " sandbox it left running. Exit 0 when everything was reverted, 1 when something needs a person.")
final class RecoverCommand implements Callable<Integer> {
    @ParentCommand
    FaultlineCommand root;

    @Option(names = "--list", description = "only list what would be recovered")
    boolean listOnly;

    @Override
    public Integer call() {
        var c = root.composition();
        List<JournalEntry> orphans = c.recovery.findOrphans();
        if (listOnly) {
            if (orphans.isEmpty()) {
                root.out().println("no faults left behind");
            }
            FaultJournal.describe(orphans).forEach(l -> root.out().println("left behind: " + l));
            return ExitCodes.OK;
        }
        List<String> lines = StartupRecovery.run(c);
        if (lines.isEmpty()) {
            root.out().println("nothing to recover: no faults or sandbox left behind");
        }
        lines.forEach(root.out()::println);
        List<JournalEntry> stillOpen = c.recovery.findOrphans();
        FaultJournal.describe(stillOpen).forEach(l -> root.err().println("STILL OPEN: " + l));
        return stillOpen.isEmpty() ? ExitCodes.OK : ExitCodes.DEVIATED_OR_HALTED;
    }
}
