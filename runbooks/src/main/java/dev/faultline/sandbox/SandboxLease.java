package dev.faultline.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The right to run experiments on the sandbox: one run (or GameDay) at a time, since two runs'
 * faults on one shop would trip each other's stop conditions, and the end of the run that started it
 * would stop it under the other. The lease is a listening socket on 127.0.0.1:{@code leasePort}
 * held by the run's process, so it reaches every run on this machine (all use the same sandbox ports,
 * whatever their {@code FAULTLINE_HOME} or user) and dies with the process, {@code kill -9} included:
 * nothing is ever left to clean up. Whoever connects reads one JSON line naming the holder; nothing is
 * read from the connection.
 */
public final class SandboxLease implements AutoCloseable {
    private static final String KIND = "faultline-sandbox-lease";
    private static final int MAX_LINE = 2048;
    private static final long CLOSE_WAIT_MS = 2_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    /** Who holds the lease: the process, its user and Faultline home, and what it runs. */
    public record Holder(long pid, Instant started, String user, String sandboxFolder, String what) {

        static Holder ofThisProcess(Path sandboxFolder, String what) {
            ProcessHandle self = ProcessHandle.current();
            return new Holder(
                    self.pid(),
                    self.info().startInstant().orElse(Instant.now()),
                    System.getProperty("user.name", "?"),
                    sandboxFolder.toAbsolutePath().toString(),
                    what);
        }

        String toLine() {
            return JSON.createObjectNode()
                            .put("kind", KIND)
                            .put("pid", pid)
                            .put("started", started.toString())
                            .put("user", user)
                            .put("sandboxFolder", sandboxFolder)
                            .put("what", what)
                            .toString()
                    + "\n";
        }

        static Optional<Holder> parse(String line) {
            try {
                JsonNode n = JSON.readTree(line);
                if (!KIND.equals(n.path("kind").asString(""))) {
                    return Optional.empty();
                }
                return Optional.of(new Holder(
                        n.path("pid").asLong(),
                        Instant.parse(n.path("started").asString()),
                        n.path("user").asString("?"),
                        n.path("sandboxFolder").asString(""),
                        n.path("what").asString("?")));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
    }

    private final ServerSocket socket;
    private final Thread answerer;
    private volatile Holder holder;

    private SandboxLease(ServerSocket socket, Holder holder) {
        this.socket = socket;
        this.holder = holder;
        this.answerer = new Thread(this::answer, "faultline-sandbox-lease");
        answerer.setDaemon(true);
        answerer.start();
    }

    /**
     * Takes the lease, or says who has it.
     *
     * @param what what this process runs, for whoever is refused ("faultline run payment-latency-holds")
     * @throws SandboxException when another run holds it, naming that run, its pid and what to do
     */
    public static SandboxLease acquire(SandboxOptions o, String what) throws SandboxException {
        Holder me = Holder.ofThisProcess(o.home(), what);
        for (int attempt = 0; attempt < 3; attempt++) {
            ServerSocket s = null;
            try {
                s = new ServerSocket();
                s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), o.leasePort()), 8);
                return new SandboxLease(s, me);
            } catch (BindException taken) {
                close(s);
                Optional<String> line = readHolder(o.leasePort());
                if (line.isEmpty()) {
                    pause();
                    continue; // the holder just ended: try again
                }
                throw new SandboxException(Holder.parse(line.get())
                        .map(h -> inUse(h, o))
                        .orElseGet(() -> "port "
                                + o.leasePort()
                                + " of 127.0.0.1, which tells one Faultline run on the sandbox from another, is"
                                + " taken by a program that is not Faultline: stop it, then run again"));
            } catch (IOException e) {
                close(s);
                throw new SandboxException(
                        "cannot take the sandbox's run lease on 127.0.0.1:" + o.leasePort() + ": " + e.getMessage());
            }
        }
        throw new SandboxException("the sandbox's run lease on 127.0.0.1:" + o.leasePort()
                + " is taken and released over" + " and over by other runs; wait for them to end and run again");
    }

    private static String inUse(Holder h, SandboxOptions o) {
        String user = h.user().equals(System.getProperty("user.name", "?")) ? "" : " of user " + h.user();
        Path theirs = Path.of(h.sandboxFolder());
        String home = theirs.equals(o.home().toAbsolutePath()) || theirs.getParent() == null
                ? ""
                : " (its FAULTLINE_HOME is " + theirs.getParent() + ")";
        return "the sandbox is in use by " + h.what() + " (pid " + h.pid() + user + ", started "
                + TIME.format(h.started()) + ")" + home + ": wait for it to end, or halt it with faultline halt";
    }

    /** The line the holder answers with; empty when nobody answers (it has just ended). */
    private static Optional<String> readHolder(int port) {
        try (Socket c = new Socket()) {
            c.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            c.setSoTimeout(1_000);
            InputStream in = c.getInputStream();
            byte[] buf = new byte[MAX_LINE];
            int n = 0;
            while (n < buf.length) {
                int r = in.read(buf, n, buf.length - n);
                if (r < 0) {
                    break;
                }
                n += r;
                if (buf[n - 1] == '\n') {
                    break;
                }
            }
            return Optional.of(new String(buf, 0, n, StandardCharsets.UTF_8).strip());
        } catch (java.net.ConnectException gone) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(""); // something holds the port and does not answer like a Faultline run
        }
    }

    /** Says what this process runs now ("run 42 of payment-latency-holds"), for whoever is refused. */
    public void describe(String what) {
        Holder h = holder;
        holder = new Holder(h.pid(), h.started(), h.user(), h.sandboxFolder(), what);
    }

    private void answer() {
        while (!socket.isClosed()) {
            try (Socket c = socket.accept();
                    OutputStream out = c.getOutputStream()) {
                out.write(holder.toLine().getBytes(StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                if (socket.isClosed()) {
                    return;
                }
                pause(); // one caller's broken connection, or no file handle left: answer the next, without spinning
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void close(ServerSocket s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // it was never bound
            }
        }
    }

    /**
     * Gives the lease back. The port is free when this returns: a thread blocked in {@code accept}
     * keeps the kernel's listening socket alive (and answering) after the descriptor is closed, until
     * it wakes, so the answerer is waited for (at most {@value #CLOSE_WAIT_MS} ms).
     */
    @Override
    public void close() {
        close(socket);
        if (Thread.currentThread() != answerer) {
            try {
                answerer.join(CLOSE_WAIT_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
