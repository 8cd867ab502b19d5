package dev.faultline.plugin.local.proxy;

import dev.faultline.plugin.toxiproxy.protocol.Stream;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A timeout toxic's clock on one stream of one connection. The toxic closes the connection after
 * its timeout without data on the stream, counted from when it starts acting on the connection (as
 * it opens, or as the toxic is added) and again from every chunk it drops, as Toxiproxy's does; with
 * timeout 0 it never closes it. Taking the toxic away closes the connection it acted on, as
 * Toxiproxy's cleanup does. Used on the connection's event loop only.
 */
final class TimeoutClock {
    private final Connection connection;
    private final Stream stream;
    private @Nullable Toxic acting;
    private @Nullable ScheduledFuture<?> close;

    TimeoutClock(Connection connection, Stream stream) {
        this.connection = connection;
        this.stream = stream;
    }

    /** The proxy's toxics are these now: starts, restarts or ends the clock. */
    void toxicsAre(List<Toxic> toxics, EventExecutor loop) {
        Toxic now = null;
        for (Toxic t : toxics) {
            if (t.stream() == stream && t.type().equals("timeout") && connection.applies(t)) {
                now = t;
                break;
            }
        }
        if (now == null) {
            if (acting != null) {
                acting = null;
                stop();
                connection.close();
            }
        } else if (!now.equals(acting)) {
            restart(now, loop);
        }
    }

    /** Counts {@code t}'s timeout again from now (a chunk was dropped). */
    void restart(Toxic t, EventExecutor loop) {
        acting = t;
        stop();
        long ms = t.attribute("timeout");
        if (ms > 0) {
            close = loop.schedule(connection::close, ms, TimeUnit.MILLISECONDS);
        }
    }

    void stop() {
        if (close != null) {
            close.cancel(false);
            close = null;
        }
    }
}
