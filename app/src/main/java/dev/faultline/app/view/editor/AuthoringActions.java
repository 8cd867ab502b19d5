package dev.faultline.app.view.editor;

import dev.faultline.engine.model.Probe;
import dev.faultline.engine.spi.DiscoveredTarget;
import java.util.List;

/**
 * What the forms ask of the environment: read a probe once and explain the result, tell whether a
 * sandbox runbook finds its sandbox stopped, and start it. Blocking methods are called off the FX
 * thread.
 */
public interface AuthoringActions {

    /** Reads the probe once in the environment and explains the result; blocks. */
    ProbeVerdict testProbe(Probe probe, String environment);

    /** Whether {@code environment} is the sandbox and the sandbox is not running; blocks briefly. */
    boolean sandboxDown(String environment);

    /** Starts the sandbox and keeps it running until the app closes; blocks for its start (seconds). */
    String startSandbox() throws Exception;

    /**
     * The targets of {@code kind} that {@code backend} finds in {@code environment} now; blocks (a
     * scan of the processes, a call to the chaos proxy or the cluster).
     *
     * @throws Exception saying in one line what could not be reached
     */
    default List<DiscoveredTarget> listTargets(String environment, String backend, String kind) throws Exception {
        return List.of();
    }
}
