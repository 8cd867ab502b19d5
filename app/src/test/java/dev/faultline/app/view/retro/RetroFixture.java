package dev.faultline.app.view.retro;

import dev.faultline.app.fx.AppRetroActions;
import dev.faultline.app.view.common.InPlace;
import dev.faultline.engine.store.FaultlineStore;
import dev.faultline.engine.store.RunRecord;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A GameDay run of one experiment (halted after 40 s) at 11:00 UTC, in a real H2 database in a
 * temporary folder, shown in India (UTC+5:30) with the clock at 20:00 UTC (already the next day in
 * India): what the retrospective's view-model tests read and change.
 */
final class RetroFixture implements AutoCloseable {
    static final Instant STARTED = Instant.parse("2026-12-06T11:00:00Z");
    static final Instant NOW = Instant.parse("2026-12-06T20:00:00Z");
    static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");

    final FaultlineStore store;
    /** What the view-models reported as errors, with their messages. */
    final List<String> errors = new ArrayList<>();

    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    RetroFixture(Path home) throws Exception {
        store = FaultlineStore.open(home.resolve("db/faultline"));
        long experiment = store.saveExperiment("payment-outage-halts", "Payment outage", "kind: Experiment", "sha-1");
        store.createRun(
                new RunRecord("run-1", experiment, "payment-outage-halts", "sandbox", "RUNNING", STARTED, null, null));
        store.finishRun("run-1", "HALTED", STARTED.plusSeconds(40), "HALTED after 40s: stop condition", "{}");
        long day = store.gameDays().saveGameDay("payments", "Payments GameDay", "kind: GameDay", "sha-2");
        store.gameDays().createRun("gd-1", day, "sandbox", STARTED);
        store.gameDays().addMember("gd-1", 0, "run-1");
        store.gameDays().finishRun("gd-1", "COMPLETED", STARTED.plusSeconds(60), "");
    }

    /** The view-model over the app's retrospective actions, its work done in place, reports not written. */
    RetroViewModel model() {
        return new RetroViewModel(
                new AppRetroActions(() -> store, clock, (id, format, to) -> to),
                INDIA,
                clock,
                new InPlace(),
                (what, e) -> errors.add(what + ": " + e.getMessage()));
    }

    @Override
    public void close() {
        store.close();
    }
}
