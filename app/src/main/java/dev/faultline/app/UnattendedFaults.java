package dev.faultline.app;

import dev.faultline.engine.env.FaultlineHome;
import dev.faultline.engine.safety.FaultJournal;
import dev.faultline.engine.safety.JournalEntry;
import dev.faultline.engine.safety.OrphanRecovery;
import dev.faultline.engine.safety.ProcessOwner;
import dev.faultline.engine.safety.ProcessState;
import dev.faultline.engine.safety.RevertOutcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Faults that nobody is minding, in one or more homes' journals: their owner is gone, stopped
 * (SIGSTOP) or did not answer on its halt socket. Reverts them from outside, the way
 * {@link OrphanRecovery} does for crashed owners, and says per owner what it did.
 */
public final class UnattendedFaults {
    private final Composition c;
    private final Set<Path> homes = new LinkedHashSet<>();

    public UnattendedFaults(Composition c, Collection<Path> otherHomes) {
        this.c = c;
        homes.add(c.home.root().toAbsolutePath().normalize());
        otherHomes.forEach(h -> homes.add(h.toAbsolutePath().normalize()));
    }

    /** Why nobody minds this owner's faults, or null when it is running (and, for halt, answered). */
    static String unattended(ProcessOwner owner, Set<ProcessOwner> silent) {
        if (!owner.isAlive()) {
            return "pid " + owner.pid() + " is gone (crashed or killed)";
        }
        if (ProcessState.of(owner.pid()) == ProcessState.STOPPED) {
            return "pid " + owner.pid() + " is stopped (SIGSTOP)";
        }
        return silent.contains(owner) ? "pid " + owner.pid() + " did not answer the halt" : null;
    }

    /** Every open fault of every home looked at. */
    public List<JournalEntry> open() {
        List<JournalEntry> all = new ArrayList<>();
        homes.forEach(h -> all.addAll(journal(h).openFaults()));
        return all;
    }

    /** Open faults whose owner is running and answered: someone is reverting them. */
    public boolean anyMinded(Set<ProcessOwner> silent) {
        return open().stream().anyMatch(e -> unattended(e.owner(), silent) == null);
    }

    /** Lines for people: the open faults whose owner is gone or stopped, with why. */
    public List<String> list() {
        List<String> out = new ArrayList<>();
        for (Path h : homes) {
            List<JournalEntry> entries = journal(h).openFaults().stream()
                    .filter(e -> unattended(e.owner(), Set.of()) != null)
                    .toList();
            List<String> described = FaultJournal.describe(entries);
            for (int i = 0; i < entries.size(); i++) {
                out.add(described.get(i) + ": " + unattended(entries.get(i).owner(), Set.of()));
            }
        }
        return out;
    }

    /**
     * Reverts every open fault whose owner is gone, stopped or among {@code silent}, from the
     * journal; one line per owner ("pid 1234 is stopped (SIGSTOP): reverted its 2 fault(s) from the
     * journal"), and one per fault that needs a person.
     *
     * @param stoppedOwners filled with the owners that are alive but were not minding their faults
     */
    public List<String> revert(Set<ProcessOwner> silent, Set<ProcessOwner> stoppedOwners) {
        List<String> lines = new ArrayList<>();
        for (Path h : homes) {
            FaultJournal journal = journal(h);
            Map<ProcessOwner, List<JournalEntry>> byOwner = new LinkedHashMap<>();
            journal.openFaults().stream()
                    .filter(e -> unattended(e.owner(), silent) != null)
                    .forEach(e -> byOwner.computeIfAbsent(e.owner(), o -> new ArrayList<>())
                            .add(e));
            OrphanRecovery recovery = new OrphanRecovery(journal, c.plugins, c.reverter, c.clock);
            byOwner.forEach((owner, entries) -> {
                String who = unattended(owner, silent);
                if (owner.isAlive()) {
                    stoppedOwners.add(owner);
                }
                List<RevertOutcome> outcomes = recovery.revert(entries);
                long ok = outcomes.stream()
                        .filter(o -> o.reverted() && o.confirmed())
                        .count();
                lines.add(who + (homes.size() > 1 ? " (home " + h + ")" : "") + ": reverted "
                        + (ok == entries.size() ? "its " + ok : ok + " of its " + entries.size())
                        + " fault(s) from the journal");
                String whose = owner.isAlive() ? "a stopped Faultline" : "a crashed Faultline";
                outcomes.forEach(o -> lines.add((o.reverted() && o.confirmed()
                                ? "reverted a fault left behind by " + whose + ": "
                                : "COULD NOT fully revert a fault left behind: ")
                        + o.handle().description()
                        + " (" + o.detail() + ")" + (o.manualStep().isEmpty() ? "" : "; by hand: " + o.manualStep())));
            });
        }
        return lines;
    }

    private FaultJournal journal(Path home) {
        return home.equals(c.home.root().toAbsolutePath().normalize())
                ? c.journal
                : new FaultJournal(new FaultlineHome(home).journal(), ProcessOwner.current(), c.clock);
    }
}
