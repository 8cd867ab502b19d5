package dev.faultline.plugin.local.proxy;

import dev.faultline.plugin.toxiproxy.protocol.Stream;
import io.netty.channel.Channel;
import io.netty.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * One client connection through a proxy: its two channels, and which toxics apply to it. A toxic
 * with toxicity below 1 applies to a connection or not, decided once per connection, as in
 * Toxiproxy: by a number drawn once per connection and toxic, below the toxicity or not. So a
 * toxicity widened in place (a rollout's next stage) keeps the connections it hit and takes more of
 * the open ones, in the new proportion, without waiting for new connections.
 */
final class Connection {
    final Channel client;
    volatile Channel upstream;
    private final Map<String, Double> draws = new ConcurrentHashMap<>();
    /** When the last delayed chunk of each stream is due: later chunks never overtake it. */
    final long[] lastDueNanos = new long[2];

    final long[] pendingBytes = new long[2];
    /** Which streams have ended (their source sent a FIN), by {@link Stream#ordinal()}. */
    final boolean[] ended = new boolean[2];
    /** The relays of the two streams, by {@link Stream#ordinal()}. */
    final Relay[] relays = new Relay[2];
    /** Counts the streams spliced in the kernel, for the proxy. */
    final LongAdder spliced;

    Connection(Channel client, LongAdder spliced) {
        this.client = client;
        this.spliced = spliced;
    }

    /** Both channels are up: start moving bytes both ways. */
    void start() {
        for (Relay r : relays) {
            r.start();
        }
    }

    /** Tells both relays the toxics changed; the futures complete when each has settled. */
    List<Future<?>> toxicsChanged() {
        List<Future<?>> settled = new ArrayList<>(2);
        for (Relay r : relays) {
            if (r != null) {
                settled.add(r.toxicsChanged());
            }
        }
        return settled;
    }

    boolean applies(Toxic t) {
        if (t.toxicity() >= 1) {
            return true;
        }
        return draws.computeIfAbsent(t.name(), n -> ThreadLocalRandom.current().nextDouble()) < t.toxicity();
    }

    void close() {
        client.close();
        Channel u = upstream;
        if (u != null) {
            u.close();
        }
    }
}
