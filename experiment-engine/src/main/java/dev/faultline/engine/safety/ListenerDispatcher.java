package dev.faultline.engine.safety;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls listeners in order on a virtual thread of its own, so whoever has something to tell them
 * (a run's threads, the revert threads, the kill switch pressed on the FX thread) never waits for
 * them: handing a call over is one add to a queue that no listener ever holds. One per run, one for
 * the kill switch. A listener that throws is logged and skipped; the calls after it still go out.
 */
public final class ListenerDispatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ListenerDispatcher.class);

    private sealed interface Item permits Call, Mark, End {}

    private record Call(Runnable call) implements Item {}

    /** Reached once every call queued before it has returned. */
    private record Mark(CompletableFuture<Void> reached) implements Item {}

    private record End() implements Item {}

    private final String name;
    private final LinkedBlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private volatile boolean closed;
    private volatile boolean ended;

    public ListenerDispatcher(String name) {
        this.name = name;
        Thread.ofVirtual().name(name).start(this::deliverAll);
    }

    /** Queues a call to the listeners and returns at once; after {@link #close()} it is dropped. */
    public void dispatch(Runnable call) {
        if (closed) {
            log.debug("{}: a call after the end is not delivered", name);
            return;
        }
        queue.add(new Call(call));
    }

    /** Completes once every call queued so far has returned (at once when closed and done). */
    public CompletableFuture<Void> delivered() {
        Mark m = new Mark(new CompletableFuture<>());
        queue.add(m);
        if (ended) {
            dropRest();
        }
        return m.reached();
    }

    /** Delivers what is queued, then ends its thread; later calls are dropped. Returns at once. */
    @Override
    public void close() {
        closed = true;
        queue.add(new End());
    }

    private void deliverAll() {
        while (true) {
            Item item;
            try {
                item = queue.take();
            } catch (InterruptedException e) {
                ended = true;
                dropRest();
                return;
            }
            switch (item) {
                case Call c -> deliver(c);
                case Mark m -> m.reached().complete(null);
                case End e -> {
                    ended = true;
                    dropRest();
                    return;
                }
            }
        }
    }

    private void deliver(Call c) {
        try {
            c.call().run();
        } catch (RuntimeException | Error e) {
            // The callers log their listeners' failures; this is the last guard of the thread itself.
            log.error("{}: a listener failed; the calls after it still go out", name, e);
        }
    }

    /** After the end: marks are reached (nothing more will be delivered), calls dropped. */
    private void dropRest() {
        for (Item item = queue.poll(); item != null; item = queue.poll()) {
            if (item instanceof Mark m) {
                m.reached().complete(null);
            }
        }
    }
}
