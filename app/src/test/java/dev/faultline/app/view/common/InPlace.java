package dev.faultline.app.view.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs a view-model's work on the calling thread, so a test sees its result when the command returns. */
public final class InPlace implements Work {
    @Override
    public <T> void run(String name, Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            onError.accept(e);
            return;
        }
        onDone.accept(result);
    }
}
