package dev.faultline.app.view.retro;

import dev.faultline.app.view.common.Work;
import java.util.function.BiConsumer;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * How the retrospective's parts write: the change off the FX thread through {@link Work}, then the
 * retrospective read again; a failure goes to {@code errors} (what failed, why). One status line
 * says what was done or refused.
 */
final class RetroWrites {
    interface Change {
        void apply() throws Exception;
    }

    private final Work work;
    private final BiConsumer<String, Throwable> errors;
    private final ReadOnlyStringWrapper status;
    private final Runnable reload;

    RetroWrites(Work work, BiConsumer<String, Throwable> errors, ReadOnlyStringWrapper status, Runnable reload) {
        this.work = work;
        this.errors = errors;
        this.status = status;
        this.reload = reload;
    }

    /** Applies {@code change}; then {@code onSaved}, the status line {@code done} (unless empty) and a reload. */
    void write(String name, String failure, String done, Change change, Runnable onSaved) {
        work.run(
                name,
                () -> {
                    change.apply();
                    return name;
                },
                x -> {
                    if (!done.isEmpty()) {
                        status.set(done);
                    }
                    onSaved.run();
                    reload.run();
                },
                err -> errors.accept(failure, err));
    }

    void status(String text) {
        status.set(text);
    }

    Work work() {
        return work;
    }

    BiConsumer<String, Throwable> errors() {
        return errors;
    }
}
