package dev.faultline.engine.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Probe samples written into H2 on disk, per second: 100,000 samples added and flushed per
 * operation (a 4-hour GameDay with 20 probes at 1 s is about 290,000). Target: at least 100,000/s.
 * Run: {@code scripts/bench SampleStoreBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class SampleStoreBenchmark {
    static final int SAMPLES = 100_000;

    private Path dir;
    private FaultlineStore store;
    private int run;

    @Setup(Level.Trial)
    public void open() throws Exception {
        dir = Files.createTempDirectory("faultline-bench");
        store = FaultlineStore.open(dir.resolve("faultline"));
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public void writeSamples() {
        String runId = "bench-" + run++;
        Instant t = Instant.now();
        SampleWriter w = store.sampleWriter();
        for (int i = 0; i < SAMPLES; i++) {
            w.add(runId, "probe-" + (i % 20), "INJECT", t.plusMillis(i), i * 0.5, null, true);
        }
        w.flush();
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        store.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
