package dev.faultline.app.cli;

import dev.faultline.app.Composition;
import dev.faultline.app.StartupRecovery;
import dev.faultline.engine.safety.FaultJournal;
import dev.faultline.engine.safety.HaltReason;
import dev.faultline.engine.safety.JournalEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code faultline halt}: the kill switch from a terminal. Engages the latch that every Faultline
 * process on this machine follows, waits until their faults are reverted, reverts those of dead
 * processes itself, and reports what is still open.
 */
@Command(name = "halt", description = "Halt every run on this machine and revert every fault (the kill switch)."
        + " Stays engaged until `faultline release --reason ...`.")
final class HaltCommand implements Callable<Integer> {
    @ParentCommand
    FaultlineCommand root;

    @Option(names = "--reason", description = "why (shown to everyone and kept in the history)",
            defaultValue = "halted from the command line")
    String reason;

    @Option(names = "--wait", description = "how long to wait for running experiments to revert (default: ${DEFAULT-VALUE})",
            defaultValue = "30s", converter = DurationConverter.class)
    Duration wait;

    @Override
    public Integer call() throws Exception {
        Composition c = root.composition();
        List<JournalEntry> before = c.journal.openFaults();
        c.killSwitch.halt(HaltReason.killSwitch(reason + " (faultline halt, pid " + ProcessHandle.current().pid() + ")"));
        root.out().println("KILL SWITCH ENGAGED: every Faultline on this machine halts and reverts its faults.");
        root.out().println(before.size() + " fault(s) open when halted.");
        Instant deadline = Instant.now().plus(wait);
        List<JournalEntry> open = c.journal.openFaults();
        int shown = -1;
        while (!open.isEmpty() && Instant.now().isBefore(deadline)) {
            if (open.stream().allMatch(e -> !e.owner().isAlive())) {
                break;
            }
            int done = before.size() - open.size();
            if (done != shown) {
                root.out().println("reverting " + done + "/" + before.size());
                root.out().flush();
                shown = done;
            }
            Thread.sleep(100);
            open = c.journal.openFaults();
        }
        if (!before.isEmpty()) {
            root.out().println("reverting " + (before.size() - open.size()) + "/" + before.size());
        }
        StartupRecovery.run(c).forEach(root.out()::println);
        List<JournalEntry> still = c.journal.openFaults();
        if (still.isEmpty()) {
            root.out().println("all faults reverted. Release with: faultline release --reason \"...\"");
            return ExitCodes.OK;
        }
        FaultJournal.describe(still).forEach(l -> root.err().println("STILL OPEN: " + l));
        return ExitCodes.DEVIATED_OR_HALTED;
    }
}
