package dev.faultline.plugin.local.proxy;

import dev.faultline.plugin.toxiproxy.protocol.Stream;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * One named proxy: listens on {@code listen}, forwards every connection to {@code upstream}, and
 * applies its toxics. Disabled ("down"), it closes its listener and every connection.
 */
final class ChaosProxy {
    private final String name;
    private final EventLoopGroup group;
    private final List<Toxic> toxics = new CopyOnWriteArrayList<>();
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final LongAdder spliced = new LongAdder();
    private volatile String listen;
    private volatile String upstream;
    private volatile boolean enabled;
    private Channel server;

    ChaosProxy(String name, String listen, String upstream, EventLoopGroup group) {
        this.name = name;
        this.listen = listen;
        this.upstream = upstream;
        this.group = group;
    }

    String name() {
        return name;
    }

    String listen() {
        return listen;
    }

    String upstream() {
        return upstream;
    }

    boolean enabled() {
        return enabled;
    }

    List<Toxic> toxics() {
        return List.copyOf(toxics);
    }

    /** Starts or stops listening; stopping drops every connection. */
    synchronized void setEnabled(boolean on) throws ApiError {
        if (on && !enabled) {
            bind();
        } else if (!on && enabled) {
            unbind();
        }
    }

    synchronized void reconfigure(String newListen, String newUpstream) throws ApiError {
        boolean changed = !newListen.equals(listen) || !newUpstream.equals(upstream);
        if (!changed) {
            return;
        }
        boolean was = enabled;
        unbind();
        listen = newListen;
        upstream = newUpstream;
        if (was) {
            bind();
        }
    }

    // RCVBUF_ALLOCATOR is deprecated in Netty 4.2 but still the option that sets the fixed read size
    @SuppressWarnings("deprecation")
    private void bind() throws ApiError {
        InetSocketAddress at = Addresses.parse(listen);
        ChannelFuture f = new ServerBootstrap()
                .group(group)
                .channel(Transport.serverChannel())
                .childOption(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.RCVBUF_ALLOCATOR, Transport.READS)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        accept(ch);
                    }
                })
                .bind(at);
        if (!Transport.await(f)) {
            f.channel().close();
            throw new ApiError(
                    500,
                    "listen tcp " + listen + ": the proxy's event loop did not answer within "
                            + Transport.LOOP_WAIT_SECONDS + " s");
        }
        if (!f.isSuccess()) {
            throw new ApiError(500, "listen tcp " + listen + ": bind: " + reason(f.cause()));
        }
        server = f.channel();
        InetSocketAddress bound = (InetSocketAddress) server.localAddress();
        listen = Addresses.format(at.getHostString(), bound.getPort());
        enabled = true;
    }

    private void unbind() {
        enabled = false;
        if (server != null) {
            Transport.await(server.close());
            server = null;
        }
        new ArrayList<>(connections).forEach(Connection::close);
    }

    private void accept(SocketChannel client) {
        Connection c = new Connection(client, spliced);
        connections.add(c);
        client.closeFuture().addListener(f -> connections.remove(c));
        client.pipeline().addLast(new Relay(c, Stream.UPSTREAM, this::toxics, () -> c.upstream));
        client.pipeline().addLast(new ChannelInboundHandlerAdapter() {
            @Override
            public void channelActive(ChannelHandlerContext ctx) {
                connectUpstream(c);
            }
        });
    }

    // RCVBUF_ALLOCATOR is deprecated in Netty 4.2 but still the option that sets the fixed read size
    @SuppressWarnings("deprecation")
    private void connectUpstream(Connection c) {
        InetSocketAddress to;
        try {
            to = Addresses.parse(upstream);
        } catch (ApiError e) {
            c.client.close();
            return;
        }
        new Bootstrap()
                .group(c.client.eventLoop())
                .channel(Transport.socketChannel())
                .option(ChannelOption.RCVBUF_ALLOCATOR, Transport.READS)
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000)
                .handler(new Relay(c, Stream.DOWNSTREAM, this::toxics, () -> c.client))
                .connect(to)
                .addListener((ChannelFutureListener) f -> {
                    if (!f.isSuccess()) {
                        c.client.close();
                        return;
                    }
                    if (!c.client.isActive()) {
                        f.channel().close(); // the client left while we connected
                        return;
                    }
                    c.upstream = f.channel();
                    c.start();
                });
    }

    void addToxic(Toxic t) throws ApiError {
        synchronized (toxics) {
            if (toxics.stream().anyMatch(x -> x.name().equals(t.name()))) {
                throw new ApiError(409, "toxic already exists");
            }
            toxics.add(t);
        }
        settle();
    }

    Toxic toxic(String toxicName) throws ApiError {
        return toxics.stream()
                .filter(t -> t.name().equals(toxicName))
                .findFirst()
                .orElseThrow(ApiError::toxicNotFound);
    }

    Toxic replaceToxic(Toxic changed) throws ApiError {
        synchronized (toxics) {
            Toxic old = toxic(changed.name());
            toxics.set(toxics.indexOf(old), changed);
        }
        settle();
        return changed;
    }

    void removeToxic(String toxicName) throws ApiError {
        synchronized (toxics) {
            toxics.remove(toxic(toxicName));
        }
        settle();
    }

    void clearToxics() {
        toxics.clear();
        settle();
    }

    /**
     * Waits (a second at most) until every open connection has seen the new toxics, so that once the
     * API has answered, a toxic acts on every connection's next bytes.
     */
    private void settle() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        for (Connection c : connections) {
            for (var f : c.toxicsChanged()) {
                f.awaitUninterruptibly(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        }
    }

    /** How many streams were spliced in the kernel so far (each start of a splice counts). */
    long splicedStreams() {
        return spliced.sum();
    }

    synchronized void stop() {
        unbind();
    }

    private static String reason(Throwable t) {
        String m = t == null ? "failed" : t.getMessage();
        return m != null && m.toLowerCase(java.util.Locale.ROOT).contains("in use")
                ? "address already in use"
                : m == null ? t.getClass().getSimpleName() : m;
    }
}
