package dev.faultline.engine.store;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writes of this process's runs and GameDays to a team's shared store, in order: one queue per
 * store ({@link #of}), so a GameDay's rows never overtake the rows of its runs. While the store
 * takes them they are written at once, on the caller's thread, as before; when it fails (its
 * server restarted, the network cut), this write and every later one are kept in memory and a
 * thread of their own sends them again, in order, every {@link #RETRY}, until the store is back, so
 * the run goes on without waiting and nothing it recorded is lost (its end is also on disk, {@link
 * PendingResults}). A run's start and events kept meanwhile are also on disk in the runner's home
 * ({@link KeptWritesFile}), so a runner that dies too loses none of them: its next start writes them.
 */
final class UnsentWrites {
    private static final Logger log = LoggerFactory.getLogger(UnsentWrites.class);
    static final Duration RETRY = Duration.ofSeconds(1);
    /** How long closing waits for the store to come back and take what is kept. */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(30);

    /** One write of the run's, sent again as it is when it failed. */
    interface Write {
        void to(FaultlineStore store) throws StoreException;
    }

    /** One queue per open store, kept as long as the store is. */
    private static final java.util.Map<FaultlineStore, UnsentWrites> QUEUES = new java.util.WeakHashMap<>();

    private final FaultlineStore store;
    private final Deque<Write> kept = new ArrayDeque<>();
    private boolean away;
    /** Where what is kept also goes, in the runner's home, so that a runner that dies loses none of it. */
    private @Nullable KeptWritesFile disk;

    private UnsentWrites(FaultlineStore store) {
        this.store = store;
    }

    /** The queue of this process's writes to {@code store}. */
    static UnsentWrites of(FaultlineStore store) {
        synchronized (QUEUES) {
            return QUEUES.computeIfAbsent(store, UnsentWrites::new);
        }
    }

    /** What is kept from now on also goes to {@code dir} (the runner's home), unless a place was given already. */
    synchronized void keepOnDiskIn(java.nio.file.Path dir) {
        if (disk == null) {
            disk = new KeptWritesFile(dir, KeptWritesFile.MAX_BYTES);
        }
    }

    /** Writes these now, or keeps them after what is kept already. */
    void record(List<Write> writes) {
        synchronized (this) {
            kept.addAll(writes);
            if (away) {
                toDisk(writes);
                return; // the sender has them: the run does not wait for a store that is away
            }
            while (!kept.isEmpty()) {
                try {
                    kept.peek().to(store);
                    kept.poll();
                } catch (StoreException e) {
                    if (!gone(e)) {
                        kept.poll(); // refused by the store itself: sending it again would not help
                        log.error("the run goes on, but a record of it was refused: {}", e.getMessage());
                        continue;
                    }
                    away = true;
                    toDisk(kept);
                    log.error(
                            "the shared store cannot take the run's records just now ({}): the run goes on, they are"
                                    + " kept and sent when it is back",
                            e.getMessage());
                    Thread.ofVirtual().name("faultline-resend").start(this::resend);
                    return;
                }
            }
        }
    }

    private void toDisk(Iterable<Write> writes) {
        KeptWritesFile d = disk;
        if (d != null) {
            d.append(writes);
        }
    }

    /** Sends what is kept, in order, until all of it is in (or the process ends). */
    private void resend() {
        while (true) {
            Write head;
            synchronized (this) {
                if (kept.isEmpty()) {
                    away = false;
                    if (disk != null) {
                        disk.clear();
                    }
                    notifyAll();
                    log.warn("the shared store is back: the run's records kept meanwhile are in");
                    return;
                }
                head = kept.peek();
            }
            try {
                head.to(store); // not under the lock: the run adds records meanwhile
                synchronized (this) {
                    kept.poll();
                }
            } catch (StoreException e) {
                if (!gone(e)) {
                    synchronized (this) {
                        kept.poll();
                    }
                    log.error("a kept record of the run was refused by the shared store: {}", e.getMessage());
                    continue;
                }
                KeptWritesFile d;
                synchronized (this) {
                    d = disk;
                }
                if (d != null) {
                    d.force(); // the batch appended meanwhile
                }
                try {
                    Thread.sleep(RETRY.toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Whether {@code e} says the store's server cannot be reached (connection lost or refused, server
     * shutting down) rather than that it refused the write: only then is the write kept and sent again.
     */
    static boolean gone(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException s && s.getSQLState() != null) {
                String state = s.getSQLState();
                return state.startsWith("08") || state.startsWith("57P");
            }
        }
        return true; // no SQL state: the connection could not even be made
    }

    /**
     * Waits (at most {@code within}) until everything kept is sent; then says what is still kept (it is
     * sent still if the process lives on, as the app does).
     */
    void awaitSent(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        synchronized (this) {
            while (away && !kept.isEmpty()) {
                long left = java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    log.error(
                            "{} record(s) have not reached the shared store, which did not come back within {} s;"
                                    + " a run's result is kept on disk and recorded on the next start",
                            kept.size(),
                            within.toSeconds());
                    return;
                }
                try {
                    wait(Math.min(left, RETRY.toMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
