package dev.faultline.engine.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes probe samples in the background: {@link #add} queues (cheap, non-blocking while there is
 * room), a writer thread drains the queue and inserts in JDBC batches, one transaction per batch.
 * When the queue is full, {@code add} waits a little rather than lose samples, and counts what it
 * had to drop if the writer cannot keep up at all.
 */
public final class SampleWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SampleWriter.class);
    private static final int BATCH = 2_000;
    private static final SampleRecord STOP = new SampleRecord("", "", "", Instant.EPOCH, 0, null, false);

    /** A new connection when the shared store's server went away and came back. */
    interface Reconnect {
        Connection connect() throws StoreException;
    }

    private volatile Connection connection;
    private final Reconnect reconnect;
    private final String where;
    private final BlockingQueue<SampleRecord> queue = new ArrayBlockingQueue<>(200_000);
    private final AtomicLong added = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;
    private final boolean announce;
    private volatile boolean closed;

    /**
     * @param announce whether each batch is announced to followers (a shared store's NOTIFY, per run);
     *                 such a store's batches are also kept and written again when its server was away,
     *                 never dropped
     */
    SampleWriter(Connection connection, Reconnect reconnect, String where, boolean announce) {
        this.connection = connection;
        this.reconnect = reconnect;
        this.where = where;
        this.announce = announce;
        this.writer = new Thread(this::drain, "faultline-sample-writer");
        writer.setDaemon(true);
        writer.start();
    }

    public void add(
            String runId,
            String probe,
            String phase,
            Instant at,
            double value,
            @Nullable String error,
            boolean within) {
        add(new SampleRecord(runId, probe, phase, at, value, error, within));
    }

    public void add(SampleRecord s) {
        if (closed) {
            throw new IllegalStateException("the sample writer is closed");
        }
        added.incrementAndGet();
        try {
            if (!queue.offer(s) && !queue.offer(s, 2, TimeUnit.SECONDS)) {
                dropped.incrementAndGet();
                written.incrementAndGet();
                log.error("sample of {} dropped: the database {} cannot keep up", s.probe(), where);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            dropped.incrementAndGet();
            written.incrementAndGet();
        }
    }

    /** Waits (at most 30 s) until every sample added so far is written. */
    public void flush() {
        flush(java.time.Duration.ofSeconds(30));
    }

    /**
     * Waits (at most {@code within}) until every sample added so far is written. While a shared store
     * is away it waits once: a flush that timed out then makes later ones return at once until the
     * store is back (closing does not wait twice for a server that is gone).
     */
    public void flush(java.time.Duration within) {
        long target = added.get();
        long deadline = System.nanoTime() + within.toNanos();
        while (written.get() < target && System.nanoTime() < deadline && writer.isAlive()) {
            if (away && gaveUp) {
                return;
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (written.get() < target && away) {
            gaveUp = true;
        }
    }

    public long dropped() {
        return dropped.get();
    }

    private void drain() {
        List<SampleRecord> batch = new ArrayList<>(BATCH);
        boolean stop = false;
        try {
            connection.setAutoCommit(false);
            while (true) {
                if (batch.isEmpty()) {
                    if (stop) {
                        return;
                    }
                    SampleRecord first = queue.take();
                    if (first == STOP) {
                        return;
                    }
                    batch.add(first);
                    queue.drainTo(batch, BATCH - 1);
                    stop = batch.remove(STOP);
                }
                if (write(batch)) {
                    written.addAndGet(batch.size());
                    batch.clear();
                } else {
                    if (closed) {
                        return; // closing gave up waiting for the store (see finally)
                    }
                    // a shared store away: the batch waits (the queue fills behind it) until the server is back
                    Thread.sleep(RETRY.toMillis());
                    reconnect();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            log.error("the sample writer of {} stopped: {}", where, e.getMessage(), e);
        } finally {
            if (!batch.isEmpty()) {
                dropped.addAndGet(batch.size());
                written.addAndGet(batch.size());
                log.error("{} samples could not be written to {} before it closed", batch.size(), where);
            }
        }
    }

    /** How long a batch waits before it is written again to a shared store that was away. */
    static final java.time.Duration RETRY = java.time.Duration.ofSeconds(1);

    /** Whether the shared store's server is away (the writer thread sets it; flushes read it). */
    private volatile boolean away;

    private volatile boolean gaveUp;

    private void reconnect() {
        try {
            Connection fresh = reconnect.connect();
            fresh.setAutoCommit(false);
            try {
                connection.close();
            } catch (SQLException e) {
                // gone already
            }
            connection = fresh;
        } catch (StoreException | SQLException e) {
            // still away: the next round tries again
        }
    }

    /**
     * Writes one batch in one transaction; true when done with it (written, or refused and counted as
     * dropped), false when a shared store is away and the batch is to be written again.
     */
    private boolean write(List<SampleRecord> batch) {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO probe_sample"
                + " (run_id, probe, phase, at, val, error, within) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (SampleRecord s : batch) {
                ps.setString(1, s.runId());
                ps.setString(2, s.probe());
                ps.setString(3, s.phase());
                ps.setObject(4, FaultlineStore.time(s.at()));
                if (Double.isNaN(s.value())) {
                    ps.setNull(5, Types.DOUBLE);
                } else {
                    ps.setDouble(5, s.value());
                }
                ps.setString(6, s.error() == null ? null : FaultlineStore.clip(s.error(), 1000));
                ps.setBoolean(7, s.within());
                ps.addBatch();
            }
            ps.executeBatch();
            if (announce) {
                for (String run :
                        batch.stream().map(SampleRecord::runId).distinct().toList()) {
                    Notify.send(connection, FaultlineStore.CHANGES, run); // sent when the batch commits
                }
            }
            connection.commit();
            if (away) {
                away = false;
                gaveUp = false;
                log.warn("{} is back: the samples kept meanwhile are written", where);
            }
            return true;
        } catch (SQLException e) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the connection is gone; the next batch will say so
            }
            if (announce && UnsentWrites.gone(e)) {
                if (!away) {
                    away = true;
                    log.error(
                            "samples cannot be written to {} just now ({}): they are kept and written when it is back",
                            where,
                            e.getMessage());
                }
                return false;
            }
            dropped.addAndGet(batch.size());
            log.error("{} samples could not be written to {}: {}", batch.size(), where, e.getMessage());
            return true;
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        flush();
        closed = true;
        queue.offer(STOP);
        try {
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // already closed
        }
    }
}
