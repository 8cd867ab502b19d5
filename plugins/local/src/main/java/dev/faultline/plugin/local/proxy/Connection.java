package dev.faultline.plugin.local.proxy;

import io.netty.channel.Channel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One client connection through a proxy: its two channels, and which toxics apply to it. A toxic
 * with toxicity below 1 applies to a connection or not, decided once per connection, as in
 * Toxiproxy.
 */
final class Connection {
    final Channel client;
    volatile Channel upstream;
    private final Map<String, Boolean> applies = new ConcurrentHashMap<>();
    /** When the last delayed chunk of each stream is due: later chunks never overtake it. */
    final long[] lastDueNanos = new long[2];
    final long[] pendingBytes = new long[2];

    Connection(Channel client) {
        this.client = client;
    }

    boolean applies(Toxic t) {
        if (t.toxicity() >= 1) {
            return true;
        }
        return applies.computeIfAbsent(t.name(), n -> ThreadLocalRandom.current().nextDouble() < t.toxicity());
    }

    void close() {
        client.close();
        Channel u = upstream;
        if (u != null) {
            u.close();
        }
    }
}
