package dev.faultline.app.view.gameday;

import dev.faultline.engine.runbook.LoadedGameDay;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/** What the planner asks of the app. Blocking methods are called off the FX thread. */
public interface GameDayActions {

    /** Experiment runbooks that can be added to a GameDay. */
    List<Path> experimentRunbooks();

    /** Loads and checks a GameDay file; blocks. */
    LoadedGameDay load(Path file) throws Exception;

    /** Reads a GameDay's text as if it were {@code file} (the loader the command line uses). */
    LoadedGameDay parse(String text, String file) throws Exception;

    /** Runs the saved GameDay, watched in the live view. */
    void run(Path file);

    /** Open action items from earlier GameDays, one line each; blocks. */
    List<String> openActionItems() throws Exception;

    Collection<String> environments();

    /** The title of the experiment in {@code runbook}; blocks. */
    String experimentTitle(Path runbook) throws Exception;

    /** Where a person's own runbooks are: the folder a file chooser starts in. */
    Path userFolder();
}
