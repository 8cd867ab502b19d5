package dev.faultline.app;

import dev.faultline.engine.NamedThreads;
import dev.faultline.engine.env.Environments;
import dev.faultline.engine.env.EnvironmentsFile;
import dev.faultline.engine.env.FaultlineHome;
import dev.faultline.engine.plugins.PluginCatalog;
import dev.faultline.engine.run.ExperimentRunner;
import dev.faultline.engine.run.RunnerServices;
import dev.faultline.engine.runbook.RunbookLoader;
import dev.faultline.engine.runbook.RunbookProblem;
import dev.faultline.engine.safety.ActiveFaults;
import dev.faultline.engine.safety.BackendCalls;
import dev.faultline.engine.safety.FaultJournal;
import dev.faultline.engine.safety.FaultReverter;
import dev.faultline.engine.safety.HaltListener;
import dev.faultline.engine.safety.HaltRendezvous;
import dev.faultline.engine.safety.KillSwitch;
import dev.faultline.engine.safety.KillSwitchLatch;
import dev.faultline.engine.safety.OrphanRecovery;
import dev.faultline.engine.safety.ProcessOwner;
import dev.faultline.engine.safety.RevertPolicy;
import dev.faultline.engine.safety.Rollbacks;
import dev.faultline.engine.spi.SettingsException;
import dev.faultline.engine.store.FaultlineStore;
import dev.faultline.engine.store.JournalMirror;
import dev.faultline.engine.store.PendingResults;
import dev.faultline.engine.store.StoreException;
import dev.faultline.plugin.prometheus.exporter.FaultlineMetrics;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.jspecify.annotations.Nullable;

/** The one place Faultline's objects are wired, for the app and the command line alike. */
public final class Composition implements AutoCloseable {
    public final FaultlineHome home;
    public final Clock clock = Clock.systemUTC();
    public final PluginCatalog plugins;
    /**
     * The built-in environments and those of {@code $FAULTLINE_HOME/environments.yaml}; replaced as a
     * whole when the settings save the file ({@link #useEnvironments}), so a run reads it when it starts.
     */
    public volatile Environments environments;
    /** What is wrong with the environments file; when not empty only the built-ins are known. */
    public volatile List<RunbookProblem> environmentProblems;

    public final FaultJournal journal;
    public final ActiveFaults active = new ActiveFaults();
    public final FaultReverter reverter;
    public final Rollbacks rollbacks;
    public final KillSwitch killSwitch;
    public final ExperimentRunner runner;
    public final OrphanRecovery recovery;
    public final RunbookLoader loader;
    public final PendingResults pendingResults;
    /** Notifier plugins (Slack, ...), found through ServiceLoader. */
    public final dev.faultline.engine.plugins.NotifierCatalog notifiers;

    public final dev.faultline.engine.gameday.GameDayRunner gameDays;
    private final ExecutorService backendCalls =
            Executors.newCachedThreadPool(NamedThreads.factory("faultline-backend-call-"));
    private final ExecutorService revertThreads =
            Executors.newCachedThreadPool(NamedThreads.factory("faultline-revert-"));
    private final ScheduledExecutorService latchWatcher =
            Executors.newSingleThreadScheduledExecutor(NamedThreads.factory("faultline-killswitch-watch-"));
    /** Team mode: the shared store's kill switch, watched while the store is open (null: not shared). */
    private volatile @org.jspecify.annotations.Nullable AutoCloseable teamKillSwitch;

    private volatile @org.jspecify.annotations.Nullable JournalMirror journalMirror;
    /** Where every running Faultline of this user can be reached to halt it, whatever its home. */
    public final HaltRendezvous rendezvous;
    /** This process's socket in the rendezvous; null when it could not be opened ({@link #haltSocketProblem}). */
    private final @Nullable HaltListener haltListener;
    /** Why this process cannot be halted from other homes, or null. */
    public final @Nullable String haltSocketProblem;

    private final Object storeLock = new Object();
    private volatile @Nullable FaultlineStore store;
    private volatile boolean closed;
    /** Faultline's own metrics, counted from every run's events; served on request ({@link #serveMetrics}). */
    public final FaultlineMetrics metrics = new FaultlineMetrics();

    private FaultlineMetrics.@Nullable Server metricsServer;

    public Composition(FaultlineHome home) {
        this.home = home;
        this.plugins = PluginCatalog.load(Composition.class.getClassLoader());
        Environments envs = Environments.builtIn();
        List<RunbookProblem> envProblems = List.of();
        try {
            envs = EnvironmentsFile.load(home.environments());
        } catch (SettingsException e) {
            envProblems = e.problems();
        }
        this.environments = envs;
        this.environmentProblems = envProblems;
        this.journal = new FaultJournal(home.journal(), ProcessOwner.current(), clock);
        BackendCalls calls = new BackendCalls(backendCalls);
        RevertPolicy policy = RevertPolicy.DEFAULT;
        this.reverter = new FaultReverter(calls, policy, clock);
        this.rollbacks = new Rollbacks(active, reverter, journal, revertThreads, policy);
        this.killSwitch =
                new KillSwitch(active, rollbacks, new KillSwitchLatch(home.killSwitchLatch()), clock, latchWatcher);
        this.runner = new ExperimentRunner(
                new RunnerServices(plugins, journal, active, rollbacks, calls, policy, killSwitch, clock));
        this.recovery = new OrphanRecovery(journal, plugins, reverter, clock);
        this.loader = new RunbookLoader(plugins.probeTypes());
        this.pendingResults = new PendingResults(home.pendingResults());
        this.notifiers = dev.faultline.engine.plugins.NotifierCatalog.load(Composition.class.getClassLoader());
        this.gameDays = new dev.faultline.engine.gameday.GameDayRunner(runner, killSwitch, clock);
        this.rendezvous = HaltRendezvous.fromEnvironment();
        HaltListener listener = null;
        String problem = null;
        try {
            listener = HaltListener.start(
                    rendezvous, killSwitch, home.root(), NamedThreads.factory("faultline-halt-socket-"));
            active.gate(listener::acceptPending);
        } catch (java.io.IOException | RuntimeException e) {
            problem = "this Faultline cannot be halted from other homes: " + e.getMessage();
            org.slf4j.LoggerFactory.getLogger(Composition.class).warn(problem);
        }
        this.haltListener = listener;
        this.haltSocketProblem = problem;
    }

    /** Environments saved by the settings: runs started from now on use them, no restart needed. */
    public void useEnvironments(Environments saved) {
        environments = saved;
        environmentProblems = List.of();
    }

    /** The database, opened on first use (validating a runbook needs none). */
    public FaultlineStore store() throws StoreException {
        // Its own lock: opening can hang on a database served by a stopped Faultline, and close() must not wait for it.
        synchronized (storeLock) {
            FaultlineStore s = store;
            if (s == null) {
                s = FaultlineStore.open(home);
                if (closed) {
                    s.close();
                    throw new StoreException("Faultline is closing: the database is closed", null);
                }
                if (s.shared()) {
                    // the journal stays a local file; the others see its faults through the store
                    JournalMirror mirror = new JournalMirror(s);
                    journal.mirrorTo(mirror);
                    journalMirror = mirror;
                    // a release made here while the store was away, before the watch hears the press
                    PendingTeamRelease.applyQuietly(home, s);
                    try {
                        teamKillSwitch = TeamKillSwitch.watch(s, killSwitch);
                    } catch (StoreException e) {
                        // this desktop's own switch works as before; a press elsewhere does not reach it
                        org.slf4j.LoggerFactory.getLogger(Composition.class)
                                .error("the team's kill switch is not watched here: {}", e.getMessage());
                    }
                }
                store = s;
            }
            return s;
        }
    }

    /** Serves {@link #metrics} on 127.0.0.1:{@code port} (0: any free port) until closed; returns the port. */
    public synchronized int serveMetrics(int port) throws java.io.IOException {
        if (metricsServer == null) {
            metricsServer = metrics.serve("127.0.0.1", port);
        }
        return metricsServer.port();
    }

    @Override
    public synchronized void close() {
        if (metricsServer != null) {
            metricsServer.close();
            metricsServer = null;
        }
        runner.close();
        if (haltListener != null) {
            haltListener.close();
        }
        AutoCloseable team = teamKillSwitch;
        if (team != null) {
            try {
                team.close();
            } catch (Exception e) {
                // the watch's connection is gone already
            }
        }
        killSwitch.close();
        JournalMirror mirror = journalMirror;
        if (mirror != null) {
            journal.mirrorTo(null);
            mirror.close();
        }
        latchWatcher.shutdownNow();
        revertThreads.shutdown();
        backendCalls.shutdown();
        closed = true;
        FaultlineStore s = store;
        store = null;
        if (s != null) {
            s.close();
        }
    }
}
