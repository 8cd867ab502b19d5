package dev.faultline.engine.safety;

import dev.faultline.engine.plugins.PluginCatalog;
import dev.faultline.engine.spi.BackendException;
import dev.faultline.engine.spi.FaultBackend;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the faults that a dead Faultline process left behind (a crash, a {@code kill -9}) and
 * reverts them. Runs on every start of the app or the command line, and as {@code faultline recover}.
 */
public final class OrphanRecovery {
    private static final Logger log = LoggerFactory.getLogger(OrphanRecovery.class);

    private final FaultJournal journal;
    private final PluginCatalog plugins;
    private final FaultReverter reverter;
    private final Clock clock;

    public OrphanRecovery(FaultJournal journal, PluginCatalog plugins, FaultReverter reverter, Clock clock) {
        this.journal = journal;
        this.plugins = plugins;
        this.reverter = reverter;
        this.clock = clock;
    }

    /** A revert that succeeded stays one when the journal cannot record it (a full disk); it says so. */
    private RevertOutcome recordReverted(JournalEntry e, RevertOutcome o) {
        try {
            journal.markReverted(e.id(), "recovered: " + o.detail());
            return o;
        } catch (java.io.UncheckedIOException ex) {
            log.warn("{} is reverted, but {}", e.handle().description(), ex.getMessage());
            return o.withDetail(o.detail() + "; the fault journal could not record it yet (" + ex.getMessage()
                    + "): it is listed again until it can, and reverting it again is harmless");
        }
    }

    /** Orphaned faults, without touching them. */
    public List<JournalEntry> findOrphans() {
        return journal.orphans();
    }

    /**
     * Open faults nobody is minding: their owner is gone, or stopped (SIGSTOP, Ctrl-Z) and so cannot
     * revert them when they are due or when the kill switch is pressed.
     */
    public List<JournalEntry> findUnattended() {
        return journal.openFaults().stream()
                .filter(e -> !e.owner().isAlive() || ProcessState.of(e.owner().pid()) == ProcessState.STOPPED)
                .toList();
    }

    /** Reverts every orphaned fault; a fault that could not be reverted stays in the journal. */
    public List<RevertOutcome> recover() {
        return revert(journal.orphans());
    }

    /**
     * Reverts the given journal entries from outside their owner, recreating each backend from its
     * journaled settings, in order; one outcome per entry. Reverted ones are marked so in the journal.
     */
    public List<RevertOutcome> revert(List<JournalEntry> entries) {
        List<RevertOutcome> outcomes = new ArrayList<>();
        for (JournalEntry e : entries) {
            log.warn(
                    "reverting a fault of process {} from the journal: {}",
                    e.owner().pid(),
                    e.handle().description());
            try (FaultBackend backend = plugins.createBackend(e.settings())) {
                RevertOutcome o = reverter.revert(backend, e.handle(), e.step(), clock.instant());
                if (o.reverted()) {
                    o = recordReverted(e, o);
                }
                outcomes.add(o);
            } catch (BackendException ex) {
                outcomes.add(new RevertOutcome(
                        e.handle(),
                        e.step(),
                        false,
                        false,
                        java.time.Duration.ZERO,
                        "could not revert: " + ex.getMessage(),
                        "revert by hand: " + e.handle().description() + " ("
                                + e.handle().data() + ")"));
            }
        }
        if (outcomes.stream().allMatch(RevertOutcome::reverted)) {
            journal.compactIfIdle();
        }
        return outcomes;
    }
}
