package dev.faultline.plugin.local.proxy;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.epoll.AbstractEpollStreamChannel;
import java.lang.reflect.Field;
import java.util.Queue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kernel-side forwarding ({@code splice(2)} through a pipe, no copy into the JVM) for a stream no
 * toxic touches, with Netty's epoll {@link AbstractEpollStreamChannel#spliceTo}.
 *
 * <p>Netty can start a splice but offers no way to end one early: a splice of unbounded length runs
 * until the channel closes. A toxic added to an open connection must act on its very next bytes, so
 * {@link #end} reaches into Netty and sets the pending splice's remaining length to zero; Netty then
 * finishes it before the next read, and later bytes go through the relay and its toxics. That is one
 * package-private field of Netty's ({@code SpliceInTask.len}) and one private one
 * ({@code spliceQueue}): if either cannot be reached (another Netty version), splicing is not used
 * at all and every byte goes through the relay, as with NIO or {@code -Dfaultline.proxy.splice=false}.
 */
final class Splice {
    private static final Logger log = LoggerFactory.getLogger(Splice.class);
    private static final Field QUEUE;
    private static final Field LENGTH;

    static {
        Field queue = null;
        Field length = null;
        if (Transport.name().equals("epoll") && !"false".equals(System.getProperty("faultline.proxy.splice"))) {
            try {
                queue = AbstractEpollStreamChannel.class.getDeclaredField("spliceQueue");
                length = Class.forName(AbstractEpollStreamChannel.class.getName() + "$SpliceInTask")
                        .getDeclaredField("len");
                queue.setAccessible(true);
                length.setAccessible(true);
            } catch (ReflectiveOperationException | RuntimeException e) {
                log.info(
                        "streams are forwarded through the JVM: this Netty's splice cannot be ended early ({})",
                        e.toString());
                queue = null;
                length = null;
            }
        }
        QUEUE = queue;
        LENGTH = length;
    }

    private Splice() {}

    /** Whether streams may be spliced at all (native epoll, and a Netty whose splice can be ended). */
    static boolean available() {
        return LENGTH != null;
    }

    /**
     * Starts forwarding everything {@code from} receives to {@code to} in the kernel; the future
     * completes when {@link #end} was called and Netty has finished the splice, or fails when a
     * channel closes. Call on the channels' event loop.
     */
    static ChannelFuture start(Channel from, Channel to) {
        AbstractEpollStreamChannel source = (AbstractEpollStreamChannel) from;
        ChannelFuture done = source.spliceTo((AbstractEpollStreamChannel) to, Integer.MAX_VALUE);
        source.config().setAutoRead(true); // Netty splices from its read loop
        return done;
    }

    /**
     * Ends the splice running on {@code from} before its next read: bytes already in the kernel pipe
     * are still delivered, the next ones reach the relay. Call on the channel's event loop.
     */
    static void end(Channel from) {
        try {
            Queue<?> tasks = (Queue<?>) QUEUE.get(from);
            Object running = tasks == null ? null : tasks.peek();
            if (running != null) {
                LENGTH.setInt(running, 0);
                from.read(); // Netty completes an ended splice in its read loop
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot end the splice on " + from, e);
        }
    }
}
