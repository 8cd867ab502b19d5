package dev.faultline.engine.run;

import dev.faultline.engine.NamedThreads;
import dev.faultline.engine.env.Environment;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.safety.KillSwitchEngagedException;
import dev.faultline.engine.spi.run.ProbeSample;
import dev.faultline.engine.spi.run.RunListener;
import dev.faultline.engine.spi.run.RunPhase;
import dev.faultline.engine.spi.run.RunResult;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Starts runs. Each run gets a thread of its own and a sampler; probe reads share a pool. A run is
 * refused while the kill switch is engaged, and is under the kill switch for as long as it lasts.
 */
public final class ExperimentRunner implements AutoCloseable {
    private static final DateTimeFormatter ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final RunnerServices services;
    private final ExecutorService probeReaders;
    private final ScheduledExecutorService sampler;

    public ExperimentRunner(RunnerServices services) {
        this.services = services;
        this.probeReaders = Executors.newCachedThreadPool(NamedThreads.factory("faultline-probe-"));
        this.sampler = Executors.newScheduledThreadPool(2, NamedThreads.factory("faultline-sampler-"));
    }

    /**
     * Starts a run and returns at once.
     *
     * @throws KillSwitchEngagedException while the kill switch is engaged
     */
    public RunHandle start(Experiment experiment, Environment environment, List<RunListener> listeners)
            throws KillSwitchEngagedException {
        services.killSwitch().ensureReleased();
        String runId = newRunId(experiment, services.clock().instant());
        RunContext context = new RunContext(runId, experiment, environment, services, listeners);
        ExperimentRun run = new ExperimentRun(context, probeReaders, sampler);
        AutoCloseable registration = services.killSwitch().register(run);
        Thread t = new Thread(
                () -> {
                    try {
                        run.execute();
                    } finally {
                        try {
                            registration.close();
                        } catch (Exception ignored) {
                            // removing from a set does not fail
                        }
                    }
                },
                "faultline-run-" + runId);
        t.start();
        return new RunHandle() {
            @Override
            public String runId() {
                return runId;
            }

            @Override
            public RunPhase phase() {
                return context.phase();
            }

            @Override
            public CompletableFuture<RunResult> result() {
                return run.result();
            }

            @Override
            public void halt(dev.faultline.engine.spi.run.HaltReason reason) {
                run.halt(reason);
            }
        };
    }

    /** Pre-flight and the plan, with one reading of every probe; injects nothing. */
    public DryRun dryRun(Experiment experiment, Environment environment) {
        List<PreflightCheck> checks = new ArrayList<>();
        try (Preflight.PreflightResult pre = new Preflight(services).run(experiment, environment, checks::add)) {
            ProbeSet probes = new ProbeSet(
                    pre.sources(),
                    probeReaders,
                    services.clock(),
                    experiment.timing().probeInterval().plusSeconds(2));
            List<ProbeSample> readings = probes.readAll(RunPhase.PREFLIGHT);
            return new DryRun(checks, TimelinePlan.of(experiment), readings);
        }
    }

    private static String newRunId(Experiment e, java.time.Instant now) {
        String name = e.name().length() > 24 ? e.name().substring(0, 24) : e.name();
        return ID_TIME.format(now) + "-" + name + "-"
                + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
    }

    @Override
    public void close() {
        probeReaders.shutdownNow();
        sampler.shutdownNow();
    }

    /** For tests and benchmarks: how long a run may take at most, from its plan. */
    public static Duration plannedLength(Experiment e) {
        return e.timing()
                .warmup()
                .plus(e.timing().probeInterval().multipliedBy(e.timing().baselineSamples()))
                .plus(TimelinePlan.of(e).end())
                .plus(e.timing().recoveryWindow())
                .plus(e.timing().probeInterval().multipliedBy(e.timing().verificationSamples()));
    }
}
