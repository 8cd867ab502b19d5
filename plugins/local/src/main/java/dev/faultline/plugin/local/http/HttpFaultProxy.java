package dev.faultline.plugin.local.http;

import dev.faultline.plugin.local.proxy.Addresses;
import dev.faultline.plugin.local.proxy.Transport;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A reverse proxy for one upstream HTTP service that applies its faults to the requests they
 * match. Requests no fault matches pass through unchanged, keep-alive kept (bodies are
 * aggregated, up to 16 MB, so chunked messages reach the other side with a content length).
 */
public final class HttpFaultProxy implements AutoCloseable {
    static final int MAX_BODY = 16 << 20;
    /** The most faults one proxy holds: each request is matched against every one of them. */
    public static final int MAX_FAULTS = 64;

    private final String name;
    private final String upstreamHost;
    private final int upstreamPort;
    private final List<HttpFaultRule> faults = new CopyOnWriteArrayList<>();
    private final Channel server;

    private final String listenHost;

    private HttpFaultProxy(String name, String listenHost, String upstreamHost, int upstreamPort, Channel server) {
        this.name = name;
        this.listenHost = listenHost;
        this.upstreamHost = upstreamHost;
        this.upstreamPort = upstreamPort;
        this.server = server;
    }

    /** Listens on {@code listen} ({@code host:port}, port 0 picks one) and forwards to {@code upstream}. */
    public static HttpFaultProxy start(
            String name, InetSocketAddress listen, InetSocketAddress upstream, EventLoopGroup group)
            throws IOException {
        HttpFaultProxy[] self = new HttpFaultProxy[1];
        ChannelFuture f = new ServerBootstrap()
                .group(group)
                .channel(Transport.serverChannel())
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast(
                                        new HttpServerCodec(),
                                        new HttpObjectAggregator(MAX_BODY),
                                        new HttpFaultHandler(self[0]));
                    }
                })
                .bind(listen);
        if (!Transport.await(f)) {
            f.channel().close();
            throw new IOException("listen tcp " + Addresses.format(listen)
                    + ": the proxy's event loop did not answer within " + Transport.LOOP_WAIT_SECONDS + " s");
        }
        if (!f.isSuccess()) {
            throw new IOException("listen tcp " + Addresses.format(listen) + ": bind: "
                    + (f.cause() == null ? "failed" : f.cause().getMessage()));
        }
        self[0] = new HttpFaultProxy(
                name, listen.getHostString(), upstream.getHostString(), upstream.getPort(), f.channel());
        return self[0];
    }

    public String name() {
        return name;
    }

    public String listen() {
        return Addresses.format(listenHost, ((InetSocketAddress) server.localAddress()).getPort());
    }

    public String upstream() {
        return Addresses.format(upstreamHost, upstreamPort);
    }

    String upstreamHost() {
        return upstreamHost;
    }

    int upstreamPort() {
        return upstreamPort;
    }

    public List<HttpFaultRule> faults() {
        return List.copyOf(faults);
    }

    /**
     * Adds a fault; false when one of that name is already there.
     *
     * @throws IllegalStateException when the proxy already holds {@link #MAX_FAULTS}
     */
    public synchronized boolean add(HttpFaultRule rule) {
        if (faults.stream().anyMatch(f -> f.name().equals(rule.name()))) {
            return false;
        }
        if (faults.size() >= MAX_FAULTS) {
            throw new IllegalStateException("proxy " + name + " already has " + MAX_FAULTS
                    + " faults, the most it takes;" + " remove one first");
        }
        faults.add(rule);
        return true;
    }

    /**
     * Changes a fault's share of the requests in place, from the next request on; false when there
     * is no such fault.
     */
    public synchronized boolean changeShare(String faultName, double share) {
        for (int i = 0; i < faults.size(); i++) {
            if (faults.get(i).name().equals(faultName)) {
                faults.set(i, faults.get(i).withShare(share));
                return true;
            }
        }
        return false;
    }

    /** Removes a fault; false when there was none of that name. */
    public synchronized boolean remove(String faultName) {
        return faults.removeIf(f -> f.name().equals(faultName));
    }

    public void clear() {
        faults.clear();
    }

    @Override
    public void close() {
        Transport.await(server.close());
    }
}
