package dev.faultline.engine.safety;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One line at a time over a non-blocking socket channel, every wait bounded by a deadline: a
 * peer that is stopped (SIGSTOP) or hung can hold up its caller only until the deadline.
 */
final class LineChannel implements AutoCloseable {
    /** Longer lines are cut: a request or an answer is a few words. */
    static final int MAX_LINE = 4096;

    private final SocketChannel channel;
    private final Selector selector;
    private final ByteBuffer in = ByteBuffer.allocate(MAX_LINE);

    LineChannel(SocketChannel channel) throws IOException {
        this.channel = channel;
        channel.configureBlocking(false);
        this.selector = Selector.open();
    }

    /** Connects to a Unix socket, waiting until the deadline at most. */
    static LineChannel connect(SocketAddress address, Instant deadline) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        LineChannel line;
        try {
            line = new LineChannel(ch);
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        try {
            if (!ch.connect(address)) {
                line.await(SelectionKey.OP_CONNECT, deadline, "connect");
                ch.finishConnect();
            }
            return line;
        } catch (IOException e) {
            line.close();
            throw e;
        }
    }

    SocketChannel channel() {
        return channel;
    }

    void writeLine(String text, Instant deadline) throws IOException {
        ByteBuffer out = ByteBuffer.wrap((oneLine(text) + "\n").getBytes(StandardCharsets.UTF_8));
        while (out.hasRemaining()) {
            if (channel.write(out) == 0) {
                await(SelectionKey.OP_WRITE, deadline, "write");
            }
        }
    }

    /** The next line, or empty when the peer closed first; throws when the deadline passes. */
    Optional<String> readLine(Instant deadline) throws IOException {
        while (true) {
            Optional<String> line = takeLine();
            if (line.isPresent()) {
                return line;
            }
            if (!in.hasRemaining()) {
                return Optional.of(drain()); // an over-long line: cut
            }
            int n = channel.read(in);
            if (n < 0) {
                return in.position() == 0 ? Optional.empty() : Optional.of(drain());
            }
            if (n == 0) {
                await(SelectionKey.OP_READ, deadline, "answer");
            }
        }
    }

    /** A line that has already arrived, without waiting; empty when none has (yet). */
    Optional<String> readLineNow() throws IOException {
        Optional<String> line = takeLine();
        if (line.isEmpty() && in.hasRemaining() && channel.read(in) > 0) {
            line = takeLine();
        }
        return line;
    }

    private Optional<String> takeLine() {
        for (int i = 0; i < in.position(); i++) {
            if (in.get(i) == '\n') {
                String line = new String(in.array(), 0, i, StandardCharsets.UTF_8);
                in.flip();
                in.position(i + 1);
                in.compact();
                return Optional.of(line);
            }
        }
        return Optional.empty();
    }

    private String drain() {
        String line = new String(in.array(), 0, in.position(), StandardCharsets.UTF_8);
        in.clear();
        return line;
    }

    private void await(int op, Instant deadline, String what) throws IOException {
        long left = Duration.between(Instant.now(), deadline).toMillis();
        if (left <= 0) {
            throw new TimeoutIOException("no " + what + " in time");
        }
        SelectionKey key = channel.register(selector, op);
        try {
            selector.select(Math.max(1, left));
        } finally {
            key.interestOps(0);
            selector.selectedKeys().clear();
        }
    }

    static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ');
    }

    @Override
    public void close() {
        try {
            selector.close();
        } catch (IOException ignored) {
            // nothing to do
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    /** The deadline passed before the peer did its part. */
    static final class TimeoutIOException extends IOException {
        TimeoutIOException(String message) {
            super(message);
        }
    }
}
