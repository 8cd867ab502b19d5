package dev.faultline.app.cli;

import dev.faultline.app.session.RunSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * {@code faultline scheduler --systemd-unit}: a systemd user unit that keeps {@code faultline
 * scheduler} running for this user and this Faultline home (docs/cli.md, "Keeping the scheduler
 * running"). Written, never installed or started: the command says how.
 */
final class SystemdUnit {
    static final String NAME = "faultline-scheduler.service";

    private SystemdUnit() {}

    /** The unit's text: the launcher, the home, stop by SIGTERM with time for a run's rollback. */
    static String text(Path launcher, Path home) {
        long stopSeconds = RunSession.SIGNAL_WAIT.toSeconds() + 30;
        return "# Written by 'faultline scheduler --systemd-unit'. Runs the schedules of " + home + "\n"
                + "[Unit]\n"
                + "Description=Faultline scheduler (recurring chaos experiments)\n"
                + "After=network-online.target\n"
                + "\n"
                + "[Service]\n"
                + "Type=simple\n"
                + "Environment=FAULTLINE_HOME=" + quoted(home.toString()) + "\n"
                + "ExecStart=" + quoted(launcher.toString()) + " scheduler\n"
                + "# SIGTERM halts a run in progress and waits for its rollback (at most "
                + RunSession.SIGNAL_WAIT.toSeconds() + " s)\n"
                + "KillSignal=SIGTERM\n"
                + "TimeoutStopSec=" + stopSeconds + "\n"
                + "Restart=on-failure\n"
                + "RestartSec=30\n"
                + "\n"
                + "[Install]\n"
                + "WantedBy=default.target\n";
    }

    static int write(FaultlineCommand root, String file, @Nullable Path command) throws IOException {
        Path launcher = command != null ? command : launcher();
        if (launcher == null) {
            root.err()
                    .println("faultline: cannot tell where the faultline launcher is; pass it with --command PATH"
                            + " (e.g. --command /opt/faultline/bin/faultline)");
            return ExitCodes.INVALID_INPUT;
        }
        Path out = file.isEmpty()
                ? Path.of(System.getProperty("user.home"), ".config", "systemd", "user", NAME)
                : Path.of(file);
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(
                out, text(launcher.toAbsolutePath(), root.home().root().toAbsolutePath()), StandardCharsets.UTF_8);
        root.out().println("systemd user unit written to " + out);
        root.out()
                .println(
                        "start it now and at every login:  systemctl --user daemon-reload && systemctl --user enable --now "
                                + NAME);
        root.out()
                .println("keep it running while you are logged out:  loginctl enable-linger "
                        + System.getProperty("user.name"));
        root.out().println("its log:  journalctl --user -u " + NAME + " -f");
        return ExitCodes.OK;
    }

    /**
     * The installed launcher (jpackage's), else the source checkout's {@code ./faultline} (which
     * names itself in {@code faultline.launcher}), else {@code faultline} found on the PATH; null
     * when none.
     */
    static @Nullable Path launcher() {
        return launcher(System::getProperty, System.getenv("PATH"));
    }

    static @Nullable Path launcher(Function<String, @Nullable String> property, @Nullable String path) {
        for (String key : List.of("jpackage.app-path", "faultline.launcher")) {
            String app = property.apply(key);
            if (app != null && !app.isBlank()) {
                return Path.of(app);
            }
        }
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path p = Path.of(dir, "faultline");
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    /** systemd's quoting: a value with a space or quote in double quotes, backslash and quote escaped. */
    static String quoted(String s) {
        if (s.matches("[A-Za-z0-9_./:@+=-]+")) {
            return s;
        }
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
