package dev.faultline.engine.store;

import dev.faultline.engine.DiskErrors;
import dev.faultline.engine.report.RolloutJson;
import dev.faultline.engine.spi.run.RolloutResult;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A run's end that could not (yet) be made durable in the database, kept until it is: nothing
 * about a run that ended is lost, and a run whose process ended cleanly is never shown as CRASHED.
 *
 * <p>When a run starts, room for its end is reserved on disk (a file of {@value #RESERVED} bytes,
 * forced), so that when the disk has filled up during the run (a disk-stress fault does exactly
 * that) the end is still written, in place, without a new block. The end goes there first, then to
 * the database; the file is deleted once the database has it on disk. The next start records what is
 * left here ({@link #recordInto}) before runs of dead processes are marked CRASHED. An end that
 * fits nowhere on disk is kept in memory and retried ({@link #retry}).
 */
public final class PendingResults {
    private static final Logger log = LoggerFactory.getLogger(PendingResults.class);
    static final int RESERVED = 64 * 1024;
    private static final String RUNNING = "RUNNING";

    private final Path dir;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, ObjectNode> inMemory = new LinkedHashMap<>();

    public PendingResults(Path dir) {
        this.dir = dir;
    }

    /** Where a run's start and events kept while the shared store is away go ({@link KeptWritesFile}). */
    Path unsentDir() {
        return dir.resolveSibling("unsent-writes");
    }

    /**
     * Writes into the shared store the starts and events of runs that a process of this home kept on
     * disk while the store was away and did not send before it died (first thing on a start, before
     * {@link #recordInto}); one line per file written.
     */
    public List<String> replayUnsent(FaultlineStore store) {
        return KeptWritesFile.replayLeftBehind(unsentDir(), store);
    }

    /** Reserves room for a run's end, now, while there is some. */
    void reserve(String runId) throws IOException {
        ObjectNode n = json.createObjectNode();
        n.put("runId", runId);
        n.put("status", RUNNING);
        n.put("ownerPid", ProcessHandle.current().pid());
        Files.createDirectories(dir);
        Path tmp = dir.resolve(fileName(runId) + ".tmp");
        try (FileChannel ch = FileChannel.open(
                tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            writeFully(ch, padded(json.writeValueAsString(n)));
            ch.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        move(tmp, file(runId));
    }

    /**
     * Keeps a run's end on disk: in its reserved room when there is one (shortened to what fits when
     * needed), else in a file of its own; in memory when neither can be written. Returns whether it is
     * on disk.
     */
    synchronized boolean keep(String runId, String status, Instant endedAt, String summary, String resultJson) {
        ObjectNode end = end(runId, status, endedAt, summary, resultJson);
        inMemory.remove(runId);
        try {
            write(runId, end);
            return true;
        } catch (IOException e) {
            inMemory.put(runId, end);
            log.error(
                    "run {}'s end is kept in memory only and retried: {}",
                    runId,
                    DiskErrors.describe("cannot write", dir, e));
            return false;
        }
    }

    /** The database has the run's end on disk: its kept copy goes. */
    synchronized void recorded(String runId) {
        inMemory.remove(runId);
        try {
            Files.deleteIfExists(file(runId));
        } catch (IOException e) {
            log.warn(
                    "run {} is recorded; its kept end {} could not be deleted ({}) and is recorded once more on the"
                            + " next start, which is harmless",
                    runId,
                    file(runId),
                    DiskErrors.reason(e));
        }
    }

    /** Runs whose end is kept in memory only. */
    public synchronized List<String> inMemory() {
        return List.copyOf(inMemory.keySet());
    }

    /** Tries again for every end kept in memory: the database first, else a file. Returns the run ids now safe. */
    public synchronized List<String> retry(FaultlineStore store) {
        List<String> done = new ArrayList<>();
        for (Map.Entry<String, ObjectNode> e : new ArrayList<>(inMemory.entrySet())) {
            ObjectNode n = e.getValue();
            try {
                finishIn(store, n);
                store.syncToDisk();
                done.add(e.getKey());
            } catch (StoreException dbFailed) {
                try {
                    write(e.getKey(), n);
                    done.add(e.getKey());
                } catch (IOException diskFailed) {
                    continue;
                }
            }
            inMemory.remove(e.getKey());
        }
        return done;
    }

    /**
     * Records every kept run end in the store and deletes its file; returns the run ids. A room
     * still reserved by a live process is left alone; one reserved by a process that is gone (a
     * crash) is dropped, and the run is marked CRASHED as before.
     */
    public List<String> recordInto(FaultlineStore store) throws StoreException {
        List<String> done = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return done;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            return done;
        }
        for (Path f : files) {
            try {
                JsonNode n = json.readTree(Files.readString(f, StandardCharsets.UTF_8));
                if (RUNNING.equals(n.path("status").asString())) {
                    if (!ProcessHandle.of(n.path("ownerPid").asLong())
                            .map(ProcessHandle::isAlive)
                            .orElse(false)) {
                        Files.delete(f);
                    }
                    continue;
                }
                finishIn(store, n);
                Files.delete(f);
                done.add(n.path("runId").asString());
            } catch (IOException | RuntimeException e) {
                // a damaged file stays for a person to look at; the run then shows as cut short
                log.warn("kept run end {} could not be recorded: {}", f, e.getMessage());
            }
        }
        return done;
    }

    /** Records a kept end: the rollouts' stages of its result first (as the recorder does), then the end. */
    private void finishIn(FaultlineStore store, JsonNode n) throws StoreException {
        String runId = n.path("runId").asString();
        String result = n.path("result").asString();
        if (!result.isBlank()) {
            List<RolloutResult> rollouts;
            try {
                rollouts = RolloutJson.read(json.readTree(result));
            } catch (RuntimeException damaged) {
                log.warn("run {}'s kept result has rollouts that cannot be read back: {}", runId, damaged.getMessage());
                rollouts = List.of();
            }
            store.saveRollouts(runId, rollouts);
        }
        store.finishRun(
                n.path("runId").asString(),
                n.path("status").asString(),
                Instant.parse(n.path("endedAt").asString()),
                n.path("summary").asString(),
                n.path("result").asString());
    }

    private ObjectNode end(String runId, String status, Instant endedAt, String summary, String resultJson) {
        ObjectNode n = json.createObjectNode();
        n.put("runId", runId);
        n.put("status", status);
        n.put("endedAt", endedAt.toString());
        n.put("summary", summary);
        n.put("result", resultJson);
        return n;
    }

    private void write(String runId, ObjectNode end) throws IOException {
        Path f = file(runId);
        String full = json.writeValueAsString(end);
        if (Files.isRegularFile(f) && Files.size(f) >= RESERVED && utf8(full).length <= RESERVED) {
            overwriteInPlace(f, full);
            return;
        }
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(fileName(runId) + ".tmp");
            try {
                Files.writeString(tmp, full, StandardCharsets.UTF_8);
            } catch (IOException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
            move(tmp, f);
        } catch (IOException noRoom) {
            if (!Files.isRegularFile(f) || Files.size(f) < RESERVED) {
                throw noRoom;
            }
            // Too long for the reserved room and no room for more: the outcome and summary, without the details.
            ObjectNode shortened = end.deepCopy();
            shortened.put("result", "{}");
            shortened.put(
                    "summary",
                    clip(end.path("summary").asString(), 4000) + " (the full result could not be kept: "
                            + DiskErrors.reason(noRoom) + ")");
            overwriteInPlace(f, json.writeValueAsString(shortened));
        }
    }

    /** Writes over the reserved bytes, padding with spaces: no new block is needed, so a full disk cannot refuse it. */
    private static void overwriteInPlace(Path f, String text) throws IOException {
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
            writeFully(ch, padded(text));
            ch.force(true);
        }
    }

    private static ByteBuffer padded(String text) {
        byte[] b = utf8(text);
        ByteBuffer buf = ByteBuffer.allocate(Math.max(RESERVED, b.length));
        buf.put(b);
        while (buf.hasRemaining()) {
            buf.put((byte) ' ');
        }
        return buf.flip();
    }

    private static void writeFully(FileChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            ch.write(buf, buf.position());
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private Path file(String runId) {
        return dir.resolve(fileName(runId) + ".json");
    }

    private static String fileName(String runId) {
        return runId.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
