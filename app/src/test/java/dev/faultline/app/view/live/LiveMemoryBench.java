package dev.faultline.app.view.live;

import dev.faultline.engine.model.BlastRadius;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.Hypothesis;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.Probe;
import dev.faultline.engine.model.Timing;
import dev.faultline.engine.model.Tolerance;
import dev.faultline.engine.spi.run.ProbeSample;
import dev.faultline.engine.spi.run.RunEvent;
import dev.faultline.engine.spi.run.RunPhase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A simulated 4-hour GameDay at 1 s resolution, fed through the live view's model as the bridge
 * feeds it (one batch per tick: 20 probe samples, a fault injected and reverted every 10 minutes,
 * a note every 5), with the live view's 20 canvas charts redrawn every tick of the last minute and
 * once a minute before. Prints heap and resident memory at the end. Run: {@code scripts/bench LiveMemoryBench}.
 */
public final class LiveMemoryBench {
    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        java.util.concurrent.CountDownLatch up = new java.util.concurrent.CountDownLatch(1);
        javafx.application.Platform.startup(up::countDown);
        up.await();
        int probes = 20;
        int seconds = 4 * 3600;
        List<Probe> list = new ArrayList<>();
        for (int p = 0; p < probes; p++) {
            list.add(new Probe(
                    "probe-" + p, "metrics", Params.EMPTY, new Tolerance.Threshold(Tolerance.Op.GE, 0.9), true));
        }
        Experiment e = new Experiment(
                "four-hours",
                "Four hours",
                "",
                Map.of(),
                "sandbox",
                new Hypothesis("steady", list),
                List.of(),
                BlastRadius.UNLIMITED,
                List.of(),
                List.of(),
                Timing.DEFAULT);
        LiveRunViewModel m = new LiveRunViewModel(ZoneId.of("UTC"));
        Instant t0 = Instant.parse("2026-12-02T08:00:00Z");
        m.begin(e, t0);
        List<LiveChart> charts = new ArrayList<>();
        for (ProbeTrack t : m.tracks()) {
            LiveChart c = new LiveChart(t, ZoneId.of("UTC"), ChartPalette.light());
            c.resize(720, 380);
            charts.add(c);
        }
        java.util.Random r = new java.util.Random(7);
        long started = System.nanoTime();
        long drawNanos = 0;
        int frames = 0;
        for (int s = 0; s < seconds; s++) {
            Instant at = t0.plusSeconds(s);
            List<RunEvent> batch = new ArrayList<>(probes + 2);
            for (Probe p : list) {
                double v = 0.95 + r.nextGaussian() * 0.02;
                batch.add(new RunEvent.ProbeSampled(
                        "run", at, new ProbeSample(p.name(), RunPhase.INJECT, at, v, null, v >= 0.9)));
            }
            if (s % 600 == 0) {
                batch.add(new RunEvent.FaultInjected("run", at, "step-" + s, "f" + s, "latency"));
            }
            if (s % 600 == 300) {
                batch.add(new RunEvent.FaultReverted(
                        "run", at, "step-" + (s - 300), "f" + (s - 300), true, java.time.Duration.ofMillis(2), "gone"));
            }
            m.accept(batch);
            if (s % 300 == 0) {
                m.addObservation(at, "scribe", "note at " + s);
            }
            if (s % 60 == 0 || s > seconds - 60) {
                long d0 = System.nanoTime();
                for (int i = 0; i < probes; i++) {
                    charts.get(i).update(m.tracks().get(i), m.spans(), m.marks());
                }
                drawNanos += System.nanoTime() - d0;
                frames++;
            }
        }
        long took = (System.nanoTime() - started) / 1_000_000;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        Runtime rt = Runtime.getRuntime();
        long heap = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
        String rss = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("VmRSS"))
                .findFirst()
                .orElse("VmRSS: ?")
                .replaceAll("\\s+", " ");
        System.out.printf(
                "4 h at 1 s, %d probes: %d samples kept of %d per probe; %d marks, %d fault spans, %d log lines%n",
                probes,
                m.tracks().get(0).series().size(),
                m.tracks().get(0).series().total(),
                m.marks().size(),
                m.spans().size(),
                m.log().size());
        System.out.printf(
                "fed in %d ms; %d frames of 20 charts, %.2f ms per frame on average%n",
                took, frames, drawNanos / 1e6 / frames);
        System.out.printf("heap used after GC: %d MB; process %s%n", heap, rss);
    }
}
