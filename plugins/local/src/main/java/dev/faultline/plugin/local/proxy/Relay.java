package dev.faultline.plugin.local.proxy;

import dev.faultline.plugin.toxiproxy.protocol.Stream;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DuplexChannel;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ImmediateEventExecutor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Moves bytes one way through a proxy, applying that stream's toxics. While no toxic touches the
 * stream's bytes it is spliced in the kernel ({@link Splice}); a toxic arriving ends the splice
 * before the next read, and its going lets the stream be spliced again. Delayed chunks wait in one
 * queue per stream and leave in order; reading pauses while more than a megabyte waits to be written.
 * The end of the stream (a FIN) reaches the other side as a FIN, after the bytes still on their way
 * and a {@code slow_close} toxic's delay; once both streams have ended, or a side closes outright,
 * the connection closes.
 */
final class Relay extends ChannelInboundHandlerAdapter {
    private static final long HIGH_WATER = 1 << 20;

    private final Connection connection;
    private final Stream stream;
    private final Supplier<List<Toxic>> toxics;
    private final Supplier<Channel> peer;
    private ChannelHandlerContext ctx;
    private boolean splicing;
    private boolean spliceFailed;
    private boolean spliceUsed;
    private boolean resetArmed;
    private final TimeoutClock timeout;
    private boolean ended;
    /**
     * Bytes, and a FIN, that came before the upstream connection was up: at a FIN Netty reads even
     * with reading off. They go on once it is up.
     */
    private final List<ByteBuf> early = new ArrayList<>();

    private boolean endedEarly;
    private long passed;
    private final ArrayDeque<Delayed> delayed = new ArrayDeque<>();

    Relay(Connection connection, Stream stream, Supplier<List<Toxic>> toxics, Supplier<Channel> peer) {
        this.connection = connection;
        this.stream = stream;
        this.toxics = toxics;
        this.peer = peer;
        this.timeout = new TimeoutClock(connection, stream);
        connection.relays[stream.ordinal()] = this;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    /** Asks for the stream's next bytes: spliced while no toxic touches them, read into the relay otherwise. */
    void resume() {
        if (splicing || ctx == null || ended) {
            return; // once the source has sent its FIN there is nothing more to read
        }
        Channel out = peer.get();
        if (out != null && !spliceFailed && connection.pendingBytes[stream.ordinal()] == 0 && untouched()) {
            splicing = true;
            spliceUsed = true;
            connection.spliced.increment();
            Splice.start(ctx.channel(), out).addListener(this::spliceEnded);
        } else {
            read();
        }
    }

    /**
     * Asks Netty for the next read. Once a channel has spliced, Netty's read loop clears read interest
     * when it ends with auto-read off, so a read asked for from inside it (a relay's channelRead, or a
     * write that completed at once) would be lost: it is asked for after the loop instead.
     */
    private void read() {
        if (spliceUsed) {
            ctx.executor().execute(ctx::read);
        } else {
            ctx.read();
        }
    }

    /** Whether no toxic on this stream that applies to this connection acts on the bytes themselves. */
    private boolean untouched() {
        if (!Splice.available()) {
            return false;
        }
        for (Toxic t : toxics.get()) {
            if (t.stream() == stream
                    && !t.type().equals("slow_close")
                    && !t.type().equals("noop")
                    && connection.applies(t)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The proxy's toxics changed: a splice that a toxic now touches ends before the next bytes. The
     * future completes once that is settled on the event loop.
     */
    Future<?> toxicsChanged() {
        ChannelHandlerContext c = ctx;
        if (c == null) {
            return ImmediateEventExecutor.INSTANCE.newSucceededFuture(null);
        }
        return c.executor().submit(() -> {
            if (splicing && !untouched() && c.channel().isActive()) {
                Splice.end(c.channel()); // twice is harmless: the same zero is set again
            }
            timeout.toxicsAre(toxics.get(), c.executor());
        });
    }

    /** Both channels are up: the stream's timeout toxic, if any, starts counting; bytes start moving. */
    void start() {
        timeout.toxicsAre(toxics.get(), ctx.executor());
        if (early.isEmpty()) {
            resume();
        } else {
            ByteBuf all = early.size() == 1 ? early.get(0) : Unpooled.wrappedBuffer(early.toArray(ByteBuf[]::new));
            early.clear();
            channelRead(ctx, all); // asks for the next bytes itself
        }
        if (endedEarly) {
            inputEnded();
        }
    }

    private void spliceEnded(Future<? super Void> f) {
        splicing = false;
        if (!ctx.channel().isActive()) {
            return;
        }
        spliceFailed = !f.isSuccess();
        ctx.channel().config().setAutoRead(false);
        passed = 0; // limit_data counts from when its toxic came, as in Toxiproxy
        // Bytes the splice left in the kernel pipe still go first: Netty queued their write on the
        // peer before any the relay makes. Later, not now: Netty is still in its read loop, and
        // clears a read asked for from here.
        ctx.executor().execute(this::resume);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf buf = (ByteBuf) msg;
        Channel out = peer.get();
        if (out == null && ctx.channel().isActive()) {
            early.add(buf);
            return;
        }
        ChunkEffect e = ChunkEffect.of(toxics.get(), stream, connection);
        int idx = stream.ordinal();
        if (e.timeout != null) {
            timeout.restart(e.timeout, ctx.executor());
        }
        if (e.resetAfterMs >= 0) {
            armReset(ctx, e.resetAfterMs);
        }
        if (e.drop || out == null || !out.isActive()) {
            buf.release();
            read();
            return;
        }
        boolean closeAfter = false;
        if (e.limit >= 0) {
            long room = e.limit - passed;
            if (room <= 0) {
                buf.release();
                connection.close();
                return;
            }
            if (buf.readableBytes() >= room) {
                ByteBuf head = buf.readRetainedSlice((int) room);
                buf.release();
                buf = head;
                closeAfter = true;
            }
        }
        passed += buf.readableBytes();
        if (e.passesAsItIs() && connection.pendingBytes[idx] == 0 && !closeAfter) {
            out.writeAndFlush(buf).addListener((ChannelFutureListener) f -> {
                if (f.isSuccess()) {
                    resume();
                } else {
                    f.channel().close();
                }
            });
            return;
        }
        // A bandwidth toxic sends what is over 100 ms worth in pieces of 100 ms, as Toxiproxy's does.
        List<ByteBuf> pieces = e.sliceAverage > 0
                ? slices(buf, e.sliceAverage, e.sliceVariation)
                : e.rate > 0 && buf.readableBytes() > e.rate * 100 ? slices(buf, e.rate * 100, 0) : List.of(buf);
        // Latency counts from the chunk's arrival; the bandwidth's time from when the stream is free,
        // after the chunks before it, so a burst leaves at the rate and not all at once.
        long start =
                Math.max(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(e.latencyMs), connection.lastDueNanos[idx]);
        long bytes = 0;
        for (int i = 0; i < pieces.size(); i++) {
            ByteBuf piece = pieces.get(i);
            bytes += piece.readableBytes();
            long at = start
                    + TimeUnit.MICROSECONDS.toNanos(e.sliceDelayMicros * i)
                    + (e.rate > 0 ? bytes * 1_000_000 / e.rate : 0);
            connection.lastDueNanos[idx] = at;
            schedule(ctx, out, piece, at, idx, closeAfter && i == pieces.size() - 1);
        }
        if (connection.pendingBytes[idx] < HIGH_WATER && !closeAfter) {
            read();
        }
    }

    /**
     * Queues a delayed piece. Pieces leave strictly in the order they were queued, each no earlier
     * than its due time: one drain task at a time writes every piece that is due, then waits for
     * the next (scheduling each piece on its own could swap two whose due times are a microsecond
     * apart, as the event loop takes its own clock reading).
     */
    private void schedule(
            ChannelHandlerContext ctx, Channel out, ByteBuf piece, long dueNanos, int idx, boolean close) {
        connection.pendingBytes[idx] += piece.readableBytes();
        delayed.add(new Delayed(piece, dueNanos, close));
        if (delayed.size() == 1) {
            ctx.executor()
                    .schedule(() -> drain(out, idx), Math.max(0, dueNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    private void drain(Channel out, int idx) {
        long now = System.nanoTime();
        while (!delayed.isEmpty() && delayed.peek().dueNanos() <= now) {
            Delayed d = delayed.poll();
            int size = d.piece().readableBytes();
            out.writeAndFlush(d.piece()).addListener((ChannelFutureListener) f -> {
                boolean wasPaused = connection.pendingBytes[idx] >= HIGH_WATER;
                connection.pendingBytes[idx] -= size;
                if (d.close()) {
                    connection.close();
                } else if (wasPaused && connection.pendingBytes[idx] < HIGH_WATER) {
                    read();
                }
            });
        }
        if (!delayed.isEmpty()) {
            ctx.executor().schedule(() -> drain(out, idx), delayed.peek().dueNanos() - now, TimeUnit.NANOSECONDS);
        }
    }

    private record Delayed(ByteBuf piece, long dueNanos, boolean close) {}

    /** Cuts a chunk into slices of about {@code average} ± {@code variation} bytes. */
    private static List<ByteBuf> slices(ByteBuf buf, long average, long variation) {
        List<ByteBuf> out = new ArrayList<>();
        while (buf.readableBytes() > 0) {
            long size =
                    average + (variation <= 0 ? 0 : ThreadLocalRandom.current().nextLong(-variation, variation + 1));
            int n = (int) Math.max(1, Math.min(size, buf.readableBytes()));
            out.add(buf.readRetainedSlice(n));
        }
        buf.release();
        return out;
    }

    /** Resets the client's connection (TCP RST) {@code afterMs} after the first data, once. */
    private void armReset(ChannelHandlerContext ctx, long afterMs) {
        if (resetArmed) {
            return;
        }
        resetArmed = true;
        ctx.executor()
                .schedule(
                        () -> {
                            connection.client.config().setOption(ChannelOption.SO_LINGER, 0);
                            connection.close();
                        },
                        afterMs,
                        TimeUnit.MILLISECONDS);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt == ChannelInputShutdownEvent.INSTANCE) {
            inputEnded();
        }
    }

    /** The stream's source sent a FIN: the peer gets one too, or the connection closes if both streams ended. */
    private void inputEnded() {
        if (peer.get() == null) {
            endedEarly = true;
        } else if (!ended) {
            ended = true;
            connection.ended[stream.ordinal()] = true;
            if (splicing) {
                // Netty's splice keeps asking for reads on a socket whose input is shut down, and
                // epoll reports it readable at every turn: end the splice, reading stays off.
                Splice.end(ctx.channel());
            }
            afterTheBytesOnTheirWay(() -> {
                Channel out = peer.get();
                if (connection.ended[1 - stream.ordinal()]) {
                    connection.close();
                } else if (out instanceof DuplexChannel d) {
                    d.shutdownOutput();
                }
            });
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        timeout.stop();
        early.forEach(ByteBuf::release);
        early.clear();
        afterTheBytesOnTheirWay(connection::close);
    }

    /**
     * Runs {@code then} once the chunks still on their way on this stream are written, and after a
     * slow_close toxic's delay on it. The peer is flushed first, so spliced bytes go before.
     */
    private void afterTheBytesOnTheirWay(Runnable then) {
        Channel out = peer.get();
        if (out == null || !out.isActive()) {
            then.run();
            return;
        }
        long wait = connection.lastDueNanos[stream.ordinal()] - System.nanoTime();
        for (Toxic t : toxics.get()) {
            if (t.stream() == stream && t.type().equals("slow_close") && connection.applies(t)) {
                wait = Math.max(wait, 0) + TimeUnit.MILLISECONDS.toNanos(t.attribute("delay"));
            }
        }
        Runnable flushThen = () -> out.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(f -> then.run());
        if (wait > 0) {
            ctx.executor().schedule(flushThen, wait + TimeUnit.MILLISECONDS.toNanos(1), TimeUnit.NANOSECONDS);
        } else {
            flushThen.run();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        connection.close();
    }
}
