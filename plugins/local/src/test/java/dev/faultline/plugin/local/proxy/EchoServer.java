package dev.faultline.plugin.local.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** A TCP echo server on 127.0.0.1 for proxy tests: the upstream whose answers the proxy delays. */
public final class EchoServer implements AutoCloseable {
    private final ServerSocket server;
    private final Thread acceptor;

    public EchoServer() throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        acceptor = new Thread(this::accept, "echo-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> echo(s), "echo-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void echo(Socket s) {
        try (s;
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream()) {
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException ignored) {
            // client went away
        }
    }

    /**
     * The fastest of {@code tries} round trips: a fault slows every one, a loaded machine only some, so
     * "the link is fast again" is asserted on this rather than on a single trip.
     */
    public static long fastestRoundTripMillis(int port, int tries) throws IOException {
        long fastest = Long.MAX_VALUE;
        for (int i = 0; i < tries; i++) {
            fastest = Math.min(fastest, roundTripMillis(port));
        }
        return fastest;
    }

    /** Sends a line through {@code port} and returns the round trip in milliseconds. */
    public static long roundTripMillis(int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            s.setSoTimeout(5_000);
            long start = System.nanoTime();
            s.getOutputStream().write("ping\n".getBytes());
            s.getOutputStream().flush();
            byte[] buf = new byte[5];
            int read = 0;
            while (read < 5) {
                int n = s.getInputStream().read(buf, read, 5 - read);
                if (n < 0) {
                    throw new IOException("closed after " + read + " bytes");
                }
                read += n;
            }
            return (System.nanoTime() - start) / 1_000_000;
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
