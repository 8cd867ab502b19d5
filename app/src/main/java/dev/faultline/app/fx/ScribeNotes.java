package dev.faultline.app.fx;

import dev.faultline.app.view.common.Background;
import dev.faultline.app.view.common.Dialogs;
import dev.faultline.app.view.live.LiveRunViewModel;
import dev.faultline.engine.store.FaultlineStore;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * A scribe's note during a run: on the charts at once, and kept with the run in the database,
 * written by you (your name in Settings, the OS user name when it is blank).
 */
final class ScribeNotes {
    private final LiveRunViewModel live;
    private final Callable<FaultlineStore> store;
    private final Supplier<String> author;

    /** @param author who writes the notes, already resolved (never blank) */
    ScribeNotes(LiveRunViewModel live, Callable<FaultlineStore> store, Supplier<String> author) {
        this.live = live;
        this.store = store;
        this.author = author;
    }

    void note(Instant at, String text) {
        String by = author.get();
        live.addObservation(at, by, text);
        String run = live.runId();
        if (run.isEmpty()) {
            return;
        }
        Background.run(
                "note",
                () -> store.call().retro().addObservation(run, at, by, text),
                o -> {},
                err -> Dialogs.error("The note is on the charts but could not be stored", err));
    }
}
