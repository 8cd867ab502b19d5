package dev.faultline.plugin.local.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Blocking servers on 127.0.0.1 for the proxy benchmarks: a sink that discards, an echo that answers. */
final class LoopbackServers implements AutoCloseable {
    private final ServerSocket server;
    private final boolean echo;

    LoopbackServers(boolean echo) throws IOException {
        this.echo = echo;
        server = new ServerSocket();
        server.bind(new InetSocketAddress("127.0.0.1", 0), 2048);
        Thread t = new Thread(this::accept, echo ? "bench-echo" : "bench-sink");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                Thread t = new Thread(() -> serve(s), "bench-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s;
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream()) {
            byte[] buf = new byte[256 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                if (echo) {
                    out.write(buf, 0, n);
                    out.flush();
                }
            }
        } catch (IOException ignored) {
            // the client went away
        }
    }

    static Socket connect(int port) throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
        s.setSoTimeout(10_000);
        return s;
    }

    /** Writes {@code msg} and reads as many bytes back. */
    static void roundTrip(Socket s, byte[] msg, byte[] back) throws IOException {
        s.getOutputStream().write(msg);
        int got = 0;
        while (got < back.length) {
            int n = s.getInputStream().read(back, got, back.length - got);
            if (n < 0) {
                throw new IOException("closed after " + got + " bytes");
            }
            got += n;
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
