package dev.faultline.app.view.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.concurrent.Task;

/** Runs work off the FX thread as a {@code Task} on a daemon thread of its own name. */
public final class Background {
    private Background() {}

    public static <T> Task<T> run(String name, Callable<T> work, Consumer<T> onFx, Consumer<Throwable> onError) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> onFx.accept(task.getValue()));
        task.setOnFailed(e -> onError.accept(task.getException()));
        start(name, task);
        return task;
    }

    public static void start(String name, Task<?> task) {
        Thread t = new Thread(task, "faultline-app-" + name);
        t.setDaemon(true);
        t.start();
    }
}
