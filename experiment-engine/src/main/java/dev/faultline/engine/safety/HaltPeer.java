package dev.faultline.engine.safety;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A running Faultline process as the rendezvous knows it: its socket, named by its pid and start
 * time, and the note beside it that says which {@code FAULTLINE_HOME} it uses.
 */
public record HaltPeer(ProcessOwner owner, Path socket, Optional<Path> home) {
    public HaltPeer {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(socket, "socket");
        Objects.requireNonNull(home, "home");
    }

    public long pid() {
        return owner.pid();
    }

    public ProcessState state() {
        return owner.isAlive() ? ProcessState.of(owner.pid()) : ProcessState.GONE;
    }

    /** {@code <pid>-<start millis>.sock}; a second listener in one JVM (tests) adds {@code -<n>}. */
    static String socketName(ProcessOwner owner, int n) {
        return owner.pid() + "-" + owner.startedAt().toEpochMilli() + (n == 0 ? "" : "-" + n) + ".sock";
    }

    /** The owner named by a socket's file name, or empty when the name is not one of ours. */
    static Optional<ProcessOwner> ownerOf(Path socket) {
        String name = socket.getFileName().toString();
        if (!name.endsWith(".sock")) {
            return Optional.empty();
        }
        String[] parts = name.substring(0, name.length() - ".sock".length()).split("-");
        try {
            return parts.length == 2 || parts.length == 3
                    ? Optional.of(
                            new ProcessOwner(Long.parseLong(parts[0]), Instant.ofEpochMilli(Long.parseLong(parts[1]))))
                    : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
