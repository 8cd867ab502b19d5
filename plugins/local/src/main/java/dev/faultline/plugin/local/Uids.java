package dev.faultline.plugin.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.OptionalInt;

/** User ids: the one Faultline runs as, a file's owner, a process's owner (Linux /proc). */
final class Uids {
    private static final OptionalInt SELF = effective("self").isPresent() ? effective("self") : ofNewFile();

    private Uids() {}

    /** The effective uid of this process; empty where the system has no uids (Windows). */
    static OptionalInt self() {
        return SELF;
    }

    /** A file's owner, the file itself and not what a link points to. */
    static int owner(Path file) throws IOException {
        return (Integer) Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * The uid a process runs as: its effective uid, or its real uid where that differs from ours
     * (from the {@code Uid:} line of /proc/PID/status); empty when it cannot be read.
     */
    static OptionalInt ofProcess(long pid) {
        int[] ids = ids(Long.toString(pid));
        if (ids.length < 2) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(SELF.isPresent() && ids[1] == SELF.getAsInt() ? ids[0] : ids[1]);
    }

    private static OptionalInt effective(String pid) {
        int[] ids = ids(pid);
        return ids.length < 2 ? OptionalInt.empty() : OptionalInt.of(ids[1]);
    }

    /** Real, effective, saved and file-system uid of a process; empty when unreadable. */
    private static int[] ids(String pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", pid, "status"), StandardCharsets.UTF_8)) {
                if (line.startsWith("Uid:")) {
                    String[] f = line.substring(4).trim().split("\\s+");
                    int[] ids = new int[f.length];
                    for (int i = 0; i < f.length; i++) {
                        ids[i] = Integer.parseInt(f[i]);
                    }
                    return ids;
                }
            }
        } catch (IOException | RuntimeException e) {
            return new int[0]; // ended meanwhile, or no /proc here
        }
        return new int[0];
    }

    /** Without /proc (macOS): the owner of a file this process creates; empty without uids (Windows). */
    private static OptionalInt ofNewFile() {
        try {
            Path probe = Files.createTempFile("faultline-uid-", ".tmp");
            try {
                return OptionalInt.of(owner(probe));
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return OptionalInt.empty();
        }
    }
}
