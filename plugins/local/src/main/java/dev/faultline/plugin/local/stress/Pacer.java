package dev.faultline.plugin.local.stress;

/**
 * Holds work to a rate: after {@code done} units, {@link #await} sleeps until the time those units
 * are due at {@code perSecond} since the pacer started. A rate of 0 never waits.
 */
final class Pacer {
    private final long perSecond;
    private final long start = System.nanoTime();

    Pacer(long perSecond) {
        this.perSecond = perSecond;
    }

    /** Waits until {@code done} units are due, or the deadline (a {@link System#nanoTime} value) has come. */
    void await(long done, long deadline) throws InterruptedException {
        if (perSecond <= 0) {
            return;
        }
        long due = start + (long) (done * 1e9 / perSecond);
        long until = Math.min(due, deadline);
        for (long now = System.nanoTime(); now < until; now = System.nanoTime()) {
            long nanos = until - now;
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
    }
}
