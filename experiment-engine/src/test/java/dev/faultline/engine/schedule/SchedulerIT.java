package dev.faultline.engine.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.schedule.ScheduleDecision.Kind;
import dev.faultline.engine.store.FaultlineStore;
import dev.faultline.engine.store.ScheduleStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduler's decisions on a clock the test moves (no waiting for real minutes), over a real H2
 * store in a temporary folder. The runs are the test's: each start is recorded and ended when the
 * test says, so overlap and restarts can be driven exactly.
 */
class SchedulerIT {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @TempDir
    Path dir;

    private FaultlineStore store;
    private final MovingClock clock = new MovingClock(Instant.parse("2026-03-27T12:00:00Z"));
    private final Gate gate = new Gate();
    private final Runs runs = new Runs();
    private final List<ScheduleDecision> log = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() throws Exception {
        store = FaultlineStore.open(dir.resolve("faultline"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Scheduler scheduler() {
        return new Scheduler(store.schedules(), gate, runs, clock, log::add);
    }

    private Schedule schedule(String name, String cron, MissedRun missed) {
        return new Schedule(
                name,
                "/runbooks/" + name + ".yaml",
                CronTimes.parse(cron),
                BERLIN,
                "",
                null,
                Set.of(),
                missed,
                clock.instant());
    }

    private List<Kind> kinds(List<ScheduleDecision> ds) {
        return ds.stream().map(ScheduleDecision::kind).toList();
    }

    @Test
    void firesAtNineBerlinTimeOnBothSidesOfTheMarchAndOctoberChanges() throws Exception {
        ScheduleStore book = store.schedules();
        book.add(schedule("morning", "0 9 * * *", MissedRun.SKIP));
        Scheduler s = scheduler();
        List<Instant> fired = new ArrayList<>();
        // every 30 s from Saturday 28 March 07:55Z to Monday 30 March 07:05Z, and the same in October:
        // 09:00 CET is 08:00Z before the change, 09:00 CEST 07:00Z after it
        for (String[] span : new String[][] {
            {"2026-03-28T07:55:00Z", "2026-03-28T08:05:00Z"},
            {"2026-03-29T06:55:00Z", "2026-03-29T08:05:00Z"},
            {"2026-03-30T06:55:00Z", "2026-03-30T07:05:00Z"},
        }) {
            fired.addAll(tickThrough(s, span[0], span[1]));
        }
        assertThat(fired)
                .containsExactly(
                        Instant.parse("2026-03-28T08:00:00Z"),
                        Instant.parse("2026-03-29T07:00:00Z"),
                        Instant.parse("2026-03-30T07:00:00Z"));
        // October: resume from just before (times in between are not the test's business)
        book.setPaused("morning", true, clock.instant());
        clock.set(Instant.parse("2026-10-24T06:00:00Z"));
        book.setPaused("morning", false, clock.instant());
        fired.clear();
        for (String[] span : new String[][] {
            {"2026-10-24T06:55:00Z", "2026-10-24T07:05:00Z"},
            {"2026-10-25T06:55:00Z", "2026-10-25T08:05:00Z"},
        }) {
            fired.addAll(tickThrough(s, span[0], span[1]));
        }
        assertThat(fired).containsExactly(Instant.parse("2026-10-24T07:00:00Z"), Instant.parse("2026-10-25T08:00:00Z"));
        assertThat(log).allMatch(d -> d.kind() == Kind.FIRED || d.kind() == Kind.FINISHED);
    }

    /** Ticks every 30 s through [from, to], ending each run at once; the cron times that fired. */
    private List<Instant> tickThrough(Scheduler s, String from, String to) throws Exception {
        List<Instant> fired = new ArrayList<>();
        for (Instant t = Instant.parse(from); !t.isAfter(Instant.parse(to)); t = t.plusSeconds(30)) {
            clock.set(t);
            for (ScheduleDecision d : s.tick()) {
                if (d.kind() == Kind.FIRED) {
                    fired.add(d.due());
                    assertThat(Duration.between(d.due(), d.at())).isLessThanOrEqualTo(Scheduler.ON_TIME);
                }
            }
            runs.endAll("HELD");
        }
        return fired;
    }

    @Test
    void skipsItsTimeWhileTheKillSwitchIsLatchedAndRunsAtTheNextOneAfterTheRelease() throws Exception {
        store.schedules().add(schedule("hourly", "0 * * * *", MissedRun.RUN_ONCE));
        Scheduler s = scheduler();
        gate.latched = "the kill switch is engaged since 12:30 (faultline halt: payments are down)";
        clock.set(Instant.parse("2026-03-27T13:00:10Z"));
        List<ScheduleDecision> ds = s.tick();
        assertThat(kinds(ds)).containsExactly(Kind.SKIPPED_LATCHED);
        assertThat(ds.get(0).detail()).contains("kill switch is engaged");
        assertThat(runs.started).isEmpty();
        // still latched a minute later: nothing new is decided about the same time (it is not caught up either)
        clock.set(Instant.parse("2026-03-27T13:05:00Z"));
        assertThat(s.tick()).isEmpty();
        gate.latched = null;
        clock.set(Instant.parse("2026-03-27T13:30:00Z"));
        assertThat(s.tick()).isEmpty();
        clock.set(Instant.parse("2026-03-27T14:00:05Z"));
        assertThat(kinds(s.tick())).containsExactly(Kind.FIRED);
        assertThat(runs.started).containsExactly("hourly@2026-03-27T14:00:00Z");
    }

    @Test
    void neverStartsTwoAtOnceNorWhileAnotherRunOrGameDayIsInProgress() throws Exception {
        store.schedules().add(schedule("a-every-minute", "* * * * *", MissedRun.SKIP));
        store.schedules().add(schedule("b-every-minute", "* * * * *", MissedRun.SKIP));
        Scheduler s = scheduler();
        clock.set(Instant.parse("2026-03-27T12:01:00Z"));
        // both due at 12:01: the first by name starts, the second finds it running
        assertThat(kinds(s.tick())).containsExactly(Kind.FIRED, Kind.SKIPPED_BUSY);
        assertThat(runs.started).hasSize(1);
        clock.set(Instant.parse("2026-03-27T12:02:00Z"));
        List<ScheduleDecision> ds = s.tick();
        assertThat(kinds(ds)).containsExactly(Kind.SKIPPED_BUSY, Kind.SKIPPED_BUSY);
        assertThat(ds.get(0).detail()).contains("'a-every-minute' is still in progress");
        assertThat(runs.started).hasSize(1);
        runs.endAll("HELD");
        assertThat(s.running()).isFalse();
        // a run in another Faultline (or a GameDay) keeps both from starting too
        gate.busy = "run 20260327-120230-ab12 of payment-latency-holds (process 4242)";
        clock.set(Instant.parse("2026-03-27T12:03:00Z"));
        ds = s.tick();
        assertThat(kinds(ds)).containsExactly(Kind.SKIPPED_BUSY, Kind.SKIPPED_BUSY);
        assertThat(ds.get(1).detail()).contains("payment-latency-holds");
        gate.busy = null;
        clock.set(Instant.parse("2026-03-27T12:04:00Z"));
        assertThat(kinds(s.tick())).containsExactly(Kind.FIRED, Kind.SKIPPED_BUSY);
        assertThat(runs.started).hasSize(2);
    }

    @Test
    void aRestartNeverRunsAMissedTimeTwiceAndTwoSchedulersNeverTakeTheSameTime() throws Exception {
        store.schedules().add(schedule("nightly", "0 3 * * *", MissedRun.RUN_ONCE));
        store.schedules().add(schedule("skipping", "0 3 * * *", MissedRun.SKIP));
        // the machine was off from before 03:00 on 28 and 29 March until 10:00 on the 29th
        clock.set(Instant.parse("2026-03-29T08:00:00Z"));
        Scheduler first = scheduler();
        List<ScheduleDecision> ds = first.tick();
        assertThat(kinds(ds)).containsExactly(Kind.CAUGHT_UP, Kind.MISSED);
        assertThat(ds.get(0).detail()).contains("once for 2 missed times");
        assertThat(ds.get(1).detail()).contains("2 of its times passed").contains("not run");
        assertThat(runs.started).containsExactly("nightly@2026-03-29T01:00:00Z");
        // the process dies mid-run (the run never ends here); a new one opens the same database
        store.close();
        store = FaultlineStore.open(dir.resolve("faultline"));
        clock.set(Instant.parse("2026-03-29T08:10:00Z"));
        Scheduler second = scheduler();
        assertThat(second.tick()).isEmpty();
        assertThat(runs.started).hasSize(1);
        assertThat(store.schedules().decisions("nightly", 10))
                .extracting(ScheduleDecision::kind)
                .containsExactly(Kind.CAUGHT_UP);
        // two schedulers on one database at the next time: one of them takes it
        clock.set(Instant.parse("2026-03-30T01:00:00Z"));
        Scheduler third = scheduler();
        List<ScheduleDecision> both = new ArrayList<>(second.tick());
        both.addAll(third.tick());
        assertThat(both.stream().filter(d -> d.schedule().equals("nightly")).map(ScheduleDecision::kind))
                .containsExactly(Kind.FIRED);
        assertThat(runs.started).hasSize(2);
    }

    @Test
    void theRunsEndAndRefusalAreRecordedAsTheLastResult() throws Exception {
        store.schedules().add(schedule("hourly", "0 * * * *", MissedRun.SKIP));
        Scheduler s = scheduler();
        clock.set(Instant.parse("2026-03-27T13:00:00Z"));
        s.tick();
        runs.endAll("DEVIATED");
        ScheduleState st = store.schedules().find("hourly").orElseThrow().state();
        assertThat(st.lastOutcome()).isEqualTo("DEVIATED");
        assertThat(st.lastRunId()).isEqualTo("run-1");
        assertThat(st.lastFire()).isEqualTo(Instant.parse("2026-03-27T13:00:00Z"));
        assertThat(log.getLast().line()).isEqualTo("finished: run run-1 DEVIATED: as the test said");
        runs.refuse = "sandbox is taken by faultline run other (process 99)";
        clock.set(Instant.parse("2026-03-27T14:00:00Z"));
        s.tick();
        assertThat(log.getLast().kind()).isEqualTo(Kind.REFUSED);
        assertThat(store.schedules().find("hourly").orElseThrow().state().lastOutcome())
                .isEqualTo(ScheduledOutcome.REFUSED);
        assertThat(s.running()).isFalse();
    }

    @Test
    void skippedDaysAndTheWindowSkipATimeAndPausedTimesAreNotCaughtUp() throws Exception {
        Schedule guarded = new Schedule(
                "office-hours",
                "/r.yaml",
                CronTimes.parse("0 * * * *"),
                BERLIN,
                "",
                TimeWindow.parse("09:00-17:00"),
                Days.parse("sat,sun"),
                MissedRun.RUN_ONCE,
                clock.instant());
        store.schedules().add(guarded);
        Scheduler s = scheduler();
        clock.set(Instant.parse("2026-03-27T17:00:00Z")); // Friday 18:00 CET
        List<ScheduleDecision> ds = s.tick();
        assertThat(kinds(ds)).containsExactly(Kind.SKIPPED_GUARD);
        assertThat(ds.get(0).detail()).isEqualTo("18:00 is outside the window 09:00-17:00 (4 earlier time(s) missed)");
        clock.set(Instant.parse("2026-03-28T09:00:00Z")); // Saturday 10:00 CET: caught up, but a skipped day
        assertThat(s.tick().getFirst().detail()).startsWith("Saturday is a skipped day");
        store.schedules().setPaused("office-hours", true, clock.instant());
        clock.set(Instant.parse("2026-03-30T09:00:00Z")); // Monday 11:00 CEST
        assertThat(s.tick()).isEmpty();
        store.schedules().setPaused("office-hours", false, clock.instant());
        clock.set(Instant.parse("2026-03-30T09:30:00Z"));
        assertThat(s.tick()).isEmpty(); // nothing from the paused days is run
        clock.set(Instant.parse("2026-03-30T10:00:00Z"));
        assertThat(kinds(s.tick())).containsExactly(Kind.FIRED);
        assertThat(store.schedules().find("office-hours").orElseThrow().nextRun(clock.instant()))
                .hasValue(Instant.parse("2026-03-30T11:00:00Z"));
    }

    /** A clock the test moves. */
    static final class MovingClock extends Clock {
        private volatile Instant now;

        MovingClock(Instant start) {
            now = start;
        }

        void set(Instant t) {
            now = t;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** The kill switch's latch and the runs of other Faultlines, as the test sets them. */
    static final class Gate implements RunGate {
        volatile @Nullable String latched;
        volatile @Nullable String busy;

        @Override
        public Optional<String> latched() {
            return Optional.ofNullable(latched);
        }

        @Override
        public Optional<String> busy() {
            return Optional.ofNullable(busy);
        }
    }

    /** Runs started by the scheduler: recorded, each ended when the test says. */
    static final class Runs implements ScheduledRunLauncher {
        final List<String> started = new CopyOnWriteArrayList<>();
        private final List<CompletableFuture<ScheduledOutcome>> open = new CopyOnWriteArrayList<>();
        volatile @Nullable String refuse;

        @Override
        public CompletableFuture<ScheduledOutcome> start(Schedule schedule, Instant due, Consumer<String> startedRun) {
            String no = refuse;
            if (no != null) {
                return CompletableFuture.completedFuture(new ScheduledOutcome(null, ScheduledOutcome.REFUSED, no));
            }
            started.add(schedule.name() + "@" + due);
            String id = "run-" + started.size();
            startedRun.accept(id);
            CompletableFuture<ScheduledOutcome> f = new CompletableFuture<>();
            open.add(f);
            return f.thenApply(outcome -> new ScheduledOutcome(id, outcome.outcome(), outcome.summary()));
        }

        void endAll(String outcome) {
            for (CompletableFuture<ScheduledOutcome> f : open) {
                f.complete(new ScheduledOutcome(null, outcome, "as the test said"));
            }
            open.clear();
        }
    }
}
