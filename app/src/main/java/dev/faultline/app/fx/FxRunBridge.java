package dev.faultline.app.fx;

import dev.faultline.engine.spi.run.RunEvent;
import dev.faultline.engine.spi.run.RunListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Moves a run's events onto the FX thread, in batches: however fast samples arrive, there is at
 * most one {@code Platform.runLater} pending, which hands over everything queued until then.
 */
public final class FxRunBridge implements RunListener {
    private final ConcurrentLinkedQueue<RunEvent> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Consumer<List<RunEvent>> onFxThread;

    public FxRunBridge(Consumer<List<RunEvent>> onFxThread) {
        this.onFxThread = onFxThread;
    }

    @Override
    public void onEvent(RunEvent event) {
        queue.add(event);
        if (scheduled.compareAndSet(false, true)) {
            Platform.runLater(this::drain);
        }
    }

    private void drain() {
        scheduled.set(false);
        List<RunEvent> batch = new ArrayList<>();
        for (RunEvent e = queue.poll(); e != null; e = queue.poll()) {
            batch.add(e);
        }
        if (!batch.isEmpty()) {
            onFxThread.accept(batch);
        }
    }
}
