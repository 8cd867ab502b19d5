package dev.faultline.plugin.local;

import dev.faultline.engine.model.Params;
import dev.faultline.engine.spi.BackendException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Which local processes a fault may hit, however the target named them (name, pid or pid file):
 * never pid 1, a kernel thread, Faultline itself or one of its ancestors (its shell, its launcher),
 * and a process of another user only where the environment says {@code allowOtherUsers: true}.
 * Checked in pre-flight and again when the fault goes in, since a pid file can change in between.
 */
final class TargetGuard {
    static final String ALLOW_OTHER_USERS = "allowOtherUsers";
    /** PF_KTHREAD in the flags of /proc/PID/stat. */
    private static final long KERNEL_THREAD = 0x00200000L;

    private static final long KTHREADD = 2;

    private final boolean allowOtherUsers;

    TargetGuard(boolean allowOtherUsers) {
        this.allowOtherUsers = allowOtherUsers;
    }

    /** From the local backend's settings: {@code allowOtherUsers} is {@code true} or {@code false} (the default). */
    static TargetGuard fromSettings(Params settings) throws BackendException {
        String value = settings.get(ALLOW_OTHER_USERS).orElse("false").strip();
        if (!value.equals("true") && !value.equals("false")) {
            throw new BackendException(
                    LocalBackendProvider.ID,
                    ALLOW_OTHER_USERS + " is '" + value + "': give true or false in the environment's local settings");
        }
        return new TargetGuard(value.equals("true"));
    }

    boolean allowsOtherUsers() {
        return allowOtherUsers;
    }

    /** Refuses a process no fault may hit, saying why and what to do. */
    void check(ProcessHandle p) throws BackendException {
        refuseIf(refusal(p.pid())
                .or(() -> allowOtherUsers
                        ? Optional.empty()
                        : otherUser(p.pid())
                                .map(uid -> describe(p.pid()) + " belongs to uid " + uid + ", not to uid "
                                        + Uids.self().getAsInt()
                                        + " that runs Faultline; to allow other users' processes set "
                                        + ALLOW_OTHER_USERS
                                        + ": true in the environment's local settings")));
    }

    /**
     * As {@link #check}, for a JVM the agent is attached to: always one of the Faultline user's own,
     * since the agent jar is private to that user.
     */
    void checkJvm(ProcessHandle p) throws BackendException {
        refuseIf(refusal(p.pid())
                .or(() -> otherUser(p.pid())
                        .map(uid -> "JVM " + describe(p.pid()) + " belongs to uid " + uid + ", not to uid "
                                + Uids.self().getAsInt()
                                + " that runs Faultline: the agent goes only into JVMs of Faultline's own user (its jar is"
                                + " private to that user); run Faultline as uid " + uid)));
    }

    private static void refuseIf(Optional<String> why) throws BackendException {
        if (why.isPresent()) {
            throw new BackendException(LocalBackendProvider.ID, why.get());
        }
    }

    /** Why no fault may hit this pid, whoever owns it. */
    private static Optional<String> refusal(long pid) {
        String who = describe(pid);
        if (pid == 1) {
            return Optional.of(
                    "pid 1 is the system's first process (init): pausing or killing it takes the whole machine"
                            + " or container down; target the service's own process");
        }
        if (isKernelThread(pid)) {
            return Optional.of(who + " is a kernel thread: the kernel needs it and signals do not pause it; target a"
                    + " user process");
        }
        ProcessHandle self = ProcessHandle.current();
        if (pid == self.pid()) {
            return Optional.of(who + " is Faultline itself: pausing or killing it would take its kill switch and"
                    + " reverts with it; target another process");
        }
        if (ancestors(self).contains(pid)) {
            return Optional.of(who + " is an ancestor of Faultline (the shell or launcher it runs under): pausing or"
                    + " killing it would take Faultline with it; target another process");
        }
        if (hasNoProgram(pid)) {
            return Optional.of(who + " has no program (/proc/" + pid + "/exe): a kernel thread or a process that has"
                    + " exited; target a running user process");
        }
        return Optional.empty();
    }

    /** The uid of a process of another user; empty for Faultline's own user's, or when unknown. */
    private static Optional<Integer> otherUser(long pid) {
        OptionalInt uid = Uids.ofProcess(pid);
        OptionalInt self = Uids.self();
        return uid.isPresent() && self.isPresent() && uid.getAsInt() != self.getAsInt()
                ? Optional.of(uid.getAsInt())
                : Optional.empty();
    }

    private static String describe(long pid) {
        return "pid " + pid + " (" + command(pid) + ")";
    }

    private static Set<Long> ancestors(ProcessHandle self) {
        Set<Long> out = new HashSet<>();
        for (ProcessHandle p = self.parent().orElse(null);
                p != null && out.add(p.pid());
                p = p.parent().orElse(null)) {
            // walk up to the root
        }
        return out;
    }

    /** kthreadd, its children, or the kernel-thread flag in /proc/PID/stat. */
    private static boolean isKernelThread(long pid) {
        if (pid == KTHREADD && command(pid).equals("kthreadd")) {
            return true;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8);
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ppid = Long.parseLong(f[1]);
            long flags = Long.parseLong(f[6]);
            return (flags & KERNEL_THREAD) != 0
                    || ppid == KTHREADD && command(KTHREADD).equals("kthreadd");
        } catch (IOException | RuntimeException e) {
            return false; // ended meanwhile, or no /proc here
        }
    }

    /** Only when /proc says so: the exe link of a live process is missing (another user's may be unreadable). */
    private static boolean hasNoProgram(long pid) {
        Path proc = Path.of("/proc", Long.toString(pid));
        if (!Files.isDirectory(proc)) {
            return false;
        }
        try {
            Files.readSymbolicLink(proc.resolve("exe"));
            return false;
        } catch (NoSuchFileException e) {
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String command(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "comm"), StandardCharsets.UTF_8)
                    .strip();
        } catch (IOException e) {
            return ProcessHandle.of(pid)
                    .flatMap(p -> p.info().command())
                    .map(c -> Path.of(c).getFileName().toString())
                    .orElse("?");
        }
    }
}
