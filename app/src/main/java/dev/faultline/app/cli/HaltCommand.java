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
import dev.faultline.engine.spi.run.HaltReason;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code faultline halt}: the kill switch from a terminal. Reaches every running Faultline of this
 * user on this machine, whatever its home, through its socket in the halt rendezvous (no free disk
 * space needed), and latches this home. Every wait is bounded by {@code --wait}: a Faultline that
 * does not answer (stopped by SIGSTOP, hung) has its faults reverted from its journal instead.
 * Never touches this machine's own database; on a team's shared store it presses the team's kill
 * switch too (after this machine's, on a thread of its own: a store that is down holds nothing up).
 */
@Command(
        name = "halt",
        description = "Halt every run of this user on this machine (any FAULTLINE_HOME) and revert"
                + " every fault (the kill switch). Stays engaged until `faultline release --reason ...`.")
final class HaltCommand implements Callable<Integer> {
    /** How long a running Faultline has to say it engaged before it counts as not answering. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(2);
    /** How long to wait for the latch file, written off the pressing thread, before saying it could not be. */
    private static final Duration LATCH_WITHIN = Duration.ofSeconds(5);

    @ParentCommand
    FaultlineCommand root;

    @Option(
            names = "--reason",
            description = "why (shown to everyone and kept in the history)",
            defaultValue = "halted from the command line")
    String reason;

    @Option(
            names = "--wait",
            description = "how long to wait for running experiments to revert (default: ${DEFAULT-VALUE})",
            defaultValue = "30s",
            converter = DurationConverter.class)
    Duration wait;

    @Override
    public Integer call() throws Exception {
        Composition c = root.composition();
        Instant deadline = Instant.now().plus(wait);
        String why = reason + " (faultline halt, pid " + ProcessHandle.current().pid() + ")";
        c.killSwitch.halt(HaltReason.killSwitch(why));
        root.out()
                .println(
                        "KILL SWITCH ENGAGED: every Faultline of this user on this machine halts and reverts its faults.");
        java.util.concurrent.CompletableFuture<String> team =
                new dev.faultline.app.TeamSwitchRelay(c).press(TeamCommand.you(root, null), reason);
        if (!c.killSwitch.latchProblem(LATCH_WITHIN).isEmpty()) {
            root.err()
                    .println("faultline: could not latch the kill switch in " + c.home.root() + " (is its disk full?):"
                            + " running Faultlines were told through their sockets, but a run started later from this home is not"
                            + " refused; free some space and halt again");
        }
        List<HaltAnswer> answers = askEveryone(c, why, deadline);
        Set<ProcessOwner> silent = new HashSet<>();
        Set<Path> homes = new HashSet<>();
        for (HaltAnswer a : answers) {
            root.out()
                    .println("pid " + a.peer().pid()
                            + a.home().map(h -> " (home " + h + ")").orElse("") + ": " + a.reply());
            if (!a.answered()) {
                silent.add(a.peer().owner());
                a.home()
                        .ifPresentOrElse(
                                homes::add,
                                () -> root.err()
                                        .println("faultline: pid " + a.peer().pid()
                                                + " did not answer and did not note its home: its faults could not be checked; run"
                                                + " `faultline recover` with its FAULTLINE_HOME"));
            }
        }
        sayTeam(team);
        UnattendedFaults unattended = new UnattendedFaults(c, homes);
        awaitRunningOwners(unattended, silent, deadline);
        Set<ProcessOwner> stopped = new HashSet<>();
        unattended.revert(silent, stopped).forEach(root.out()::println);
        StartupRecovery.sandboxLeftBehind(c).forEach(root.out()::println);
        List<JournalEntry> still = unattended.open();
        if (still.isEmpty()
                && answers.stream().allMatch(a -> a.answered() || a.home().isPresent())) {
            root.out().println("all faults reverted. Release with: faultline release --reason \"...\"");
            return ExitCodes.OK;
        }
        FaultJournal.describe(still).forEach(l -> root.err().println("STILL OPEN: " + l));
        return ExitCodes.DEVIATED_OR_HALTED;
    }

    /** What the team's shared store made of the press (nothing on this machine's own database). */
    private void sayTeam(java.util.concurrent.CompletableFuture<String> team) {
        String line = team.join();
        if (line.startsWith("the team's shared store could not")) {
            root.err().println("faultline: " + line);
        } else if (!line.isEmpty()) {
            root.out().println(line);
        }
    }

    private List<HaltAnswer> askEveryone(Composition c, String why, Instant deadline) {
        if (c.haltSocketProblem != null) {
            root.err().println("faultline: " + c.haltSocketProblem);
        }
        Duration answerWithin = wait.compareTo(ANSWER_WITHIN) < 0 ? wait : ANSWER_WITHIN;
        try {
            return new HaltCaller(c.rendezvous, answerWithin, NamedThreads.factory("faultline-halt-call-"))
                    .halt(why, deadline);
        } catch (IOException e) {
            root.err()
                    .println("faultline: could not reach other Faultlines: " + e.getMessage()
                            + "; only those sharing this home (" + c.home.root() + ") see the halt, through its latch");
            return List.of();
        }
    }

    /** Faultlines of this home without a socket (older ones) follow the latch: give them until the deadline. */
    private static void awaitRunningOwners(UnattendedFaults unattended, Set<ProcessOwner> silent, Instant deadline)
            throws InterruptedException {
        while (Instant.now().isBefore(deadline) && unattended.anyMinded(silent)) {
            Thread.sleep(100);
        }
    }
}
