package dev.faultline.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The mark every sandbox service carries in its environment: which sandbox it belongs to and
 * which Faultline process started it. It is set before the service is started, so a service whose
 * starter was killed before it could record it in {@code state.json} can still be found (in /proc)
 * and stopped once its owner is gone.
 */
final class SandboxMarker {
    static final String ENV = "FAULTLINE_SANDBOX";
    /** Environments are small; a bound keeps a hostile one from costing memory. */
    private static final int MAX_ENVIRON_BYTES = 256 * 1024;

    private SandboxMarker() {}

    /** A service's mark: its sandbox folder, the owner's pid and start time. */
    static String value(Path home, long ownerPid, Instant ownerStarted) {
        return ownerPid + "|" + ownerStarted.toEpochMilli() + "|"
                + home.toAbsolutePath().normalize();
    }

    static String ofThisProcess(Path home) {
        ProcessHandle self = ProcessHandle.current();
        return value(home, self.pid(), self.info().startInstant().orElse(Instant.EPOCH));
    }

    /** A running service of {@code home}'s sandbox whose owner is gone. */
    record Orphan(long pid, long ownerPid) {}

    /** The running processes marked for {@code home}'s sandbox whose owner is no longer alive (Linux /proc). */
    static List<Orphan> orphansOf(Path home) {
        String folder = home.toAbsolutePath().normalize().toString();
        List<Orphan> found = new ArrayList<>();
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return found;
        }
        try (Stream<Path> entries = Files.list(proc)) {
            for (Path p : entries.filter(e -> e.getFileName().toString().chars().allMatch(Character::isDigit))
                    .toList()) {
                long pid = Long.parseLong(p.getFileName().toString());
                mark(p.resolve("environ")).ifPresent(m -> {
                    String[] parts = m.split("\\|", 3);
                    if (parts.length == 3 && parts[2].equals(folder)) {
                        long owner = Long.parseLong(parts[0]);
                        if (!SandboxState.isAlive(owner, Instant.ofEpochMilli(Long.parseLong(parts[1])))) {
                            found.add(new Orphan(pid, owner));
                        }
                    }
                });
            }
        } catch (IOException | RuntimeException e) {
            // /proc unreadable or a mark of another shape: nothing found this way
        }
        return found;
    }

    private static Optional<String> mark(Path environ) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(environ)) {
            bytes = in.readNBytes(MAX_ENVIRON_BYTES);
        } catch (IOException e) {
            return Optional.empty(); // gone, or another user's process
        }
        String prefix = ENV + "=";
        for (String entry : new String(bytes, StandardCharsets.UTF_8).split("\0")) {
            if (entry.startsWith(prefix)) {
                return Optional.of(entry.substring(prefix.length()));
            }
        }
        return Optional.empty();
    }
}
