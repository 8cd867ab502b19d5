package dev.faultline.engine.schedule;

import dev.faultline.engine.FaultlineException;
import dev.faultline.engine.schedule.ScheduleDecision.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, each time it is asked ({@link #tick()}), what every schedule does now, on an injected
 * {@link Clock}: a schedule whose cron time has come runs, unless a guard says no (a skipped day, the
 * time window, the kill switch engaged, another run or GameDay in progress, this scheduler's previous
 * run still going: never two at once); a time seen more than {@link #ON_TIME} late was missed and is
 * skipped or run once, as the schedule says.
 *
 * <p>Every decision is recorded before anything is started, together with the cron time it was about
 * ({@link ScheduleBook#decide}, guarded by the schedule's version), so a scheduler that stops, crashes
 * or is started twice never runs the same time twice. Thread-safe.
 */
public final class Scheduler {
    /** How late a cron time may be seen and still run as on time; later, it was missed. */
    public static final Duration ON_TIME = Duration.ofMinutes(1);

    /** At most this many past cron times are counted for one schedule in one decision. */
    private static final int MAX_COUNTED = 100_000;

    private static final Logger log = LoggerFactory.getLogger(Scheduler.class);

    private final ScheduleBook book;
    private final RunGate gate;
    private final ScheduledRunLauncher launcher;
    private final Clock clock;
    private final Consumer<ScheduleDecision> decisions;

    private record Running(String schedule, Instant due, CompletableFuture<ScheduledOutcome> done) {}

    private @Nullable Running current;

    /**
     * @param decisions told every decision as it is made (the foreground scheduler's log), on the
     *                  deciding thread or, for a run's end, the run's
     */
    public Scheduler(
            ScheduleBook book,
            RunGate gate,
            ScheduledRunLauncher launcher,
            Clock clock,
            Consumer<ScheduleDecision> decisions) {
        this.book = Objects.requireNonNull(book, "book");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.launcher = Objects.requireNonNull(launcher, "launcher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.decisions = Objects.requireNonNull(decisions, "decisions");
    }

    /** Decides about every schedule whose time has come; returns the decisions made, in order. */
    public synchronized List<ScheduleDecision> tick() throws FaultlineException {
        Instant now = clock.instant();
        List<ScheduleDecision> made = new ArrayList<>();
        for (ScheduleEntry e : book.entries()) {
            if (!e.state().paused()) {
                decide(e, now).ifPresent(made::add);
            }
        }
        return made;
    }

    /** Whether a run this scheduler started is still going. */
    public synchronized boolean running() {
        return current != null;
    }

    /** Waits (bounded) for the run this scheduler started, if any, to end; true when none is left. */
    public boolean awaitRun(Duration limit) throws InterruptedException {
        Running r;
        synchronized (this) {
            r = current;
        }
        if (r == null) {
            return true;
        }
        try {
            r.done().get(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        }
        synchronized (this) {
            return current == null;
        }
    }

    private Optional<ScheduleDecision> decide(ScheduleEntry e, Instant now) throws FaultlineException {
        Schedule s = e.schedule();
        Instant last = e.state().lastFire();
        Instant base = last != null ? last : s.created();
        Optional<Instant> first = s.cron().next(base, s.zone());
        if (first.isEmpty() || first.get().isAfter(now)) {
            return Optional.empty();
        }
        Instant latest = first.get();
        int count = 1;
        while (count < MAX_COUNTED) {
            Optional<Instant> n = s.cron().next(latest, s.zone());
            if (n.isEmpty() || n.get().isAfter(now)) {
                break;
            }
            latest = n.get();
            count++;
        }
        boolean late = Duration.between(latest, now).compareTo(ON_TIME) > 0;
        String times = count == 1 ? "" : " (" + (count - 1) + " earlier time(s) missed)";
        if (late && s.missed() == MissedRun.SKIP) {
            String what = count == 1 ? "its time passed" : count + " of its times passed";
            return record(
                    e,
                    latest,
                    decision(
                            s,
                            Kind.MISSED,
                            latest,
                            now,
                            what + " while no scheduler was running; not run (missed: skip)"));
        }
        Instant runAt = late ? now : latest;
        Kind started = late ? Kind.CAUGHT_UP : Kind.FIRED;
        Optional<String> guard = s.refusal(runAt);
        if (guard.isPresent()) {
            return record(e, latest, decision(s, Kind.SKIPPED_GUARD, latest, now, guard.get() + times));
        }
        Optional<String> latched = gate.latched();
        if (latched.isPresent()) {
            return record(e, latest, decision(s, Kind.SKIPPED_LATCHED, latest, now, latched.get() + times));
        }
        Running r = current;
        Optional<String> busy = r != null
                ? Optional.of("this scheduler's run of schedule '" + r.schedule() + "' is still in progress")
                : gate.busy();
        if (busy.isPresent()) {
            return record(e, latest, decision(s, Kind.SKIPPED_BUSY, latest, now, busy.get() + times));
        }
        String what = late
                ? "running " + s.runbook() + " once for " + (count == 1 ? "its missed time" : count + " missed times")
                        + " (missed: run-once)"
                : "running " + s.runbook() + times;
        Optional<ScheduleDecision> d = record(e, latest, decision(s, started, latest, now, what));
        if (d.isPresent()) {
            launch(s, latest);
        }
        return d;
    }

    private void launch(Schedule s, Instant due) {
        CompletableFuture<ScheduledOutcome> done;
        try {
            done = launcher.start(s, due, runId -> {
                try {
                    book.started(s.name(), runId);
                } catch (FaultlineException | RuntimeException ex) {
                    log.warn(
                            "schedule '{}': run {} started, but it cannot be recorded: {}",
                            s.name(),
                            runId,
                            ex.getMessage());
                }
            });
        } catch (RuntimeException ex) {
            done = CompletableFuture.completedFuture(
                    new ScheduledOutcome(null, ScheduledOutcome.REFUSED, "could not start: " + ex.getMessage()));
        }
        Running r = new Running(s.name(), due, done);
        current = r;
        done.whenComplete((outcome, failure) -> finished(r, outcome, failure));
    }

    private synchronized void finished(Running r, @Nullable ScheduledOutcome outcome, @Nullable Throwable failure) {
        if (current == r) {
            current = null;
        }
        ScheduledOutcome o = outcome != null
                ? outcome
                : new ScheduledOutcome(
                        null,
                        ScheduledOutcome.REFUSED,
                        "could not start: " + (failure == null ? "no outcome" : failure.getMessage()));
        boolean refused = o.runId() == null;
        ScheduleDecision d = new ScheduleDecision(
                r.schedule(),
                refused ? Kind.REFUSED : Kind.FINISHED,
                r.due(),
                clock.instant(),
                o.runId(),
                refused
                        ? o.summary()
                        : "run " + o.runId() + " " + o.outcome() + (o.summary().isEmpty() ? "" : ": " + o.summary()));
        try {
            book.finished(r.schedule(), o.runId(), o.outcome(), d);
        } catch (FaultlineException | RuntimeException ex) {
            log.warn("schedule '{}': {} but it cannot be recorded: {}", r.schedule(), d.line(), ex.getMessage());
        }
        tell(d);
    }

    private Optional<ScheduleDecision> record(ScheduleEntry e, Instant fire, ScheduleDecision d)
            throws FaultlineException {
        if (!book.decide(e.schedule().name(), e.state().version(), fire, d)) {
            return Optional.empty(); // another scheduler decided about this time first
        }
        tell(d);
        return Optional.of(d);
    }

    private void tell(ScheduleDecision d) {
        try {
            decisions.accept(d);
        } catch (RuntimeException ex) {
            log.warn("the scheduler's log failed on '{}': {}", d.line(), ex.getMessage());
        }
    }

    private static ScheduleDecision decision(Schedule s, Kind kind, Instant due, Instant now, String detail) {
        return new ScheduleDecision(s.name(), kind, due, now, null, detail);
    }
}
