package dev.faultline.app.view.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.engine.env.Environment;
import dev.faultline.engine.env.Environments;
import dev.faultline.engine.runbook.RunbookLoader;
import dev.faultline.engine.schedule.Schedule;
import dev.faultline.engine.store.FaultlineStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The home screen's schedule dialog without a window: preview of the next runs, refusals by field, add and edit on a real H2 store. */
class ScheduleFormTest {
    private static final ZoneId VIEWER = ZoneId.of("Asia/Kolkata");
    /** Friday 2026-03-27 12:00 UTC: the clocks in Berlin go forward on Sunday the 29th. */
    private static final Instant NOW = Instant.parse("2026-03-27T12:00:00Z");

    @TempDir
    Path home;

    private ScheduleForm.Fields fields(Path runbook) {
        return new ScheduleForm.Fields(
                "weekday-latency", runbook.toString(), "0 9 * * *", "Europe/Berlin", "", "", "sat,sun", "skip");
    }

    @Test
    void thePreviewShowsTheNextThreeRunsInTheUsersZoneAcrossTheClockChange() throws Exception {
        ScheduleForm.Preview p = ScheduleForm.preview(fields(runbook()), NOW, VIEWER);
        // Monday 30 March 09:00 Berlin is 07:00Z after the change (12:30 IST); the weekend is skipped
        assertThat(p.problem()).isEmpty();
        assertThat(p.nextRuns())
                .containsExactly("2026-03-30 12:30 IST", "2026-03-31 12:30 IST", "2026-04-01 12:30 IST");
    }

    @Test
    void aWrongFieldIsNamedInOneLineAndThePreviewSaysIt() throws Exception {
        Path rb = runbook();
        ScheduleForm.Fields f = fields(rb);
        assertThat(ScheduleForm.preview(withCron(f, "0 25 * * *"), NOW, VIEWER).problem())
                .startsWith("cron: cron expression '0 25 * * *' is not valid: ")
                .doesNotContain("\n");
        assertThat(ScheduleForm.preview(withZone(f, "Mars/Olympus"), NOW, VIEWER)
                        .problem())
                .isEqualTo("time zone: 'Mars/Olympus' is not a time zone; write one such as Europe/Berlin or UTC");
        assertThat(ScheduleForm.preview(withCron(f, "0 9 * * SAT"), NOW, VIEWER).problem())
                .isEqualTo("cron: it never runs with these guards");
        assertThatThrownBy(() -> ScheduleForm.toSchedule(
                        new ScheduleForm.Fields(
                                "x", home.resolve("nope.yaml").toString(), "0 9 * * *", "UTC", "", "", "", "skip"),
                        NOW))
                .hasMessage("runbook: no file at " + home.resolve("nope.yaml") + "; choose an existing runbook");
        assertThatThrownBy(() -> ScheduleForm.toSchedule(
                        new ScheduleForm.Fields("Bad Name", rb.toString(), "0 9 * * *", "UTC", "", "", "", "skip"),
                        NOW))
                .hasMessageStartingWith("name: schedule name 'Bad Name' is not valid");
    }

    @Test
    void savedNewAndEditedInPlaceKeepingItsPause() throws Exception {
        Path rb = runbook();
        try (FaultlineStore store = FaultlineStore.open(home.resolve("db/faultline"))) {
            Schedule added = ScheduleForm.save(store.schedules(), fields(rb), null, NOW);
            assertThat(store.schedules().find("weekday-latency")).isPresent();
            assertThatThrownBy(() -> ScheduleForm.save(store.schedules(), fields(rb), null, NOW))
                    .hasMessage("name: a schedule named weekday-latency exists; choose another");
            store.schedules().setPaused("weekday-latency", true, NOW);

            ScheduleForm.Fields edited = ScheduleForm.of(added);
            assertThat(edited)
                    .isEqualTo(new ScheduleForm.Fields(
                            "weekday-latency",
                            rb.toAbsolutePath().toString(),
                            "0 9 * * *",
                            "Europe/Berlin",
                            "",
                            "",
                            "sat,sun",
                            "skip"));
            ScheduleForm.save(
                    store.schedules(),
                    new ScheduleForm.Fields(
                            "weekday-latency",
                            rb.toString(),
                            "30 10 * * *",
                            "UTC",
                            "staging",
                            "09:00-17:00",
                            "",
                            "run-once"),
                    "weekday-latency",
                    NOW);
            var entry = store.schedules().find("weekday-latency").orElseThrow();
            assertThat(entry.schedule().cron().expression()).isEqualTo("30 10 * * *");
            assertThat(entry.schedule().environment()).isEqualTo("staging");
            assertThat(entry.state().paused()).isTrue();
            assertThat(store.schedules().entries()).hasSize(1);
        }
    }

    @Test
    void aScheduleTheSchedulerCouldNeverRunIsRefusedAsTheCliRefusesIt() throws Exception {
        Path outage = Path.of("..", "runbooks", "sandbox", "payment-outage-halts.yaml")
                .toAbsolutePath()
                .normalize();
        RunbookLoader loader = new RunbookLoader();
        Environments envs = Environments.builtIn()
                .with(java.util.List.of(new Environment("prod", true, false, java.util.Map.of())));
        ScheduleForm.checkRunnable(ScheduleForm.toSchedule(fields(outage), NOW), loader, envs);

        assertThatThrownBy(
                        () -> ScheduleForm.checkRunnable(ScheduleForm.toSchedule(fields(runbook()), NOW), loader, envs))
                .hasMessageStartingWith("runbook: " + home.resolve("latency.yaml"))
                .hasMessageEndingWith("; fix it in the editor first")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> ScheduleForm.checkRunnable(
                        ScheduleForm.toSchedule(withEnvironment(fields(outage), "nowhere"), NOW), loader, envs))
                .hasMessage("environment: 'nowhere' is unknown (known: " + envs.names() + "); define it in Settings");
        String production = "prod";
        assertThatThrownBy(() -> ScheduleForm.checkRunnable(
                        ScheduleForm.toSchedule(withEnvironment(fields(outage), production), NOW), loader, envs))
                .hasMessage("environment: '" + production + "' is a production environment: a scheduled run has"
                        + " nobody to confirm it, so schedules never run there");
    }

    private static ScheduleForm.Fields withEnvironment(ScheduleForm.Fields f, String env) {
        return new ScheduleForm.Fields(
                f.name(), f.runbook(), f.cron(), f.zone(), env, f.window(), f.skipDays(), f.missed());
    }

    private Path runbook() throws Exception {
        Path rb = home.resolve("latency.yaml");
        Files.writeString(rb, "apiVersion: faultline.dev/v1\n");
        return rb;
    }

    private static ScheduleForm.Fields withCron(ScheduleForm.Fields f, String cron) {
        return new ScheduleForm.Fields(
                f.name(), f.runbook(), cron, f.zone(), f.environment(), f.window(), f.skipDays(), f.missed());
    }

    private static ScheduleForm.Fields withZone(ScheduleForm.Fields f, String zone) {
        return new ScheduleForm.Fields(
                f.name(), f.runbook(), f.cron(), zone, f.environment(), f.window(), f.skipDays(), f.missed());
    }
}
