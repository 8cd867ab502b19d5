package dev.faultline.sandbox;

import java.sql.SQLTransientConnectionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The database stand-in's connection pool: {@code size} connections, a caller waits at most
 * {@code maxWait} for one. {@link #acquire()} is where pool faults are injected
 * ({@code jvm-exception} on {@code dev.faultline.sandbox.ConnectionPool#acquire}).
 */
public final class ConnectionPool {
    /** A borrowed connection; closing it gives it back. */
    public final class Connection implements AutoCloseable {
        private boolean open = true;

        @Override
        public void close() {
            if (open) {
                open = false;
                permits.release();
            }
        }
    }

    private final Semaphore permits;
    private final int size;
    private final long maxWaitMillis;

    public ConnectionPool(int size, long maxWaitMillis) {
        this.size = size;
        this.permits = new Semaphore(size, true);
        this.maxWaitMillis = maxWaitMillis;
    }

    public Connection acquire() throws SQLTransientConnectionException {
        try {
            if (!permits.tryAcquire(maxWaitMillis, TimeUnit.MILLISECONDS)) {
                throw new SQLTransientConnectionException(
                        "no connection free within " + maxWaitMillis + " ms (pool of " + size + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLTransientConnectionException("interrupted while waiting for a connection");
        }
        return new Connection();
    }

    public int inUse() {
        return size - permits.availablePermits();
    }
}
