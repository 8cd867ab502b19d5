package dev.faultline.plugin.local.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Moves bytes one way through a proxy, applying that stream's toxics. Without a toxic the buffer
 * is handed to the other side as it is (no copy). Delayed chunks are scheduled on the event loop,
 * in order; reading pauses while more than a megabyte waits to be written.
 */
final class Relay extends ChannelInboundHandlerAdapter {
    private static final long HIGH_WATER = 1 << 20;

    private final Connection connection;
    private final Toxic.Stream stream;
    private final Supplier<List<Toxic>> toxics;
    private final Supplier<Channel> peer;
    private boolean timeoutArmed;
    private boolean resetArmed;

    Relay(Connection connection, Toxic.Stream stream, Supplier<List<Toxic>> toxics, Supplier<Channel> peer) {
        this.connection = connection;
        this.stream = stream;
        this.toxics = toxics;
        this.peer = peer;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf buf = (ByteBuf) msg;
        Channel out = peer.get();
        long delayMs = 0;
        boolean drop = false;
        for (Toxic t : toxics.get()) {
            if (t.stream() != stream || !connection.applies(t)) {
                continue;
            }
            switch (t.type()) {
                case "latency" -> {
                    long jitter = t.attribute("jitter");
                    delayMs += Math.max(0, t.attribute("latency")
                            + (jitter == 0 ? 0 : ThreadLocalRandom.current().nextLong(-jitter, jitter + 1)));
                }
                case "bandwidth" -> {
                    long rate = t.attribute("rate");
                    if (rate > 0) {
                        delayMs += buf.readableBytes() / rate;
                    }
                }
                case "timeout" -> {
                    drop = true;
                    armClose(ctx, t.attribute("timeout"), false);
                }
                case "reset_peer" -> armClose(ctx, t.attribute("timeout"), true);
                default -> {
                    // noop
                }
            }
        }
        int idx = stream.ordinal();
        if (drop || out == null || !out.isActive()) {
            buf.release();
            ctx.read();
            return;
        }
        long now = System.nanoTime();
        if (delayMs == 0 && connection.pendingBytes[idx] == 0) {
            out.writeAndFlush(buf).addListener((ChannelFutureListener) f -> {
                if (f.isSuccess()) {
                    ctx.channel().read();
                } else {
                    f.channel().close();
                }
            });
            return;
        }
        long due = Math.max(now + TimeUnit.MILLISECONDS.toNanos(delayMs), connection.lastDueNanos[idx]);
        connection.lastDueNanos[idx] = due;
        int size = buf.readableBytes();
        connection.pendingBytes[idx] += size;
        ctx.executor().schedule(() -> out.writeAndFlush(buf).addListener((ChannelFutureListener) f -> {
            boolean wasPaused = connection.pendingBytes[idx] >= HIGH_WATER;
            connection.pendingBytes[idx] -= size;
            if (wasPaused && connection.pendingBytes[idx] < HIGH_WATER) {
                ctx.channel().read();
            }
        }), due - now, TimeUnit.NANOSECONDS);
        if (connection.pendingBytes[idx] < HIGH_WATER) {
            ctx.read();
        }
    }

    private void armClose(ChannelHandlerContext ctx, long afterMs, boolean reset) {
        if (reset ? resetArmed : timeoutArmed) {
            return;
        }
        if (reset) {
            resetArmed = true;
        } else {
            timeoutArmed = true;
            if (afterMs == 0) {
                return; // timeout 0: data is dropped until the toxic goes, the connection stays open
            }
        }
        ctx.executor().schedule(() -> {
            if (reset) {
                connection.client.config().setOption(ChannelOption.SO_LINGER, 0);
            }
            connection.close();
        }, afterMs, TimeUnit.MILLISECONDS);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        Channel out = peer.get();
        if (out == null || !out.isActive()) {
            return;
        }
        // Delayed chunks still on their way are delivered before the other side is closed.
        long wait = connection.lastDueNanos[stream.ordinal()] - System.nanoTime();
        Runnable close = () -> out.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        if (wait > 0) {
            ctx.executor().schedule(close, wait + TimeUnit.MILLISECONDS.toNanos(1), TimeUnit.NANOSECONDS);
        } else {
            close.run();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        connection.close();
    }
}
