package dev.faultline.app.view.home;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.app.view.common.InPlace;
import dev.faultline.engine.env.Environments;
import dev.faultline.engine.runbook.RunbookLoader;
import dev.faultline.engine.schedule.CronTimes;
import dev.faultline.engine.schedule.MissedRun;
import dev.faultline.engine.schedule.Schedule;
import dev.faultline.engine.schedule.ScheduleDecision;
import dev.faultline.engine.store.FaultlineStore;
import dev.faultline.engine.store.RunRecord;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The home screen's schedules without a window, on a real H2 database: next run in the user's zone
 * (India, UTC+5:30), last result, pause and resume, and the scores of the scheduled experiment's runs
 * over time, the same scores the reports give.
 */
class SchedulesModelTest {
    static final Path RUNBOOK = Path.of("..", "runbooks", "sandbox", "payment-outage-halts.yaml")
            .toAbsolutePath()
            .normalize();
    static final Instant NOW = Instant.parse("2026-12-07T06:00:00Z");
    static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");

    @TempDir
    Path home;

    private FaultlineStore store;
    private final List<String> errors = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        store = FaultlineStore.open(home.resolve("db/faultline"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private SchedulesModel model() {
        return new SchedulesModel(
                INDIA,
                Clock.fixed(NOW, ZoneId.of("UTC")),
                () -> store,
                new RunbookLoader(),
                Environments::builtIn,
                new InPlace(),
                (what, err) -> errors.add(what + ": " + err));
    }

    private void run(long experiment, String id, Instant at, String status, String result) throws Exception {
        store.createRun(new RunRecord(id, experiment, "payment-outage-halts", "sandbox", "RUNNING", at, null, null));
        store.finishRun(id, status, at.plusSeconds(60), status, result);
    }

    @Test
    void listsEachScheduleWithItsNextRunInTheUsersZoneItsLastResultAndTheScoresOverTime() throws Exception {
        store.schedules()
                .add(new Schedule(
                        "weekly-outage",
                        RUNBOOK.toString(),
                        CronTimes.parse("0 9 * * MON"),
                        ZoneId.of("Europe/Berlin"),
                        "",
                        null,
                        Set.of(),
                        MissedRun.SKIP,
                        NOW.minusSeconds(86_400 * 14)));
        long e = store.saveExperiment("payment-outage-halts", "Payment outage", "kind: Experiment", "sha-1");
        // two runs with a score: one probe held and never left (100), one that did not hold nor recover (0 + 0)
        run(e, "run-1", NOW.minusSeconds(86_400 * 7), "HELD", """
                {"outcome":"HELD","probes":[{"held":true,"recovered":true,"during":{"outsideTolerance":0},"after":{"outsideTolerance":0}}]}""");
        run(e, "run-2", NOW.minusSeconds(3600), "DEVIATED", """
                {"outcome":"DEVIATED","probes":[{"held":false,"recovered":false}]}""");
        // an aborted run has no score
        run(e, "run-3", NOW.minusSeconds(1800), "ABORTED", "{\"outcome\":\"ABORTED\",\"probes\":[]}");
        store.schedules().started("weekly-outage", "run-2");
        store.schedules()
                .finished(
                        "weekly-outage",
                        "run-2",
                        "DEVIATED",
                        new ScheduleDecision(
                                "weekly-outage",
                                ScheduleDecision.Kind.FINISHED,
                                NOW.minusSeconds(3600),
                                NOW.minusSeconds(3500),
                                "run-2",
                                "run run-2 DEVIATED"));

        SchedulesModel m = model();
        m.refresh();
        assertThat(errors).isEmpty();
        SchedulesModel.Row row = m.rows().getFirst();
        assertThat(row.name()).isEqualTo("weekly-outage");
        assertThat(row.experiment()).isEqualTo("payment-outage-halts");
        assertThat(row.when()).isEqualTo("0 9 * * MON (Europe/Berlin)");
        // Monday 7 Dec 2026 06:00Z is 07:00 in Berlin: next run today 09:00 CET = 13:30 IST
        assertThat(row.nextRun()).isEqualTo("2026-12-07 13:30 IST");
        assertThat(row.lastResult()).isEqualTo("DEVIATED 2026-12-07 10:31 IST (run run-2)");
        assertThat(m.trends()).singleElement().satisfies(t -> {
            assertThat(t.experiment()).isEqualTo("payment-outage-halts");
            assertThat(t.points()).extracting(p -> p.runId()).containsExactly("run-1", "run-2");
            assertThat(t.points()).extracting(p -> p.score()).containsExactly(100.0, 0.0);
        });

        m.setPaused("weekly-outage", true);
        assertThat(m.rows().getFirst().paused()).isTrue();
        assertThat(m.rows().getFirst().nextRun()).isEqualTo("paused");
        m.setPaused("weekly-outage", false);
        assertThat(m.rows().getFirst().nextRun()).isEqualTo("2026-12-07 13:30 IST");
    }
}
