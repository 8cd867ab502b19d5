package dev.faultline.plugin.local.proxy;

import dev.faultline.plugin.toxiproxy.protocol.Stream;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/** What the toxics acting on one stream of one connection do to its next chunk. */
final class ChunkEffect {
    long latencyMs;
    /** Bandwidth in bytes per millisecond (Toxiproxy's KB/s); 0: no limit. */
    long rate;

    boolean drop;
    /** The timeout toxic that drops the chunk, whose clock the chunk restarts. */
    @Nullable
    Toxic timeout;
    /** A reset_peer toxic's time to the reset, from the first chunk; -1: none. */
    long resetAfterMs = -1;

    long limit = -1;
    long sliceAverage;
    long sliceVariation;
    long sliceDelayMicros;

    private ChunkEffect() {}

    static ChunkEffect of(List<Toxic> toxics, Stream stream, Connection connection) {
        ChunkEffect e = new ChunkEffect();
        for (Toxic t : toxics) {
            if (t.stream() != stream || !connection.applies(t)) {
                continue;
            }
            switch (t.type()) {
                case "latency" -> {
                    long jitter = t.attribute("jitter");
                    e.latencyMs += Math.max(
                            0,
                            t.attribute("latency")
                                    + (jitter == 0
                                            ? 0
                                            : ThreadLocalRandom.current().nextLong(-jitter, jitter + 1)));
                }
                case "bandwidth" -> {
                    long rate = t.attribute("rate"); // KB/s, 1 KB = 1000 bytes: bytes per millisecond
                    if (rate > 0) {
                        e.rate = e.rate == 0 ? rate : Math.min(e.rate, rate);
                    }
                }
                case "timeout" -> {
                    e.drop = true;
                    e.timeout = e.timeout == null ? t : e.timeout;
                }
                case "reset_peer" -> {
                    // Toxiproxy's takes the first chunk, passes nothing more, and resets after the timeout
                    e.drop = true;
                    e.resetAfterMs = t.attribute("timeout");
                }
                case "limit_data" ->
                    e.limit = e.limit < 0 ? t.attribute("bytes") : Math.min(e.limit, t.attribute("bytes"));
                case "slicer" -> {
                    e.sliceAverage = t.attribute("average_size");
                    e.sliceVariation = t.attribute("size_variation");
                    e.sliceDelayMicros = t.attribute("delay");
                }
                default -> {
                    // noop, and slow_close, which acts when the stream ends
                }
            }
        }
        return e;
    }

    /** Whether the chunk can be written at once, untouched. */
    boolean passesAsItIs() {
        return latencyMs == 0 && rate == 0 && sliceAverage <= 0;
    }
}
