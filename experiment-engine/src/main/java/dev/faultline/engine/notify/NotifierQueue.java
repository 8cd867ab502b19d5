package dev.faultline.engine.notify;

import dev.faultline.engine.spi.Notifier;
import dev.faultline.engine.spi.Undelivered;
import dev.faultline.engine.spi.run.GameDayEvent;
import dev.faultline.engine.spi.run.RunEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One notifier's bounded queue and the named thread that empties it. {@link #offer} never blocks and
 * takes no lock (a lock-free queue with a counted bound, so a run's thread never waits for a
 * descheduled consumer holding a lock): when the queue is full the event is counted as dropped, and
 * the drop is reported once as undelivered from the notifier's thread (never from the run's).
 */
final class NotifierQueue {
    private static final Logger log = LoggerFactory.getLogger(NotifierQueue.class);
    private static final Object STOP = new Object();

    private final Notifier notifier;
    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final int capacity;
    private volatile boolean waiting;
    private final Undelivered.Sink undelivered;
    private final Clock clock;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong droppedUnreported = new AtomicLong();
    private final Thread thread;

    NotifierQueue(Notifier notifier, int capacity, Undelivered.Sink undelivered, Clock clock) {
        this.notifier = notifier;
        this.capacity = capacity;
        this.undelivered = undelivered;
        this.clock = clock;
        this.thread = new Thread(this::drain, "faultline-notify-" + notifier.id());
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Enqueues without waiting; false (and counted) when the queue is full. */
    boolean offer(Object event) {
        if (size.incrementAndGet() > capacity) {
            size.decrementAndGet();
            dropped.incrementAndGet();
            droppedUnreported.incrementAndGet();
            return false;
        }
        queue.offer(event);
        if (waiting) {
            LockSupport.unpark(thread);
        }
        return true;
    }

    /** The next event, waiting for one; throws when the thread is interrupted. */
    private Object take() throws InterruptedException {
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
            Object e = queue.poll();
            if (e != null) {
                if (e != STOP) {
                    size.decrementAndGet();
                }
                return e;
            }
            waiting = true;
            if (queue.isEmpty()) {
                LockSupport.parkNanos(
                        this, TimeUnit.MILLISECONDS.toNanos(200)); // bounded: a missed wake-up costs 200 ms
            }
            waiting = false;
        }
    }

    long dropped() {
        return dropped.get();
    }

    private void drain() {
        while (true) {
            Object e;
            try {
                e = take();
            } catch (InterruptedException ie) {
                break;
            }
            if (e == STOP) {
                break;
            }
            reportDrops();
            try {
                if (e instanceof GameDayEvent g) {
                    notifier.onGameDayEvent(g);
                } else if (e instanceof RunEvent r) {
                    notifier.onRunEvent(r);
                }
            } catch (RuntimeException ex) {
                log.warn("notifier {} failed on an event; it goes on with the next", notifier.id(), ex);
            }
        }
        reportDrops();
    }

    private void reportDrops() {
        long n = droppedUnreported.getAndSet(0);
        if (n > 0) {
            undelivered.keep(new Undelivered(
                    notifier.id(),
                    clock.instant(),
                    "",
                    "",
                    n + " event(s) not passed on",
                    "the notifier's queue was full (it is slower than the run)"));
        }
    }

    /** Lets the notifier finish what is queued, up to {@code wait}; then closes it. Returns what was left. */
    int close(Duration wait) {
        queue.offer(STOP); // beyond the bound: the end always gets in
        LockSupport.unpark(thread);
        try {
            thread.join(Math.max(1, wait.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int left = 0;
        if (thread.isAlive()) {
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (Object e : queue) {
                if (e != STOP) {
                    left++;
                }
            }
            if (left > 0) {
                undelivered.keep(new Undelivered(
                        notifier.id(),
                        clock.instant(),
                        "",
                        "",
                        left + " event(s) still queued",
                        "Faultline stopped before the notifier had sent them (it waited " + wait.toMillis() + " ms)"));
            }
        }
        try {
            notifier.close();
        } catch (RuntimeException ex) {
            log.warn("closing notifier {} failed", notifier.id(), ex);
        }
        return left;
    }
}
