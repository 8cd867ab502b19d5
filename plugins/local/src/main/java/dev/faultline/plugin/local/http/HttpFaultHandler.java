package dev.faultline.plugin.local.http;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** Handles one client connection of an HTTP fault proxy: match, then abort, reset, delay or forward. */
final class HttpFaultHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private final HttpFaultProxy proxy;

    HttpFaultHandler(HttpFaultProxy proxy) {
        this.proxy = proxy;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        HttpFaultRule fault = matching(request);
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (fault != null && fault.reset()) {
            ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0);
            ctx.close();
            return;
        }
        FullHttpRequest forward = request.retainedDuplicate();
        Runnable go = () -> {
            if (fault != null && fault.abortStatus() != 0) {
                forward.release();
                reply(ctx, aborted(fault.abortStatus()), keepAlive);
            } else {
                forward(ctx, forward, fault, keepAlive);
            }
        };
        if (fault != null && fault.delayMillis() > 0) {
            ctx.executor().schedule(go, fault.delayMillis(), TimeUnit.MILLISECONDS);
        } else {
            go.run();
        }
    }

    private HttpFaultRule matching(FullHttpRequest request) {
        String path = new QueryStringDecoder(request.uri()).path();
        Map<String, String> headers = new HashMap<>();
        request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(java.util.Locale.ROOT), h.getValue()));
        for (HttpFaultRule f : proxy.faults()) {
            if (f.matches(request.method().name(), path, headers)
                    && (f.share() >= 1 || ThreadLocalRandom.current().nextDouble() < f.share())) {
                return f;
            }
        }
        return null;
    }

    private void forward(ChannelHandlerContext ctx, FullHttpRequest request, HttpFaultRule fault, boolean keepAlive) {
        request.headers().set(HttpHeaderNames.HOST, proxy.upstream());
        HttpUtil.setKeepAlive(request, false);
        new Bootstrap()
                .group(ctx.channel().eventLoop())
                .channel(dev.faultline.plugin.local.proxy.Transport.socketChannel())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast(
                                        new HttpClientCodec(),
                                        new HttpObjectAggregator(HttpFaultProxy.MAX_BODY),
                                        new SimpleChannelInboundHandler<FullHttpResponse>() {
                                            @Override
                                            protected void channelRead0(
                                                    ChannelHandlerContext up, FullHttpResponse response) {
                                                reply(ctx, altered(response.retainedDuplicate(), fault), keepAlive);
                                                up.close();
                                            }

                                            @Override
                                            public void exceptionCaught(ChannelHandlerContext up, Throwable cause) {
                                                up.close();
                                                reply(ctx, aborted(502), false);
                                            }
                                        });
                    }
                })
                .connect(proxy.upstreamHost(), proxy.upstreamPort())
                .addListener((ChannelFutureListener) f -> {
                    if (f.isSuccess()) {
                        f.channel().writeAndFlush(request);
                    } else {
                        request.release();
                        reply(ctx, aborted(502), false);
                    }
                });
    }

    /** The upstream's answer with the fault's body and header changes, if any. */
    private static FullHttpResponse altered(FullHttpResponse response, HttpFaultRule fault) {
        if (fault == null) {
            return response;
        }
        FullHttpResponse out = response;
        if (fault.replaceBody() != null) {
            ByteBuf body = Unpooled.copiedBuffer(fault.replaceBody(), StandardCharsets.UTF_8);
            out = response.replace(body);
            response.release();
        } else if (fault.corruptBody()) {
            ByteBuf body = response.content();
            for (int i = 0; i < body.readableBytes(); i += 7) {
                body.setByte(body.readerIndex() + i, body.getByte(body.readerIndex() + i) ^ 0x5a);
            }
        }
        fault.addHeaders().forEach(out.headers()::set);
        return out;
    }

    private static FullHttpResponse aborted(int status) {
        HttpResponseStatus s = HttpResponseStatus.valueOf(status);
        return new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1,
                s,
                Unpooled.copiedBuffer("fault injected by Faultline: " + s + "\n", StandardCharsets.UTF_8));
    }

    private static void reply(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
        HttpUtil.setContentLength(response, response.content().readableBytes());
        response.headers().remove(HttpHeaderNames.TRANSFER_ENCODING);
        HttpUtil.setKeepAlive(response, keepAlive);
        Channel ch = ctx.channel();
        if (!ch.isActive()) {
            response.release();
            return;
        }
        var written = ch.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
