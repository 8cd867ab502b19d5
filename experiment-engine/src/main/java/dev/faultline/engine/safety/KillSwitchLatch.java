package dev.faultline.engine.safety;

import dev.faultline.engine.DiskErrors;
import dev.faultline.engine.spi.run.HaltReason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

/**
 * The engaged state of the kill switch, kept in a file so that it holds across processes and
 * restarts, like an emergency stop: {@code faultline halt} in one terminal engages it for every
 * Faultline on the machine, and it stays engaged until someone releases it with a reason. Each
 * engagement and release is also appended to a history file.
 */
public final class KillSwitchLatch {
    private final Path file;
    private final Path history;

    public KillSwitchLatch(Path file) {
        this.file = file;
        this.history = file.resolveSibling(file.getFileName() + ".history");
    }

    /**
     * @param reason as the halt said it, with its source: "kill switch: pressed in the app"
     */
    public record Engagement(Instant at, String reason, long pid) {
        /**
         * The reason said once, for a sentence that already names the kill switch: "the kill switch
         * is engaged (pressed in the app)", not "(kill switch: pressed in the app)". A reason of
         * another source keeps its source ("stop condition: ...") unless its words name it again.
         */
        public String detail() {
            for (HaltReason.Source s : HaltReason.Source.values()) {
                String word = s.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
                if (reason.startsWith(word + ": ")) {
                    String rest = reason.substring(word.length() + 2);
                    return s == HaltReason.Source.KILL_SWITCH || rest.startsWith(word) ? rest : reason;
                }
            }
            return reason;
        }
    }

    /**
     * Writes the latch (a new file moved into place, so readers see all of it or nothing).
     *
     * @throws UncheckedIOException when it could not be written (a full disk): one line, what to do
     */
    public void engage(Engagement e) {
        String text = e.at() + "\t" + e.pid() + "\t" + oneLine(e.reason()) + "\n";
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp" + e.pid());
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException ex) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException ex) {
            deleteQuietly(tmp);
            throw new UncheckedIOException(DiskErrors.describe("cannot write the kill switch latch", file, ex), ex);
        }
        try {
            appendHistory("engaged\t" + text);
        } catch (IOException ex) {
            // The latch holds; only its history misses a line.
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a stray temporary file is harmless: the next engagement replaces it
        }
    }

    public Optional<Engagement> read() {
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            String[] parts =
                    Files.readString(file, StandardCharsets.UTF_8).strip().split("\t", 3);
            if (parts.length < 3) {
                return Optional.of(new Engagement(Instant.EPOCH, "unreadable latch file " + file, 0));
            }
            return Optional.of(new Engagement(Instant.parse(parts[0]), parts[2], Long.parseLong(parts[1])));
        } catch (IOException | RuntimeException e) {
            // An unreadable latch still means engaged: fail safe.
            return Optional.of(new Engagement(Instant.EPOCH, "unreadable latch file " + file, 0));
        }
    }

    /** Releases the latch; returns false when it was not engaged. */
    public boolean release(String reason, Instant at) {
        try {
            boolean was = Files.deleteIfExists(file);
            if (was) {
                appendHistory("released\t" + at + "\t" + ProcessHandle.current().pid() + "\t" + oneLine(reason) + "\n");
            }
            return was;
        } catch (IOException e) {
            throw new UncheckedIOException(DiskErrors.describe("cannot remove the kill switch latch", file, e), e);
        }
    }

    private void appendHistory(String line) throws IOException {
        Files.writeString(history, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\t', ' ');
    }
}
