package dev.faultline.engine.safety;

import dev.faultline.engine.spi.run.HaltReason;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This process's ear in the {@link HaltRendezvous}: a Unix domain socket, made at start, on which
 * {@code faultline halt} and {@code faultline release} of any home reach this process's kill switch.
 * Requests are one line: {@code HALT<TAB>reason}, {@code RELEASE<TAB>reason} or {@code PING}.
 * A halt is answered at once ({@code ENGAGED}) and again when its reverts ended ({@code DONE}).
 *
 * <p>Only connections from this user are served (the peer's credentials are checked). A request
 * queued while this process was stopped (SIGSTOP) is taken up before any further fault is injected:
 * {@link #acceptPending()} is the gate the active faults call before registering one.
 */
public final class HaltListener implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HaltListener.class);
    private static final Duration REQUEST_WITHIN = Duration.ofSeconds(2);
    private static final Duration REPORT_WITHIN = Duration.ofMinutes(2);
    private static final java.util.concurrent.atomic.AtomicInteger INSTANCES =
            new java.util.concurrent.atomic.AtomicInteger();

    private final KillSwitch killSwitch;
    private final Path socket;
    private final String home;
    private final UserPrincipal user;
    private final ServerSocketChannel server;
    private final Selector selector;
    private final ExecutorService handlers;
    private final Thread acceptor;
    private volatile boolean closed;

    private HaltListener(
            KillSwitch killSwitch,
            Path socket,
            String home,
            UserPrincipal user,
            ServerSocketChannel server,
            ThreadFactory threads)
            throws IOException {
        this.killSwitch = killSwitch;
        this.socket = socket;
        this.home = home;
        this.user = user;
        this.server = server;
        this.selector = Selector.open();
        this.handlers = Executors.newCachedThreadPool(threads);
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
        this.acceptor = threads.newThread(this::acceptLoop);
        acceptor.setDaemon(true);
    }

    /**
     * Opens this process's socket in the rendezvous and starts listening.
     *
     * @param home this process's {@code FAULTLINE_HOME}, noted beside the socket so that a halt from
     *             elsewhere can revert this process's faults from its journal if it stops answering
     */
    public static HaltListener start(HaltRendezvous rendezvous, KillSwitch killSwitch, Path home, ThreadFactory threads)
            throws IOException {
        HaltListener l = open(rendezvous, killSwitch, home, threads);
        l.acceptor.start();
        return l;
    }

    /** Opens the socket without its listening thread: requests wait until {@link #acceptPending()} (tests stand for a stopped process so). */
    static HaltListener open(HaltRendezvous rendezvous, KillSwitch killSwitch, Path home, ThreadFactory threads)
            throws IOException {
        rendezvous.ensurePrivate();
        Path socket = rendezvous.socketOf(ProcessOwner.current(), INSTANCES.getAndIncrement());
        Files.deleteIfExists(socket); // only ever ours: the name holds our pid, start time and instance
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(socket));
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
            HaltListener l = new HaltListener(
                    killSwitch, socket, home.toString(), HaltRendezvous.currentUser(), server, threads);
            writeHomeNote(socket, home);
            return l;
        } catch (IOException | RuntimeException e) {
            server.close();
            Files.deleteIfExists(socket);
            throw e;
        }
    }

    private static void writeHomeNote(Path socket, Path home) {
        try {
            Files.writeString(HaltRendezvous.homeNoteOf(socket), home.toAbsolutePath() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            log.warn(
                    "could not note this process's FAULTLINE_HOME beside its halt socket ({}): a halt from elsewhere"
                            + " cannot revert its faults for it if it stops answering",
                    e.getMessage());
        }
    }

    public Path socket() {
        return socket;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                selector.select();
                selector.selectedKeys().clear();
                acceptPending();
            } catch (IOException | RuntimeException e) {
                if (!closed) {
                    log.warn("the halt socket {} failed: {}", socket, e.getMessage());
                    sleepQuietly();
                }
            }
        }
    }

    /**
     * Takes up every request already waiting, acting on those that arrived whole at once. Called
     * by the listening thread, and before a fault is injected, so that a halt sent while this process
     * was stopped wins over an injection due when it resumes.
     */
    public synchronized void acceptPending() {
        if (closed) {
            return;
        }
        try {
            SocketChannel ch;
            while ((ch = server.accept()) != null) {
                take(ch);
            }
        } catch (IOException e) {
            log.warn("could not take up a request on the halt socket {}: {}", socket, e.getMessage());
        }
    }

    private void take(SocketChannel ch) {
        LineChannel line;
        try {
            line = new LineChannel(ch);
        } catch (IOException e) {
            closeQuietly(ch);
            return;
        }
        try {
            if (!fromOurUser(ch)) {
                line.close();
                return;
            }
            Optional<String> request = line.readLineNow();
            if (request.isPresent()) {
                serve(line, request.get());
            } else {
                handlers.execute(() -> readAndServe(line));
            }
        } catch (IOException | RuntimeException e) {
            log.warn("a request on the halt socket failed: {}", e.getMessage());
            line.close();
        }
    }

    private boolean fromOurUser(SocketChannel ch) throws IOException {
        UnixDomainPrincipal peer = ch.getOption(ExtendedSocketOptions.SO_PEERCRED);
        if (peer.user().equals(user)) {
            return true;
        }
        log.warn(
                "refused a request on the halt socket from user {}: only {} may halt this Faultline",
                peer.user().getName(),
                user.getName());
        return false;
    }

    private void readAndServe(LineChannel line) {
        try {
            Optional<String> request = line.readLine(Instant.now().plus(REQUEST_WITHIN));
            if (request.isPresent()) {
                serve(line, request.get());
            } else {
                line.close();
            }
        } catch (IOException | RuntimeException e) {
            line.close();
        }
    }

    private void serve(LineChannel line, String request) {
        String[] parts = request.split("\t", 2);
        String verb = parts[0].strip();
        String reason = parts.length > 1 ? parts[1].strip() : "";
        long pid = ProcessHandle.current().pid();
        switch (verb) {
            case "HALT" -> {
                CompletableFuture<HaltReport> report = killSwitch.halt(
                        HaltReason.killSwitch(reason.isEmpty() ? "halted through the halt socket" : reason));
                handlers.execute(() -> answerHalt(line, pid, report));
            }
            case "RELEASE" -> {
                boolean was = !reason.isEmpty() && killSwitch.release(reason);
                handlers.execute(() -> answer(line, "RELEASED\t" + pid + "\t" + was + "\t" + home, true));
            }
            case "PING" ->
                handlers.execute(
                        () -> answer(line, "PONG\t" + pid + "\t" + killSwitch.isEngaged() + "\t" + home, true));
            default -> handlers.execute(() -> answer(line, "ERROR\tunknown request '" + verb + "'", true));
        }
    }

    private void answerHalt(LineChannel line, long pid, CompletableFuture<HaltReport> report) {
        answer(line, "ENGAGED\t" + pid + "\t" + home, false);
        try {
            HaltReport r = report.get(REPORT_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
            answer(
                    line,
                    "DONE\t" + r.outcomes().size() + "\t" + r.needingAttention().size() + "\t" + r.runsHalted(),
                    true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            line.close();
        } catch (Exception e) {
            answer(line, "DONE\t-1\t-1\t0", true);
        }
    }

    private static void answer(LineChannel line, String text, boolean close) {
        try {
            line.writeLine(text, Instant.now().plus(REQUEST_WITHIN));
        } catch (IOException e) {
            close = true; // the asker stopped waiting
        }
        if (close) {
            line.close();
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(SocketChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    /** Stops listening and removes the socket and its note. */
    @Override
    public void close() {
        closed = true;
        try {
            selector.wakeup();
            selector.close();
            server.close();
        } catch (IOException ignored) {
            // nothing to do
        }
        handlers.shutdown();
        try {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(HaltRendezvous.homeNoteOf(socket));
        } catch (IOException e) {
            log.warn("could not remove the halt socket {}: {}", socket, e.getMessage());
        }
    }
}
