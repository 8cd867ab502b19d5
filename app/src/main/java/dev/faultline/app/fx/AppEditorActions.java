package dev.faultline.app.fx;

import dev.faultline.app.Composition;
import dev.faultline.app.view.editor.EditorActions;
import dev.faultline.app.view.live.RunCoordinator;
import dev.faultline.engine.env.Environment;
import dev.faultline.engine.model.Numbers;
import dev.faultline.engine.model.Probe;
import dev.faultline.engine.run.DryRun;
import dev.faultline.engine.run.PreflightCheck;
import dev.faultline.engine.run.TimelinePlan;
import dev.faultline.engine.runbook.LoadedRunbook;
import dev.faultline.engine.spi.MetricSource;
import dev.faultline.engine.spi.MetricSourceProvider;
import dev.faultline.engine.spi.run.ProbeSample;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** The editor's requests, answered by the engine the command line uses. */
final class AppEditorActions implements EditorActions {
    private final Composition composition;
    private final RunCoordinator runs;
    private final List<Path> templates;

    AppEditorActions(Composition composition, RunCoordinator runs, List<Path> templates) {
        this.composition = composition;
        this.runs = runs;
        this.templates = templates;
    }

    @Override
    public void run(String what, Callable<LoadedRunbook> runbook) {
        runs.start(what, runbook);
    }

    @Override
    public String dryRun(LoadedRunbook runbook) throws Exception {
        Environment env = environment(runbook.experiment().environment());
        DryRun d = composition.runner.dryRun(runbook.experiment(), env);
        StringBuilder b = new StringBuilder(
                d.passed() ? "Pre-flight checks passed.\n\n" : "PRE-FLIGHT FAILED: this run would not start.\n\n");
        for (PreflightCheck c : d.checks()) {
            b.append(c.passed() ? "  ok      " : "  FAILED  ")
                    .append(c.check())
                    .append(": ")
                    .append(c.detail())
                    .append('\n');
        }
        b.append("\nPlan (offsets from the start of the inject phase):\n");
        for (TimelinePlan.Entry e : d.plan().entries()) {
            b.append("  ")
                    .append(e.start().toSeconds())
                    .append("s - ")
                    .append(e.end().toSeconds())
                    .append("s  lane ")
                    .append(e.step().lane())
                    .append("  ")
                    .append(e.step().name())
                    .append('\n');
        }
        b.append("\nProbe readings now:\n");
        for (ProbeSample s : d.readings()) {
            b.append("  ")
                    .append(s.probe())
                    .append(" = ")
                    .append(s.ok() ? Numbers.format(s.value()) : "unreadable: " + s.error())
                    .append(s.within() ? "  (within tolerance)" : "  (OUTSIDE tolerance)")
                    .append('\n');
        }
        return b.toString();
    }

    @Override
    public String testProbe(Probe probe, String environment) throws Exception {
        Environment env = environment(environment);
        MetricSourceProvider p = composition
                .plugins
                .probeType(probe.type())
                .orElseThrow(() -> new IllegalArgumentException("no probe type '" + probe.type() + "' is installed"));
        try (MetricSource source = p.open(probe, env.settingsFor(probe.type()))) {
            double v = source.read();
            return probe.name() + " = " + Numbers.format(Math.round(v * 1000) / 1000.0)
                    + (probe.expect().accepts(v) ? "  ✓ within " : "  ✗ outside ") + probe.expectText();
        }
    }

    @Override
    public List<Path> templates() {
        return templates;
    }

    @Override
    public LoadedRunbook load(Path file) throws Exception {
        return composition.loader.load(file);
    }

    @Override
    public LoadedRunbook parse(String text, String file) throws Exception {
        return composition.loader.parse(text, file);
    }

    private Environment environment(String name) {
        return composition
                .environments
                .find(name)
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown environment '" + name + "' (known: " + composition.environments.names() + ")"));
    }
}
