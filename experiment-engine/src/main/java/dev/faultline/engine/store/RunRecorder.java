package dev.faultline.engine.store;

import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.report.EventText;
import dev.faultline.engine.report.ResultJson;
import dev.faultline.engine.run.ProbeSample;
import dev.faultline.engine.run.RunEvent;
import dev.faultline.engine.run.RunListener;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a run in the database as it goes: the experiment and its runbook text, the run, every
 * event, every sample (through the batching writer) and the result. A database that fails is logged
 * and never stops the run.
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

    public RunRecorder(FaultlineStore store, PendingResults pending, Experiment experiment, String runbookText,
                       String sha256) {
        this.store = store;
        this.pending = pending;
        this.experiment = experiment;
        this.runbookText = runbookText;
        this.sha256 = sha256;
    }

    @Override
    public void onEvent(RunEvent e) {
        if (e instanceof RunEvent.ProbeSampled s) {
            if (recording) {
                ProbeSample p = s.sample();
                store.sampleWriter().add(s.runId(), p.probe(), p.phase().name(), p.at(), p.value(), p.error(), p.within());
            }
            return;
        }
        events.add(e);
        try {
            if (e instanceof RunEvent.RunStarted started) {
                long id = store.saveExperiment(experiment.name(), experiment.title(), runbookText, sha256);
                store.createRun(new RunRecord(started.runId(), id, experiment.name(), started.environment(), "RUNNING",
                        started.at(), null, null));
            }
            store.appendEvent(e.runId(), ++seq, e.at(), e.type(), EventText.describe(e));
            if (e instanceof RunEvent.RunFinished f) {
                finish(f);
            }
        } catch (StoreException ex) {
            if (e instanceof RunEvent.RunFinished f) {
                keepForLater(f);
            }
            if (recording) {
                log.error("the run goes on, but is no longer recorded: {}", ex.getMessage(), ex);
            }
            recording = false;
        }
    }

    private void finish(RunEvent.RunFinished f) throws StoreException {
        store.finishRun(f.runId(), f.result().outcome().name(), f.result().endedAt(), f.result().summary(),
                new ResultJson().write(f.result(), events));
    }

    private void keepForLater(RunEvent.RunFinished f) {
        try {
            pending.keep(f.runId(), f.result().outcome().name(), f.result().endedAt(), f.result().summary(),
                    new ResultJson().write(f.result(), events));
            log.warn("the database was closed; run {}'s result is kept on disk until the next start", f.runId());
        } catch (java.io.IOException io) {
            log.error("run {}'s result could be stored neither in the database nor on disk: {}", f.runId(), io.getMessage());
        }
    }

    /** Waits until the samples recorded so far are in the database. */
    public void flush() {
        store.sampleWriter().flush();
    }

    @Override
    public void close() {
        flush();
    }
}
