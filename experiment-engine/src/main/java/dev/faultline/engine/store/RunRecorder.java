package dev.faultline.engine.store;

import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.report.EventText;
import dev.faultline.engine.report.ResultJson;
import dev.faultline.engine.spi.run.ProbeSample;
import dev.faultline.engine.spi.run.RunEvent;
import dev.faultline.engine.spi.run.RunListener;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a run in the database as it goes: the experiment and its runbook text, the run, every
 * event, every sample (through the batching writer) and the result with its rollouts' stages. A database that fails is logged
 * and never stops the run. A team's shared store that goes away during the run misses nothing: what
 * it could not take is kept here, in order, and sent when it is back ({@link UnsentWrites}).
 */
public final class RunRecorder implements RunListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RunRecorder.class);

    private final FaultlineStore store;
    private final PendingResults pending;
    private final Experiment experiment;
    private final String runbookText;
    private final String sha256;
    private final List<RunEvent> events = new ArrayList<>();
    private long seq;
    private boolean recording = true;
    /** A shared store's writes, in order; kept while its server is away and sent when it is back. */
    private final UnsentWrites unsent;
    /** On a shared store, the beat that tells the others this runner still answers. */
    private volatile @Nullable RunHeartbeat heartbeat;

    public RunRecorder(
            FaultlineStore store, PendingResults pending, Experiment experiment, String runbookText, String sha256) {
        this.store = store;
        this.pending = pending;
        this.experiment = experiment;
        this.runbookText = runbookText;
        this.sha256 = sha256;
        this.unsent = UnsentWrites.of(store);
        if (store.shared()) {
            unsent.keepOnDiskIn(pending.unsentDir());
        }
    }

    @Override
    public void onEvent(RunEvent e) {
        if (e instanceof RunEvent.ProbeSampled s) {
            if (recording) {
                ProbeSample p = s.sample();
                store.sampleWriter()
                        .add(s.runId(), p.probe(), p.phase().name(), p.at(), p.value(), p.error(), p.within());
            }
            return;
        }
        events.add(e);
        if (e instanceof RunEvent.RunStarted started) {
            reserve(started.runId());
        }
        if (e instanceof RunEvent.RunFinished f) {
            finish(f);
            return;
        }
        List<UnsentWrites.Write> writes = new ArrayList<>();
        if (e instanceof RunEvent.RunStarted started) {
            if (store.shared()) {
                // on disk too while the store is away; the heartbeat only once the run is in
                writes.add(KeptWrite.start(
                        started.runId(),
                        experiment.name(),
                        experiment.title(),
                        runbookText,
                        sha256,
                        started.environment(),
                        started.at()));
                writes.add(s -> heartbeat = RunHeartbeat.start(s, started.runId()));
            } else {
                writes.add(s -> createRun(started));
            }
        }
        long n = ++seq;
        writes.add(KeptWrite.event(e.runId(), n, e.at(), e.type(), EventText.describe(e)));
        if (store.shared()) {
            unsent.record(writes);
            return;
        }
        try {
            for (UnsentWrites.Write w : writes) {
                w.to(store);
            }
        } catch (StoreException ex) {
            if (recording) {
                log.error("the run goes on, but is no longer recorded: {}", ex.getMessage());
            }
            recording = false;
        }
    }

    private void createRun(RunEvent.RunStarted started) throws StoreException {
        long id = store.saveExperiment(experiment.name(), experiment.title(), runbookText, sha256);
        store.createRun(new RunRecord(
                started.runId(), id, experiment.name(), started.environment(), "RUNNING", started.at(), null, null));
    }

    private void reserve(String runId) {
        try {
            pending.reserve(runId);
        } catch (java.io.IOException ex) {
            log.warn(
                    "no room reserved for run {}'s result ({}): should the disk fill up during the run, its end"
                            + " is kept in memory only",
                    runId,
                    dev.faultline.engine.DiskErrors.reason(ex));
        }
    }

    /**
     * The end goes to disk first (into the room reserved at the start), then into the database; the
     * kept copy goes once the database has it on disk, so a full disk never turns it into CRASHED.
     */
    private void finish(RunEvent.RunFinished f) {
        String status = f.result().outcome().name();
        String result = new ResultJson().write(f.result(), events, experiment.stopConditions());
        pending.keep(f.runId(), status, f.result().endedAt(), f.result().summary(), result);
        stopBeating();
        long n = ++seq;
        List<UnsentWrites.Write> end = List.of(
                KeptWrite.event(f.runId(), n, f.at(), f.type(), EventText.describe(f)),
                s -> s.saveRollouts(f.runId(), f.result().rollouts()),
                s -> s.finishRun(
                        f.runId(), status, f.result().endedAt(), f.result().summary(), result));
        if (store.shared()) {
            List<UnsentWrites.Write> writes = new ArrayList<>();
            writes.add(s -> stopBeating()); // in order: after a start that was still waiting for the store
            writes.addAll(end);
            writes.add(s -> pending.recorded(f.runId()));
            unsent.record(writes);
            return;
        }
        try {
            for (UnsentWrites.Write w : end) {
                w.to(store);
            }
            store.syncToDisk();
            pending.recorded(f.runId());
        } catch (StoreException ex) {
            log.error(
                    "run {}'s end is not in the database yet ({}); it is kept and recorded on the next start",
                    f.runId(),
                    ex.getMessage());
        }
    }

    /** Waits until the samples recorded so far are in the database. */
    public void flush() {
        store.sampleWriter().flush();
    }

    private void stopBeating() {
        RunHeartbeat h = heartbeat;
        heartbeat = null;
        if (h != null) {
            h.close();
        }
    }

    @Override
    public void close() {
        stopBeating();
        // a shared store that is away gets CLOSE_WAIT in all, for the samples and the rest
        long deadline = System.nanoTime() + UnsentWrites.CLOSE_WAIT.toNanos();
        store.sampleWriter().flush(UnsentWrites.CLOSE_WAIT);
        unsent.awaitSent(java.time.Duration.ofNanos(
                Math.max(java.util.concurrent.TimeUnit.SECONDS.toNanos(1), deadline - System.nanoTime())));
        pending.retry(store);
    }
}
