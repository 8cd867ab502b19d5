package dev.faultline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code faultline schedule ...} on a home in a temporary folder: located one-line refusals, the list, export, systemd unit. */
class ScheduleCommandTest {
    @TempDir
    Path home;

    private static final String POD_KILL =
            Cli.repo().resolve("runbooks/chaos-mesh/payment-pod-kill.yaml").toString();

    @Test
    void addListPauseResumeExportAndRemoveWithOneLineRefusals() throws Exception {
        Cli badZone =
                Cli.run(home, "schedule", "add", "x", POD_KILL, "--cron", "0 9 * * MON", "--zone", "Mars/Olympus");
        assertThat(badZone.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(badZone.err())
                .isEqualTo("faultline: --zone 'Mars/Olympus' is not a time zone (e.g. Europe/Berlin, UTC)\n");
        Cli unknownEnv = Cli.run(home, "schedule", "add", "x", POD_KILL, "--cron", "0 9 * * MON");
        assertThat(unknownEnv.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(unknownEnv.err()).startsWith("faultline: unknown environment 'staging'");
        Cli badDays = Cli.run(
                home,
                "schedule",
                "add",
                "x",
                POD_KILL,
                "--cron",
                "0 9 * * *",
                "--environment",
                "sandbox",
                "--skip-days",
                "someday");
        assertThat(badDays.err()).contains("'someday' is not a day of the week");

        Cli add = Cli.run(
                home,
                "schedule",
                "add",
                "weekly-pod-kill",
                POD_KILL,
                "--cron",
                "0 9 * * MON",
                "--zone",
                "Europe/Berlin",
                "--environment",
                "sandbox",
                "--window",
                "08:00-18:00",
                "--missed",
                "run-once");
        assertThat(add.exit()).as(add.err()).isZero();
        assertThat(Cli.run(
                                home,
                                "schedule",
                                "add",
                                "weekly-pod-kill",
                                POD_KILL,
                                "--cron",
                                "0 9 * * *",
                                "--environment",
                                "sandbox")
                        .err())
                .contains("a schedule named 'weekly-pod-kill' exists");

        Cli list = Cli.run(home, "schedule", "list");
        assertThat(list.out())
                .contains("weekly-pod-kill      0 9 * * MON        Europe/Berlin")
                .contains("not run yet")
                .contains("· in sandbox · window 08:00-18:00 · missed: run-once");
        assertThat(Cli.run(home, "schedule", "pause", "weekly-pod-kill").exit()).isZero();
        assertThat(Cli.run(home, "schedule", "list").out()).contains("paused");
        assertThat(Cli.run(home, "schedule", "resume", "weekly-pod-kill").out())
                .startsWith("schedule 'weekly-pod-kill' resumed; next run ");

        Path out = home.resolve("weekly-pod-kill.yaml");
        Cli export =
                Cli.run(home, "schedule", "export", "weekly-pod-kill", "--format", "chaos-mesh", "-o", out.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(Files.readString(out)).contains("kind: \"Schedule\"").contains("CRON_TZ=Europe/Berlin 0 9 * * MON");
        assertThat(export.err()).contains("note: hypothesis, stop conditions").contains("time window: not carried");
        assertThat(Cli.run(home, "schedule", "export", "weekly-pod-kill", "--format", "gremlin")
                        .err())
                .contains("no schedule export to 'gremlin' (formats: chaos-mesh)");

        Cli unknown = Cli.run(home, "schedule", "remove", "nightly");
        assertThat(unknown.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(unknown.err()).isEqualTo("faultline: no schedule named 'nightly' (schedules: weekly-pod-kill)\n");
        assertThat(Cli.run(home, "schedule", "remove", "weekly-pod-kill").exit())
                .isZero();
        assertThat(Cli.run(home, "schedule", "list").out()).startsWith("no schedules");
    }

    @Test
    void theSystemdUnitStartsTheSchedulerOfThisHomeAndStopsItWithTimeForARollback() throws Exception {
        Path unit = home.resolve("units/faultline-scheduler.service");
        Cli c = Cli.run(
                home, "scheduler", "--systemd-unit", unit.toString(), "--command", "/opt/faultline/bin/faultline");
        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(c.out()).contains("systemctl --user daemon-reload && systemctl --user enable --now");
        assertThat(Files.readString(unit))
                .contains("ExecStart=/opt/faultline/bin/faultline scheduler\n")
                .contains("Environment=FAULTLINE_HOME=" + home.toAbsolutePath() + "\n")
                .contains("KillSignal=SIGTERM\n")
                .contains("TimeoutStopSec=150\n")
                .contains("WantedBy=default.target\n");
        assertThat(SystemdUnit.quoted("/home/a b/faultline")).isEqualTo("\"/home/a b/faultline\"");
    }

    @Test
    void theUnitStartsTheLauncherInUseTheInstalledOneOrTheCheckoutsOwnBeforeOneOnThePath() throws Exception {
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path onPath = Files.writeString(bin.resolve("faultline"), "#!/bin/sh\n");
        assertThat(onPath.toFile().setExecutable(true)).isTrue();
        java.util.Map<String, String> props = new java.util.HashMap<>();

        assertThat(SystemdUnit.launcher(props::get, bin.toString())).isEqualTo(onPath);
        props.put("faultline.launcher", "/src/faultline/faultline"); // ./faultline names itself
        assertThat(SystemdUnit.launcher(props::get, bin.toString())).isEqualTo(Path.of("/src/faultline/faultline"));
        props.put("jpackage.app-path", "/opt/faultline/bin/faultline");
        assertThat(SystemdUnit.launcher(props::get, bin.toString())).isEqualTo(Path.of("/opt/faultline/bin/faultline"));
        assertThat(SystemdUnit.launcher(k -> null, home.resolve("empty").toString()))
                .isNull();
    }
}
