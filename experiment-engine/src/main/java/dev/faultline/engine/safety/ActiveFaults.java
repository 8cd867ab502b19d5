package dev.faultline.engine.safety;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The faults of this process that are being injected or are in effect. Registering and halting
 * share one lock, so no fault slips in after a halt has swept the list: once a run (or everything)
 * is halted, registering refuses.
 */
public final class ActiveFaults {
    private final Set<ActiveFault> faults = new LinkedHashSet<>();
    private final Set<String> haltedRuns = new HashSet<>();
    private boolean allHalted;
    private volatile Runnable gate = () -> {};

    /**
     * Something to run before each registration, outside the lock: the halt socket's
     * {@link HaltListener#acceptPending()}, so a halt queued while this process was stopped is taken
     * up before a fault due when it resumes goes in.
     */
    public void gate(Runnable before) {
        this.gate = before;
    }

    /** Adds a fault about to be injected, unless its run or everything is halted. */
    public void register(ActiveFault fault) throws FaultRefusedException {
        gate.run();
        add(fault);
    }

    private synchronized void add(ActiveFault fault) throws FaultRefusedException {
        if (allHalted) {
            throw new FaultRefusedException("the kill switch is engaged: no fault is injected until it is released");
        }
        if (haltedRuns.contains(fault.runId())) {
            throw new FaultRefusedException("run " + fault.runId() + " is halted: no further fault is injected");
        }
        faults.add(fault);
    }

    public synchronized void remove(ActiveFault fault) {
        faults.remove(fault);
    }

    /** Refuses further faults of the run and returns those it has now. */
    public synchronized List<ActiveFault> haltRun(String runId) {
        haltedRuns.add(runId);
        return faults.stream().filter(f -> f.runId().equals(runId)).toList();
    }

    /** Forgets a finished run. */
    public synchronized void runEnded(String runId) {
        haltedRuns.remove(runId);
    }

    /** Refuses every further fault and returns all there are now. */
    public synchronized List<ActiveFault> haltAll() {
        allHalted = true;
        return new ArrayList<>(faults);
    }

    public synchronized void releaseAll() {
        allHalted = false;
    }

    public synchronized List<ActiveFault> snapshot() {
        return new ArrayList<>(faults);
    }

    public synchronized int size() {
        return faults.size();
    }
}
