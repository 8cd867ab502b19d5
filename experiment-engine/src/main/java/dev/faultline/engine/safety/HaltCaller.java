package dev.faultline.engine.safety;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Asks every other running Faultline of this user, through its socket in the {@link HaltRendezvous},
 * to halt or release its kill switch, all at once, every wait bounded: a peer that does not answer
 * within {@code answerWithin} (stopped by SIGSTOP, or hung) is reported as such and not waited for.
 */
public final class HaltCaller {
    private final HaltRendezvous rendezvous;
    private final Duration answerWithin;
    private final ThreadFactory threads;

    public HaltCaller(HaltRendezvous rendezvous, Duration answerWithin, ThreadFactory threads) {
        this.rendezvous = rendezvous;
        this.answerWithin = answerWithin;
        this.threads = threads;
    }

    /**
     * Halts every other Faultline. Each answers at once that it engaged; then its answer waits until
     * its reverts ended or {@code settleBy}, whichever is first.
     */
    public List<HaltAnswer> halt(String reason, Instant settleBy) throws IOException {
        return halt(reason, settleBy, peer -> true);
    }

    /** Halts only the Faultlines chosen. */
    public List<HaltAnswer> halt(String reason, Instant settleBy, Predicate<HaltPeer> whom) throws IOException {
        return askAll(whom, peer -> haltOne(peer, reason, settleBy), settleBy);
    }

    /** Releases the kill switch of every other running Faultline (each also removes its own home's latch). */
    public List<HaltAnswer> release(String reason) throws IOException {
        Instant by = Instant.now().plus(answerWithin);
        return askAll(peer -> true, peer -> simple(peer, "RELEASE\t" + reason, by, "RELEASED"), by);
    }

    /** Which other Faultlines answer at all within the bound. */
    public List<HaltAnswer> ping() throws IOException {
        Instant by = Instant.now().plus(answerWithin);
        return askAll(peer -> true, peer -> simple(peer, "PING", by, "PONG"), by);
    }

    private List<HaltAnswer> askAll(Predicate<HaltPeer> whom, Function<HaltPeer, HaltAnswer> ask, Instant by)
            throws IOException {
        List<HaltPeer> peers = rendezvous.peers().stream().filter(whom).toList();
        if (peers.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(peers.size(), 16), threads);
        try {
            List<Future<HaltAnswer>> asked =
                    peers.stream().map(p -> pool.submit(() -> ask.apply(p))).toList();
            List<HaltAnswer> answers = new ArrayList<>();
            for (int i = 0; i < peers.size(); i++) {
                answers.add(await(asked.get(i), peers.get(i), by));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private HaltAnswer await(Future<HaltAnswer> asked, HaltPeer peer, Instant by) {
        // Each call bounds its own waits; this only guards against a bug there.
        long left = Math.max(0, Duration.between(Instant.now(), by).toMillis()) + answerWithin.toMillis() + 1_000;
        try {
            return asked.get(left, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return silent(peer, "not asked: interrupted");
        } catch (ExecutionException | TimeoutException e) {
            asked.cancel(true);
            return silent(peer, "no answer: " + e.getMessage());
        }
    }

    private HaltAnswer haltOne(HaltPeer peer, String reason, Instant settleBy) {
        Instant answerBy = Instant.now().plus(answerWithin);
        try (LineChannel line = LineChannel.connect(UnixDomainSocketAddress.of(peer.socket()), answerBy)) {
            line.writeLine("HALT\t" + reason, answerBy);
            Optional<String> engaged = line.readLine(answerBy);
            if (engaged.isEmpty() || !engaged.get().startsWith("ENGAGED")) {
                return silent(peer, "answered '" + engaged.orElse("") + "' instead of engaging");
            }
            Optional<Path> home = field(engaged.get(), 2).map(Path::of).or(peer::home);
            try {
                Optional<String> done = line.readLine(settleBy);
                String[] d = done.orElse("").split("\t");
                if (d.length >= 3 && d[0].equals("DONE")) {
                    int faults = Integer.parseInt(d[1]);
                    int open = Integer.parseInt(d[2]);
                    String words = faults < 0
                            ? "halted; its reverts did not end in time"
                            : faults == 0
                                    ? "halted; it had no fault in effect"
                                    : open == 0
                                            ? "halted; reverted its " + faults + " fault(s), all confirmed gone"
                                            : "halted; " + open + " of its " + faults
                                                    + " fault(s) NOT reverted or not confirmed gone";
                    return new HaltAnswer(peer, true, home, words, faults >= 0 && open == 0);
                }
                return new HaltAnswer(peer, true, home, "halted; it closed before saying how its reverts went", false);
            } catch (LineChannel.TimeoutIOException e) {
                return new HaltAnswer(peer, true, home, "halted; still reverting when we stopped waiting", false);
            }
        } catch (IOException e) {
            return silent(peer, why(peer, e));
        }
    }

    private HaltAnswer simple(HaltPeer peer, String request, Instant by, String expected) {
        try (LineChannel line = LineChannel.connect(UnixDomainSocketAddress.of(peer.socket()), by)) {
            line.writeLine(request, by);
            Optional<String> answer = line.readLine(by);
            if (answer.isPresent() && answer.get().startsWith(expected)) {
                Optional<Path> home = field(answer.get(), 3).map(Path::of).or(peer::home);
                String words = expected.equals("RELEASED")
                        ? (field(answer.get(), 2).orElse("").equals("true") ? "released" : "was not engaged")
                        : "answers"
                                + (field(answer.get(), 2).orElse("").equals("true") ? " (kill switch engaged)" : "");
                return new HaltAnswer(peer, true, home, words, true);
            }
            return silent(peer, "answered '" + answer.orElse("") + "'");
        } catch (IOException e) {
            return silent(peer, why(peer, e));
        }
    }

    private String why(HaltPeer peer, IOException e) {
        if (peer.state() == ProcessState.STOPPED) {
            return "is stopped (SIGSTOP): it did not answer; the request waits on its socket and takes effect if it resumes";
        }
        if (e instanceof LineChannel.TimeoutIOException) {
            return "did not answer within " + answerWithin.toMillis() + " ms";
        }
        return "could not be reached: " + e.getMessage();
    }

    private static HaltAnswer silent(HaltPeer peer, String why) {
        return new HaltAnswer(peer, false, peer.home(), why, false);
    }

    private static Optional<String> field(String line, int i) {
        String[] parts = line.split("\t");
        return parts.length > i && !parts[i].isBlank() ? Optional.of(parts[i]) : Optional.empty();
    }
}
