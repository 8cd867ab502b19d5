package dev.faultline.app.view.common;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.event.EventHandler;
import javafx.scene.control.DialogPane;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work off the FX thread as a {@code Task} on a daemon thread of its own name. Its result or
 * error goes to the window it was started from: when that window was closed meanwhile, it is dropped
 * (logged, never shown), so a late read cannot open a dialog over a window that is gone.
 */
public final class Background {
    private static final Logger log = LoggerFactory.getLogger(Background.class);

    private Background() {}

    public static <T> Task<T> run(String name, Callable<T> work, Consumer<T> onFx, Consumer<Throwable> onError) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        WindowScope scope = WindowScope.now();
        task.setOnSucceeded(e -> {
            if (scope.open(name)) {
                onFx.accept(task.getValue());
            }
        });
        task.setOnFailed(e -> {
            if (scope.open(name)) {
                onError.accept(task.getException());
            } else {
                log.debug("{}: failed after its window was closed, not shown", name, task.getException());
            }
        });
        start(name, task);
        return task;
    }

    public static void start(String name, Task<?> task) {
        Thread t = new Thread(task, "faultline-app-" + name);
        t.setDaemon(true);
        t.start();
    }

    /**
     * The windows showing when some work started (dialogs aside), and whether all of them were closed
     * since: then the work's result belongs to windows that are gone. A window shown again later (a
     * test's stage used once more) does not bring it back. Work started off the FX thread or before
     * any window showed has no window: its result is always delivered.
     */
    public static final class WindowScope {
        private final java.util.Set<Window> closed = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final List<Window> windows;
        private final EventHandler<WindowEvent> onHidden = e -> {
            if (e.getSource() instanceof Window w) {
                closed.add(w);
            }
        };

        private WindowScope(List<Window> windows) {
            this.windows = windows;
            windows.forEach(w -> w.addEventHandler(WindowEvent.WINDOW_HIDDEN, onHidden));
        }

        /** The application windows showing now (on the FX thread; none elsewhere). */
        public static WindowScope now() {
            if (!Platform.isFxApplicationThread()) {
                return new WindowScope(List.of());
            }
            return new WindowScope(Window.getWindows().stream()
                    .filter(Window::isShowing)
                    .filter(w -> w.getScene() == null || !(w.getScene().getRoot() instanceof DialogPane))
                    .toList());
        }

        /**
         * Whether the work's window is still open (on the FX thread, when its result is in); says in
         * the log what was dropped otherwise. Ends the watch on the windows.
         */
        public boolean open(String what) {
            windows.forEach(w -> w.removeEventHandler(WindowEvent.WINDOW_HIDDEN, onHidden));
            if (!windows.isEmpty() && closed.containsAll(windows)) {
                log.debug("{}: its window was closed before it ended; the result is dropped", what);
                return false;
            }
            return true;
        }
    }
}
