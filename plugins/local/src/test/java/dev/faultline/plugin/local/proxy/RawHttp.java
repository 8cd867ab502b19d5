package dev.faultline.plugin.local.proxy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** One HTTP/1.1 request written byte for byte on a fresh loopback connection, its answer read with a deadline. */
final class RawHttp {
    /** What came back: the status (0 when the server closed without one) and the start of the body. */
    record Answer(int status, String text) {}

    private RawHttp() {}

    /**
     * @throws SocketTimeoutException when no complete answer came within {@code timeoutMillis}
     */
    static Answer send(int port, String method, String target, byte[] body, int timeoutMillis) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), timeoutMillis);
            s.setSoTimeout(timeoutMillis);
            OutputStream out = s.getOutputStream();
            out.write((method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: fuzz\r\nContent-Length: "
                            + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[8192];
            int n;
            try {
                while ((n = in.read(buf)) > 0 && got.size() < 1 << 20) {
                    got.write(buf, 0, n);
                    if (System.nanoTime() > deadline) {
                        throw new SocketTimeoutException("answer still coming after " + timeoutMillis + " ms");
                    }
                }
            } catch (java.net.SocketException reset) {
                // a reset (an HTTP fault's "reset", or a refusal) is an answer too
            }
            String text = got.toString(StandardCharsets.ISO_8859_1);
            int status = 0;
            if (text.startsWith("HTTP/1.") && text.length() >= 12) {
                status = Integer.parseInt(text.substring(9, 12));
            }
            int bodyAt = text.indexOf("\r\n\r\n");
            return new Answer(status, bodyAt < 0 ? text : text.substring(bodyAt + 4));
        }
    }
}
