package dev.faultline.app.fx;

import dev.faultline.app.view.common.Background;
import dev.faultline.app.view.common.Work;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;

/**
 * Holds the window's first reads (the database, the shipped runbooks, the backends' checks, what a
 * crashed session left) until its first frame is drawn, then starts them in the order they came.
 * Started at once, they took the two cores from the first layout and drew the first frame up to
 * seconds later, and the screens built when the runbooks were read came before it; the window shows
 * the same as before meanwhile (its lists fill as each read ends).
 */
final class FirstFrame {
    private final List<Runnable> held = new ArrayList<>();
    private boolean drawn;

    /** Runs {@code start} once the first frame is drawn (at once after that). */
    void whenDrawn(Runnable start) {
        synchronized (held) {
            if (!drawn) {
                held.add(start);
                return;
            }
        }
        start.run();
    }

    /** Background work as {@link Work#background()}, held until the first frame is drawn. */
    Work work() {
        return new Work() {
            @Override
            public <T> void run(String name, Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
                whenDrawn(() -> Background.run(name, work, onDone, onError));
            }
        };
    }

    /** Watches for the first frame of the window just shown (on the FX thread). */
    void watch() {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses < 2) {
                    return; // the second pulse comes after the first frame was drawn
                }
                stop();
                List<Runnable> starts;
                synchronized (held) {
                    drawn = true;
                    starts = List.copyOf(held);
                    held.clear();
                }
                starts.forEach(Runnable::run);
            }
        }.start();
    }
}
