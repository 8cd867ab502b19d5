package dev.faultline.app.cli;

import dev.faultline.engine.model.Numbers;
import dev.faultline.engine.report.EventText;
import dev.faultline.engine.spi.run.ProbeSample;
import dev.faultline.engine.spi.run.RunEvent;
import dev.faultline.engine.spi.run.RunListener;
import dev.faultline.engine.spi.run.RunPhase;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shows a run on the terminal: every phase, fault and breach as it happens, and once per probe
 * tick a status line with the phase, the elapsed time and each probe's value.
 */
final class ProgressPrinter implements RunListener {
    private final PrintWriter out;
    private final Map<String, ProbeSample> tick = new LinkedHashMap<>();
    private Instant started = Instant.now();
    private RunPhase phase = RunPhase.PENDING;

    ProgressPrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized void onEvent(RunEvent e) {
        if (e instanceof RunEvent.RunStarted s) {
            started = s.at();
            line(e.at(), EventText.describe(e));
        } else if (e instanceof RunEvent.ProbeSampled s) {
            ProbeSample sample = s.sample();
            if (tick.containsKey(sample.probe())) {
                flushTick();
            }
            tick.put(sample.probe(), sample);
        } else if (e instanceof RunEvent.PhaseChanged p) {
            flushTick();
            phase = p.to();
            line(e.at(), "── " + p.to() + " ──");
        } else if (!(e instanceof RunEvent.RunFinished)) {
            flushTick();
            line(e.at(), EventText.describe(e));
        } else {
            flushTick();
        }
        out.flush();
    }

    private void flushTick() {
        if (tick.isEmpty()) {
            return;
        }
        StringBuilder b = new StringBuilder("  ");
        tick.values()
                .forEach(s -> b.append(s.probe())
                        .append('=')
                        .append(s.ok() ? Numbers.format(Math.round(s.value() * 1000) / 1000.0) : "?")
                        .append(s.within() ? " ok  " : " OUT  "));
        Instant at = tick.values().iterator().next().at();
        tick.clear();
        line(at, "[" + phase + "] " + b.toString().strip());
    }

    private void line(Instant at, String text) {
        Duration d = Duration.between(started, at);
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        out.printf("%02d:%02d  %s%n", d.toMinutes(), d.toSecondsPart(), text);
    }
}
