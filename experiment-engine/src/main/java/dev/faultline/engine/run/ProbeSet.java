package dev.faultline.engine.run;

import dev.faultline.engine.model.Probe;
import dev.faultline.engine.spi.MetricSource;
import dev.faultline.engine.spi.run.ProbeSample;
import dev.faultline.engine.spi.run.RunPhase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The open probes of a run, read together: in parallel, each bounded by a timeout, so one slow
 * source never holds up the others or the stop conditions. The sources belong to pre-flight,
 * which closes them.
 */
final class ProbeSet {
    private final Map<Probe, MetricSource> sources;
    private final ExecutorService readers;
    private final Clock clock;
    private final Duration timeout;

    ProbeSet(Map<Probe, MetricSource> sources, ExecutorService readers, Clock clock, Duration timeout) {
        this.sources = new LinkedHashMap<>(sources);
        this.readers = readers;
        this.clock = clock;
        this.timeout = timeout;
    }

    /**
     * Marks every source (see {@link MetricSource#mark()}) in parallel, each bounded by the read
     * timeout; a source that fails or does not answer is left as it was: its first read reports it.
     */
    void markAll() {
        List<Future<?>> pending = new ArrayList<>();
        sources.values()
                .forEach(s -> pending.add(readers.submit(() -> {
                    s.mark();
                    return null;
                })));
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Future<?> f : pending) {
            try {
                f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                f.cancel(true);
            } catch (ExecutionException e) {
                // the source's first read meets the same trouble and reports it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    List<ProbeSample> readAll(RunPhase phase) {
        Instant at = clock.instant();
        Map<Probe, Future<Double>> pending = new LinkedHashMap<>();
        sources.forEach((p, s) -> pending.put(p, readers.submit(s::read)));
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ProbeSample> out = new ArrayList<>();
        pending.forEach((p, f) -> out.add(sample(p, phase, at, f, deadline)));
        return out;
    }

    private static ProbeSample sample(Probe p, RunPhase phase, Instant at, Future<Double> f, long deadline) {
        try {
            double v = f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return new ProbeSample(p.name(), phase, at, v, null, p.expect().accepts(v));
        } catch (TimeoutException e) {
            f.cancel(true);
            return failed(p, phase, at, "no answer in time");
        } catch (ExecutionException e) {
            Throwable c = e.getCause() != null ? e.getCause() : e;
            return failed(p, phase, at, c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(p, phase, at, "interrupted");
        }
    }

    private static ProbeSample failed(Probe p, RunPhase phase, Instant at, String why) {
        return new ProbeSample(p.name(), phase, at, Double.NaN, why, false);
    }
}
