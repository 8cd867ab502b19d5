package dev.faultline.engine.env;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Faultline keeps its data: {@code $FAULTLINE_HOME}, else the platform's user data folder
 * ({@code $XDG_DATA_HOME/faultline} or {@code ~/.local/share/faultline} on Linux,
 * {@code ~/Library/Application Support/Faultline} on macOS, {@code %LOCALAPPDATA%\Faultline} on Windows).
 *
 * <p>The home is the user's alone: {@link #makePrivate()} (called once at start) takes the group's and
 * others' rights off it and everything in it, and refuses a home that belongs to someone else.
 */
public record FaultlineHome(Path root) {

    public static FaultlineHome fromEnvironment() {
        return resolve(System.getenv(), System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")));
    }

    static FaultlineHome resolve(Map<String, String> env, String osName, Path userHome) {
        String explicit = env.get("FAULTLINE_HOME");
        if (explicit != null && !explicit.isBlank()) {
            return new FaultlineHome(Path.of(explicit).toAbsolutePath());
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String local = env.getOrDefault(
                    "LOCALAPPDATA", userHome.resolve("AppData/Local").toString());
            return new FaultlineHome(Path.of(local, "Faultline"));
        }
        if (os.contains("mac")) {
            return new FaultlineHome(userHome.resolve("Library/Application Support/Faultline"));
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : userHome.resolve(".local/share");
        return new FaultlineHome(base.resolve("faultline"));
    }

    /**
     * Makes the home if missing and private to the user (folders 0700, files 0600 on POSIX file
     * systems), tightening an existing one; fails when it or a file in it belongs to another user or
     * it cannot be written, with what to do. Returns warnings (files root left there), one line each.
     */
    public java.util.List<String> makePrivate() throws HomeException {
        return new PrivateHome(root).ensure();
    }

    /**
     * The H2 database file, without H2's {@code .mv.db} suffix; its passwords are in
     * {@code faultline.secret} beside it.
     */
    public Path database() {
        return root.resolve("faultline");
    }

    public Path journal() {
        return root.resolve("journal").resolve("faults.jsonl");
    }

    public Path killSwitchLatch() {
        return root.resolve("killswitch.latch");
    }

    /** Run ends that could not reach the database, recorded on the next start. */
    public Path pendingResults() {
        return root.resolve("pending-results");
    }

    public Path sandbox() {
        return root.resolve("sandbox");
    }

    /** Faultline's log files. */
    public Path logs() {
        return root.resolve("logs");
    }

    public Path environments() {
        return root.resolve("environments.yaml");
    }
}
