package dev.faultline.engine.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run writes this process keeps while the team's shared store is away, on disk in its home
 * ({@code unsent-writes/PID.jsonl}): appended in order, one line of JSON each, forced to disk in
 * batches (at most {@link #FORCE_EVERY_MS} ms apart, and by the resending thread every second), so
 * a runner that dies before the store is back loses none of them; deleted once the store has all.
 * The next Faultline of the home writes what a dead process left ({@link #replayLeftBehind}), in
 * order, then deletes it. Bounded ({@link #MAX_BYTES}): past it the newer writes are kept in memory
 * only, and the log says so once.
 */
final class KeptWritesFile {
    private static final Logger log = LoggerFactory.getLogger(KeptWritesFile.class);
    /** What the file may hold: many hours of a run's events (a line is about 200 bytes). */
    static final long MAX_BYTES = 32L * 1024 * 1024;

    static final long FORCE_EVERY_MS = 250;

    private final Path file;
    private final long maxBytes;
    private @Nullable FileChannel channel;
    private long size;
    private long lastForce;
    private boolean full;
    private boolean broken;

    KeptWritesFile(Path dir, long maxBytes) {
        this.file = dir.resolve(ProcessHandle.current().pid() + ".jsonl");
        this.maxBytes = maxBytes;
    }

    Path path() {
        return file;
    }

    /** Appends the writes that have a disk form, in order. */
    synchronized void append(Iterable<? extends UnsentWrites.Write> writes) {
        StringBuilder lines = new StringBuilder();
        for (UnsentWrites.Write w : writes) {
            if (w instanceof KeptWrite k) {
                lines.append(k.toLine()).append('\n');
            }
        }
        if (lines.isEmpty() || full || broken) {
            return;
        }
        byte[] bytes = lines.toString().getBytes(StandardCharsets.UTF_8);
        try {
            if (size + bytes.length > maxBytes) {
                full = true;
                log.error(
                        "the run's records kept while the shared store is away no longer fit in {} ({} MiB at"
                                + " most): newer ones are kept in memory only, and are lost if this process dies"
                                + " before the store is back",
                        file,
                        maxBytes / (1024 * 1024));
                force();
                return;
            }
            FileChannel ch = open();
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            size += bytes.length;
            if (System.currentTimeMillis() - lastForce >= FORCE_EVERY_MS) {
                force();
            }
        } catch (IOException e) {
            broken = true;
            log.error(
                    "the run's records kept while the shared store is away cannot be written to {} ({}): they are"
                            + " kept in memory only",
                    file,
                    e.getMessage());
        }
    }

    /** Forces what is appended to disk (the resending thread does so every second). */
    synchronized void force() {
        FileChannel ch = channel;
        if (ch == null) {
            return;
        }
        try {
            ch.force(false);
            lastForce = System.currentTimeMillis();
        } catch (IOException e) {
            log.warn("the kept records could not be forced to {}: {}", file, e.getMessage());
        }
    }

    /** The store has all of them: the file goes. */
    synchronized void clear() {
        try {
            FileChannel ch = channel;
            channel = null;
            if (ch != null) {
                ch.close();
            }
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn(
                    "{} could not be deleted ({}): its records are in the store, and written again harmlessly"
                            + " on the next start",
                    file,
                    e.getMessage());
        }
        size = 0;
        full = false;
        broken = false;
    }

    private FileChannel open() throws IOException {
        FileChannel ch = channel;
        if (ch == null) {
            Files.createDirectories(file.getParent());
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            size = ch.size();
            channel = ch;
        }
        return ch;
    }

    /**
     * Writes into {@code store} what dead processes of this home kept on disk while the store was
     * away, each file in order, and deletes it; a file stays when the store goes away meanwhile.
     * Returns one line per file written.
     */
    static List<String> replayLeftBehind(Path dir, FaultlineStore store) {
        List<String> said = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return said;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(f -> f.getFileName().toString().endsWith(".jsonl"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            log.warn("cannot read {}: {}", dir, e.getMessage());
            return said;
        }
        for (Path f : files) {
            String name = f.getFileName().toString();
            long pid;
            try {
                pid = Long.parseLong(name.substring(0, name.length() - ".jsonl".length()));
            } catch (NumberFormatException e) {
                continue;
            }
            if (pid == ProcessHandle.current().pid()
                    || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                continue; // its process sends them itself
            }
            replay(f, store).ifPresent(said::add);
        }
        return said;
    }

    private static java.util.Optional<String> replay(Path f, FaultlineStore store) {
        String[] lines;
        try {
            lines = new String(Files.readAllBytes(f), StandardCharsets.UTF_8).split("\n");
        } catch (IOException e) {
            log.warn("cannot read {}: {}", f, e.getMessage());
            return java.util.Optional.empty();
        }
        int written = 0;
        int refused = 0;
        java.util.Set<String> runs = new java.util.LinkedHashSet<>();
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            KeptWrite w;
            try {
                w = KeptWrite.parse(lines[i]);
            } catch (IllegalArgumentException e) {
                log.warn("{} line {}: {} (a line cut short by the crash is dropped)", f, i + 1, e.getMessage());
                continue;
            }
            try {
                w.to(store);
                written++;
                runs.add(w.runId());
            } catch (StoreException e) {
                if (UnsentWrites.gone(e)) {
                    return java.util.Optional.of("the shared store went away while writing the records kept in " + f
                            + ": the rest are written on a later start");
                }
                refused++;
                log.error("{} line {} was refused by the shared store: {}", f, i + 1, e.getMessage());
            }
        }
        try {
            Files.delete(f);
        } catch (IOException e) {
            log.warn("{} is written but could not be deleted: {}", f, e.getMessage());
        }
        return java.util.Optional.of("wrote " + written + " record(s) of run " + String.join(", ", runs)
                + " kept on disk while the shared store was away"
                + (refused == 0 ? "" : "; " + refused + " refused by the store (see the log)"));
    }
}
