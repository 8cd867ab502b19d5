package dev.faultline.app.view.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * How a view-model runs blocking work: off the FX thread in the app ({@link #background()}), with
 * the result handed back on the FX thread; tests without a window pass one that runs it in place.
 */
public interface Work {
    <T> void run(String name, Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onError);

    /** A daemon thread per job, the result on the FX thread (through {@link Background}). */
    static Work background() {
        return new Work() {
            @Override
            public <T> void run(String name, Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
                Background.run(name, work, onDone, onError);
            }
        };
    }
}
