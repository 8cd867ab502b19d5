package dev.faultline.app.view.editor;

import dev.faultline.engine.model.Probe;
import dev.faultline.engine.runbook.LoadedRunbook;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** What the editor asks of the rest of the app. Methods that may block are called off the FX thread. */
public interface EditorActions {

    /** Starts a run of the runbook (which the callable produces off the FX thread). */
    void run(String what, Callable<LoadedRunbook> runbook);

    /** What a run would do, for people; blocks. */
    String dryRun(LoadedRunbook runbook) throws Exception;

    /** Reads a probe once in the environment; blocks. */
    String testProbe(Probe probe, String environment) throws Exception;

    /** Runbooks that can serve as templates. */
    List<Path> templates();

    /** Loads a runbook file; blocks. */
    LoadedRunbook load(Path file) throws Exception;

    /** Reads a runbook's text as if it were {@code file} (the loader the command line uses). */
    LoadedRunbook parse(String text, String file) throws Exception;
}
