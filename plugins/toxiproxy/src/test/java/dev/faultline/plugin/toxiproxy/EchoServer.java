package dev.faultline.plugin.toxiproxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** A TCP echo server on 127.0.0.1: the upstream behind the chaos proxy in the tests. */
final class EchoServer implements AutoCloseable {
    private final ServerSocket server;

    EchoServer() throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        Thread acceptor = new Thread(this::accept, "echo-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
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
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException ignored) {
            // the client went away
        }
    }

    /** Sends five bytes through {@code port} and returns the round trip in milliseconds. */
    static long roundTripMillis(int port) throws IOException {
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
