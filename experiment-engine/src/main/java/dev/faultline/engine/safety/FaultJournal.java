package dev.faultline.engine.safety;

import dev.faultline.engine.DiskErrors;
import dev.faultline.engine.spi.BackendSettings;
import dev.faultline.engine.spi.FaultHandle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crash-safe record of injected faults: an append-only file of JSON lines, each written and
 * forced to disk (fsync) before the call returns. The intent to inject is durable before the
 * fault is sent; a later line marks it injected or reverted. Every Faultline process on the
 * machine shares the file, guarded by a file lock, so one process can find and revert the faults
 * of another that died.
 *
 * <p>Why a file and not H2: H2 delays writes (its write delay is 500 ms by default, and commits are
 * not fsynced), so a fault injected right before a {@code kill -9} could be lost from the database;
 * a forced append costs about a millisecond (see docs/benchmarks.md).
 */
public final class FaultJournal {
    private static final Logger log = LoggerFactory.getLogger(FaultJournal.class);
    static final Duration LOCK_WAIT = Duration.ofSeconds(5);

    private final Path file;
    private final ProcessOwner self;
    private final Clock clock;
    private final JournalCodec codec = new JournalCodec();
    /** Marks that could not be written (a full disk): written first by the next append that can. */
    private final List<String> unwritten = new ArrayList<>();
    /** The longest wait for another process's lock on the file (one stopped mid-write holds it for good). */
    private final Duration lockWait;

    public FaultJournal(Path file, ProcessOwner self, Clock clock) {
        this(file, self, clock, LOCK_WAIT);
    }

    FaultJournal(Path file, ProcessOwner self, Clock clock, Duration lockWait) {
        this.file = file;
        this.self = self;
        this.clock = clock;
        this.lockWait = lockWait;
    }

    public Path file() {
        return file;
    }

    /**
     * Told of every record once it is in the file (the team's shared store mirrors them, so other
     * desktops see which faults this machine holds). Never holds up the journal: a mirror that fails
     * is logged and the fault goes on.
     */
    public interface Mirror {
        /** An intent to inject, with the journal's own line for it. */
        void recorded(JournalEntry entry, String line);

        /** A later state of an entry recorded before (injected, reverted). */
        void changed(String id, JournalEntry.State state, String detail);
    }

    private volatile @Nullable Mirror mirror;

    /** Mirrors every record from now on to {@code m} (null: none). */
    public void mirrorTo(@Nullable Mirror m) {
        this.mirror = m;
    }

    /** The entry an intent line of the journal holds (a line mirrored elsewhere, read back). */
    public static JournalEntry entryOf(String intentLine) {
        JournalCodec.Line line = new JournalCodec().parse(intentLine);
        JournalEntry entry = line.entry();
        if (entry == null) {
            throw new IllegalArgumentException("not an intent line of the fault journal");
        }
        return entry;
    }

    private void mirror(java.util.function.Consumer<Mirror> tell) {
        Mirror m = mirror;
        if (m == null) {
            return;
        }
        try {
            tell.accept(m);
        } catch (RuntimeException e) {
            log.warn("the fault journal's mirror failed (the local journal has it): {}", e.getMessage());
        }
    }

    /** Records the intent to inject, durably, and returns the entry. Call before sending the fault. */
    public JournalEntry recordIntent(String runId, String step, BackendSettings settings, FaultHandle handle) {
        JournalEntry e = new JournalEntry(
                UUID.randomUUID().toString(),
                clock.instant(),
                self,
                runId,
                step,
                settings,
                handle,
                JournalEntry.State.INTENDED);
        String line = codec.intent(e);
        append(line, true);
        mirror(m -> m.recorded(e, line));
        return e;
    }

    /*
     * Transitions are written but not forced to disk: losing one to a power cut only means the
     * next start reverts that fault once more, which is harmless (reverts are idempotent). Forcing
     * them would serialise the kill switch's parallel reverts on fsync. A transition that cannot be
     * written (a full disk) throws, but is kept and written before the next record that can be;
     * this process counts it at once.
     */

    public void markInjected(String id) {
        appendOrKeep(codec.transition(id, JournalEntry.State.INJECTED, clock.instant(), ""));
        mirror(m -> m.changed(id, JournalEntry.State.INJECTED, ""));
    }

    public void markReverted(String id, String detail) {
        appendOrKeep(codec.transition(id, JournalEntry.State.REVERTED, clock.instant(), detail));
        mirror(m -> m.changed(id, JournalEntry.State.REVERTED, detail));
    }

    private void appendOrKeep(String line) {
        try {
            append(line, false);
        } catch (UncheckedIOException e) {
            synchronized (this) {
                unwritten.add(line);
            }
            throw e;
        }
    }

    /** Every fault not yet marked reverted, of any process. */
    public List<JournalEntry> openFaults() {
        return readAll().values().stream().filter(e -> e.state().isOpen()).toList();
    }

    /** How many marks wait for room to be written. */
    public synchronized int unwrittenMarks() {
        return unwritten.size();
    }

    /** Open faults whose owning process is gone: left behind by a crash. */
    public List<JournalEntry> orphans() {
        return openFaults().stream().filter(e -> !e.owner().isAlive()).toList();
    }

    /**
     * Drops closed entries from the file when no fault is open, so it does not grow forever.
     * Returns whether it did.
     */
    public boolean compactIfIdle() {
        return withLock(ch -> {
            Map<String, JournalEntry> all = parse(read(ch));
            if (all.values().stream().anyMatch(e -> e.state().isOpen())) {
                return false;
            }
            ch.truncate(0);
            ch.force(true);
            return true;
        });
    }

    /*
     * Each record starts on a line of its own and is either all there or not at all, as far as
     * readers can tell: a file that does not end with a newline (a process died mid-write) gets
     * one first, and a write that fails half-way (a full disk) is cut back to where it began, so
     * a torn line never has the next record glued to it.
     */
    private void append(String line, boolean force) {
        withLock(ch -> {
            List<String> lines = new ArrayList<>(unwritten);
            lines.add(line);
            byte[] record = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
            long end = ch.size();
            ByteBuffer buf = ByteBuffer.allocate(record.length + 1);
            if (end > 0 && !endsWithNewline(ch, end)) {
                buf.put((byte) '\n');
            }
            buf.put(record).flip();
            try {
                while (buf.hasRemaining()) {
                    ch.write(buf, end + buf.position());
                }
                if (force) {
                    ch.force(false);
                }
            } catch (IOException e) {
                cutBack(ch, end);
                throw e;
            }
            unwritten.clear();
            return null;
        });
    }

    private static boolean endsWithNewline(FileChannel ch, long size) throws IOException {
        ByteBuffer last = ByteBuffer.allocate(1);
        return ch.read(last, size - 1) == 1 && last.get(0) == '\n';
    }

    private void cutBack(FileChannel ch, long to) {
        try {
            ch.truncate(to);
        } catch (IOException e) {
            // Readers still skip the torn line, and the next append starts a new line.
            log.warn("fault journal {}: a torn line could not be cut back: {}", file, e.getMessage());
        }
    }

    private Map<String, JournalEntry> readAll() {
        if (!Files.exists(file)) {
            return Map.of();
        }
        return withLock(ch -> parse(read(ch) + "\n" + String.join("\n", unwritten)), Locked.READ_ANYWAY);
    }

    private Map<String, JournalEntry> parse(String text) {
        Map<String, JournalEntry> entries = new LinkedHashMap<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.isEmpty()) {
                continue;
            }
            try {
                JournalCodec.Line line = codec.parse(l);
                JournalEntry entry = line.entry();
                if (entry != null) {
                    entries.put(line.id(), entry);
                } else {
                    JournalEntry e = entries.get(line.id());
                    if (e != null) {
                        entries.put(
                                line.id(),
                                e.withState(JournalEntry.State.valueOf(line.op().toUpperCase(java.util.Locale.ROOT))));
                    }
                }
            } catch (RuntimeException ex) {
                // A line torn by a crash mid-write, or left by a write that failed and could not be cut back.
                log.warn("fault journal {} line {} is unreadable and was skipped: {}", file, i + 1, ex.getMessage());
            }
        }
        return entries;
    }

    private static String read(FileChannel ch) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate((int) ch.size());
        ch.position(0);
        while (buf.hasRemaining() && ch.read(buf) > 0) {
            // keep reading
        }
        return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
    }

    private interface LockedWork<T extends @Nullable Object> {
        T run(FileChannel ch) throws IOException;
    }

    /** What to do when another process keeps the lock beyond {@link #lockWait}. */
    private enum Locked {
        /** Read anyway: a record is written whole or cut back, and a torn line is skipped. */
        READ_ANYWAY,
        /** Refuse, in one line: two writers at once could interleave their records. */
        REFUSE
    }

    private <T extends @Nullable Object> T withLock(LockedWork<T> work) {
        return withLock(work, Locked.REFUSE);
    }

    /*
     * FileLock guards against other processes only; threads of this one are serialised here. The
     * wait for another process's lock is bounded: a Faultline stopped (SIGSTOP) in the middle of a
     * write keeps its lock for as long as it is stopped, and halt and recover must not wait on it.
     */
    private synchronized <T extends @Nullable Object> T withLock(LockedWork<T> work, Locked whenHeld) {
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel ch = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                FileLock lock = acquire(ch);
                if (lock == null) {
                    String held = file + " is locked by another process that has held it for more than "
                            + lockWait.toSeconds() + " s (a Faultline stopped with SIGSTOP, or hanging)";
                    if (whenHeld == Locked.REFUSE) {
                        throw new UncheckedIOException(new IOException("cannot write the fault journal: " + held
                                + "; resume or end that process (faultline halt reverts its faults) and try again"));
                    }
                    log.warn("fault journal: {}; read without the lock", held);
                    return work.run(ch);
                }
                try (lock) {
                    return work.run(ch);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(DiskErrors.describe("cannot write the fault journal", file, e), e);
        }
    }

    private @Nullable FileLock acquire(FileChannel ch) throws IOException {
        long deadline = System.nanoTime() + lockWait.toNanos();
        long pauseMillis = 2;
        while (true) {
            FileLock lock = ch.tryLock();
            if (lock != null) {
                return lock;
            }
            if (System.nanoTime() - deadline >= 0) {
                return null;
            }
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            pauseMillis = Math.min(pauseMillis * 2, 100);
        }
    }

    /** Lists entries for people, one per line. */
    public static List<String> describe(List<JournalEntry> entries) {
        List<String> out = new ArrayList<>();
        for (JournalEntry e : entries) {
            out.add(e.handle().description() + " (run " + e.runId() + ", step " + e.step() + ", backend "
                    + e.settings().backend() + ", " + e.state().name().toLowerCase(java.util.Locale.ROOT)
                    + ", owner pid " + e.owner().pid() + ")");
        }
        return out;
    }
}
