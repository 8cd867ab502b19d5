package dev.faultline.app.session;

import dev.faultline.app.Composition;
import dev.faultline.app.GameDayNotifiers;
import dev.faultline.app.SandboxPrometheus;
import dev.faultline.app.SandboxSession;
import dev.faultline.app.cli.ReportFiles;
import dev.faultline.engine.env.Environment;
import dev.faultline.engine.gameday.GameDayResult;
import dev.faultline.engine.gameday.GameDayRunner;
import dev.faultline.engine.gameday.HaltPolicy;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.notify.NotificationHub;
import dev.faultline.engine.report.ReportException;
import dev.faultline.engine.run.DryRun;
import dev.faultline.engine.run.RunHandle;
import dev.faultline.engine.runbook.LoadedGameDay;
import dev.faultline.engine.runbook.LoadedRunbook;
import dev.faultline.engine.runbook.RunbookException;
import dev.faultline.engine.safety.KillSwitchEngagedException;
import dev.faultline.engine.spi.Notifier;
import dev.faultline.engine.spi.run.HaltReason;
import dev.faultline.engine.spi.run.RunListener;
import dev.faultline.engine.spi.run.RunResult;
import dev.faultline.engine.store.FaultlineStore;
import dev.faultline.engine.store.GameDayRecorder;
import dev.faultline.engine.store.RunRecorder;
import dev.faultline.engine.store.StoreException;
import dev.faultline.sandbox.SandboxException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One run or one GameDay with everything around it, the same from the command line and the app: the
 * environment checked, a production run confirmed ({@link SessionCallbacks#confirmProduction}), the
 * sandbox leased and started, its Prometheus when a PromQL probe needs one, Faultline's metrics
 * counted (and served on request), the notifiers told, every run recorded, a GameDay's report
 * written, and a JVM shutdown hook that halts the run on Ctrl-C or SIGTERM and waits up to
 * {@link #SIGNAL_WAIT} for the faults to be reverted and the session closed.
 *
 * <p>{@code startRun}/{@code startGameDay} return with it under way; {@link #await()} waits for the
 * result (still inside the session: the sandbox is up, the Ctrl-C hook waits); {@link #close()} stops
 * what the session started, last started first. One session, one run or GameDay.
 *
 * @param <R> {@link RunResult} or {@link GameDayResult}
 */
public final class RunSession<R> implements AutoCloseable {
    /**
     * How long Ctrl-C or SIGTERM waits, after halting the run, for the rollback, the result and the
     * sandbox's stop before the JVM exits; the same for runs and GameDays, from the command line and
     * the app.
     */
    public static final Duration SIGNAL_WAIT = Duration.ofSeconds(120);

    private static final Duration NOTIFIERS_CLOSE_WAIT = Duration.ofSeconds(30);
    private static final HaltReason SIGNAL =
            new HaltReason(HaltReason.Source.SIGNAL, "interrupted (Ctrl-C or SIGTERM)");

    private final Composition composition;
    private final SessionCallbacks callbacks;
    /** What the session opened, closed last-in first-out. */
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();

    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile @Nullable Consumer<HaltReason> halt;
    private @Nullable Callable<R> result;
    private @Nullable Thread signalHook;

    private RunSession(Composition composition, SessionCallbacks callbacks) {
        this.composition = composition;
        this.callbacks = callbacks;
    }

    /** A GameDay's runbook and its experiments' runbooks, every problem of them at once. */
    public static GameDayRequest loadGameDay(
            Composition c, Path file, Origin origin, String reportPattern, @Nullable Integer metricsPort)
            throws RunbookException {
        LoadedGameDay day = c.loader.loadGameDay(file);
        return new GameDayRequest(day, c.loader.loadExperimentsOf(day), origin, reportPattern, metricsPort);
    }

    /** The default place of a GameDay's report: {@code $FAULTLINE_HOME/reports/{id}.pdf}. */
    public static String defaultReportPattern(Composition c) {
        return c.home.root().resolve("reports").resolve("{id}.pdf").toString();
    }

    /** Starts one experiment's run; returns with it under way. */
    public static RunSession<RunResult> startRun(Composition c, RunRequest request, SessionCallbacks callbacks)
            throws RunRefused, StoreException {
        LoadedRunbook runbook = request.runbook();
        Experiment e = runbook.experiment();
        Environment env = StartChecks.environment(c, runbook.file(), e.environment());
        StartChecks.refuseWithoutRole(c, null);
        RunSession<RunResult> s = new RunSession<>(c, callbacks);
        try {
            s.prepare(
                    env,
                    new SessionCallbacks.Subject(false, e.name(), e.name()),
                    request.origin().runLease(e.name()),
                    List.of(e),
                    request.metricsPort(),
                    false);
            NotificationHub hub = s.notifiers(request.notifications(), "", request.schedule());
            RunRecorder recorder =
                    s.open(new RunRecorder(c.store(), c.pendingResults, e, runbook.text(), runbook.sha256()));
            callbacks.experimentStarting(runbook);
            RunHandle h = c.runner.start(e, env, List.of(callbacks, recorder, c.metrics, hub));
            s.sandbox().nowRunning(request.origin().runNow(h.runId(), e.name()));
            s.underWay(h::halt, () -> {
                RunResult r = h.result().get();
                recorder.flush();
                return r;
            });
            return s;
        } catch (KillSwitchEngagedException ex) {
            s.close();
            throw new RunRefused(RunRefused.Why.COULD_NOT_RUN, String.valueOf(ex.getMessage()));
        } catch (RunRefused | StoreException | RuntimeException ex) {
            s.close();
            throw ex;
        }
    }

    /** Starts a GameDay; returns with it under way. */
    public static RunSession<GameDayResult> startGameDay(
            Composition c, GameDayRequest request, SessionCallbacks callbacks) throws RunRefused, StoreException {
        LoadedGameDay day = request.day();
        Environment env = StartChecks.environment(c, day.file(), day.gameDay().environment());
        List<Experiment> experiments =
                request.runbooks().stream().map(LoadedRunbook::experiment).toList();
        Map<Experiment, LoadedRunbook> byExperiment = new IdentityHashMap<>();
        request.runbooks().forEach(r -> byExperiment.put(r.experiment(), r));
        StartChecks.refuseWithoutRole(c, day.gameDay().name());
        RunSession<GameDayResult> s = new RunSession<>(c, callbacks);
        try {
            s.prepare(
                    env,
                    new SessionCallbacks.Subject(
                            true, day.gameDay().name(), day.gameDay().title()),
                    request.origin().gameDayLease(day.gameDay().name()),
                    experiments,
                    request.metricsPort(),
                    false);
            NotificationHub hub = s.notifiers(Notify.IF_SET_UP, request.reportPattern(), "");
            FaultlineStore store = c.store();
            GameDayRecorder dayRecorder = new GameDayRecorder(store.gameDays(), day.text(), day.sha256());
            List<RunRecorder> recorders = new CopyOnWriteArrayList<>();
            GameDayRunner.Handle h = c.gameDays.start(
                    day.gameDay(),
                    experiments,
                    env,
                    List.of(dayRecorder, hub, callbacks),
                    e -> {
                        // the GameDay runner starts only the experiments it was given, each one of these
                        LoadedRunbook rb = java.util.Objects.requireNonNull(
                                byExperiment.get(e), "an experiment the GameDay was not given");
                        callbacks.experimentStarting(rb);
                        RunRecorder rec = s.open(new RunRecorder(store, c.pendingResults, e, rb.text(), rb.sha256()));
                        recorders.add(rec);
                        return List.<RunListener>of(callbacks, rec, c.metrics, hub);
                    },
                    HaltPolicy.of(callbacks.haltDecider(), callbacks::afterHalt));
            s.sandbox()
                    .nowRunning(request.origin()
                            .gameDayNow(h.gameDayRunId(), day.gameDay().name()));
            s.underWay(h::stop, () -> {
                GameDayResult r = h.result().get();
                recorders.forEach(RunRecorder::flush);
                s.writeReport(r, request.reportPattern());
                return r;
            });
            return s;
        } catch (RunRefused | StoreException | RuntimeException ex) {
            s.close();
            throw ex;
        }
    }

    /**
     * A dry run: the same checks, sandbox and Prometheus as a run, then pre-flight, one reading of every
     * probe and the plan; nothing is injected, nothing recorded or told.
     */
    public static DryRun dryRun(Composition c, RunRequest request, SessionCallbacks callbacks) throws RunRefused {
        Experiment e = request.runbook().experiment();
        Environment env = StartChecks.environment(c, request.runbook().file(), e.environment());
        try (RunSession<DryRun> s = new RunSession<>(c, callbacks)) {
            s.prepare(
                    env,
                    new SessionCallbacks.Subject(false, e.name(), e.name()),
                    request.origin().runLease(e.name()) + " --dry-run",
                    List.of(e),
                    request.metricsPort(),
                    true);
            return c.runner.dryRun(e, env);
        }
    }

    /** Everything before the start: confirmation, the halt socket's state, sandbox, Prometheus, metrics endpoint. */
    private void prepare(
            Environment env,
            SessionCallbacks.Subject subject,
            String lease,
            List<Experiment> experiments,
            @Nullable Integer metricsPort,
            boolean dryRun)
            throws RunRefused {
        if (!dryRun) {
            StartChecks.refuseWhileEngaged(composition);
        }
        callbacks.beforeStart();
        if (composition.haltSocketProblem != null) {
            callbacks.warn("warning: " + composition.haltSocketProblem);
        }
        StartChecks.confirmProduction(env, subject, callbacks);
        try {
            open(
                    dryRun
                            ? SandboxSession.forDryRun(composition, env, lease, callbacks::say)
                            : SandboxSession.forRun(composition, env, lease, callbacks::say));
            open(SandboxPrometheus.startIfNeeded(composition, env, experiments, callbacks::say));
            if (metricsPort != null) {
                callbacks.say("Faultline's metrics on http://127.0.0.1:" + composition.serveMetrics(metricsPort)
                        + "/metrics");
            }
        } catch (SandboxException | KillSwitchEngagedException | IOException ex) {
            throw new RunRefused(RunRefused.Why.COULD_NOT_RUN, String.valueOf(ex.getMessage()));
        }
    }

    private NotificationHub notifiers(Notify notify, String reportPattern, String schedule) throws StoreException {
        List<Notifier> notifiers = notify == Notify.OFF
                ? List.of()
                : GameDayNotifiers.create(composition, reportPattern, schedule, callbacks::say, callbacks::warn);
        NotificationHub hub = open(new NotificationHub(
                notifiers, composition.store().undelivered(), composition.clock, NOTIFIERS_CLOSE_WAIT));
        if (notify == Notify.REQUESTED && hub.isEmpty()) {
            callbacks.warn("--notify: no notifier is set up (Slack: notifiers.properties in the data folder"
                    + " or FAULTLINE_SLACK_* variables; 'faultline slack test' checks it); the run goes on without");
        }
        return hub;
    }

    private void underWay(Consumer<HaltReason> halt, Callable<R> result) {
        this.halt = halt;
        this.result = result;
        Thread hook = new Thread(
                () -> {
                    halt.accept(SIGNAL);
                    // The JVM exits when the hooks are done: wait for the rollback, the result and the sandbox's stop.
                    awaitClosed(SIGNAL_WAIT);
                },
                "faultline-ctrl-c");
        Runtime.getRuntime().addShutdownHook(hook);
        signalHook = hook;
    }

    private void writeReport(GameDayResult r, String reportPattern) {
        if (reportPattern.isEmpty() || r.results().isEmpty()) {
            return;
        }
        Path out = Path.of(reportPattern.replace("{id}", r.gameDayRunId()));
        try {
            callbacks.say("report written to "
                    + ReportFiles.write(composition, r.gameDayRunId(), "pdf", out, ZoneId.systemDefault()));
        } catch (ReportException | StoreException | RuntimeException e) {
            callbacks.warn("the GameDay is recorded, but " + e.getMessage() + "; write it later with 'faultline report "
                    + r.gameDayRunId() + "'");
        }
    }

    private synchronized <T extends AutoCloseable> T open(T resource) {
        opened.push(resource);
        return resource;
    }

    private synchronized SandboxSession sandbox() {
        return opened.stream()
                .filter(SandboxSession.class::isInstance)
                .map(SandboxSession.class::cast)
                .findFirst()
                .orElseThrow();
    }

    /** Waits for the run's or the day's result, its samples flushed (and a GameDay's report written). */
    public R await() throws InterruptedException, ExecutionException {
        Callable<R> r = result;
        if (r == null) {
            throw new IllegalStateException("the session has not started a run");
        }
        try {
            return r.call();
        } catch (InterruptedException | ExecutionException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ExecutionException(e);
        }
    }

    /** Halts the run (a GameDay: the experiment running now, and starts no other); returns at once. */
    public void halt(HaltReason reason) {
        Consumer<HaltReason> h = halt;
        if (h != null) {
            h.accept(reason);
        }
    }

    /** Waits (bounded) until the session is closed: faults reverted, results kept, sandbox stopped. */
    public boolean awaitClosed(Duration limit) {
        try {
            return closed.await(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops what the session started (notifiers drained, recorders closed, Prometheus and sandbox stopped). */
    @Override
    public void close() {
        try {
            List<AutoCloseable> toClose;
            synchronized (this) {
                toClose = new ArrayList<>(opened);
                opened.clear();
            }
            for (AutoCloseable c : toClose) {
                try {
                    c.close();
                } catch (Exception e) {
                    callbacks.warn("while closing the session: " + e.getMessage());
                }
            }
            Thread hook = signalHook;
            if (hook != null && Thread.currentThread() != hook) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running: it only waits for this close
                }
            }
        } finally {
            closed.countDown();
        }
    }
}
