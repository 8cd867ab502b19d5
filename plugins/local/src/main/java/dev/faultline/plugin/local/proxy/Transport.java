package dev.faultline.plugin.local.proxy;

import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The proxies' Netty transport: native epoll where it loads (Linux x86-64), NIO elsewhere or with
 * {@code -Dfaultline.proxy.nio=true}. Event loops, server and client channels must all be of one kind.
 */
public final class Transport {
    private static final boolean EPOLL = !Boolean.getBoolean("faultline.proxy.nio") && Epoll.isAvailable();

    /** Reads grow up to 256 KiB at a time when the data is there (Netty's default stops at 64 KiB). */
    public static final RecvByteBufAllocator READS = new AdaptiveRecvByteBufAllocator(2048, 16 * 1024, 256 * 1024);

    /**
     * The longest the API waits for an event loop (a bind, a close): a loop that does not answer by
     * then is reported, never waited on forever, so the API and a shutdown always go on.
     */
    public static final long LOOP_WAIT_SECONDS = 5;

    private Transport() {}

    /** Waits for {@code f} at most {@link #LOOP_WAIT_SECONDS}; false when it did not complete. */
    public static boolean await(Future<?> f) {
        return f.awaitUninterruptibly(LOOP_WAIT_SECONDS, TimeUnit.SECONDS);
    }

    public static IoHandlerFactory ioHandler() {
        return EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    }

    public static Class<? extends ServerChannel> serverChannel() {
        return EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    public static Class<? extends SocketChannel> socketChannel() {
        return EPOLL ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    public static String name() {
        return EPOLL ? "epoll" : "nio";
    }
}
