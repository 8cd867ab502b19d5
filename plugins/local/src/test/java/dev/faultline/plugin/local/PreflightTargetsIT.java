package dev.faultline.plugin.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.env.Environment;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.run.DryRun;
import dev.faultline.engine.run.PreflightCheck;
import dev.faultline.engine.runbook.RunbookLoader;
import dev.faultline.engine.spi.BackendSettings;
import dev.faultline.engine.spi.run.RunOutcome;
import dev.faultline.engine.spi.run.RunResult;
import dev.faultline.engine.testkit.TestRig;
import dev.faultline.plugin.local.probe.HttpProbeProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A runbook whose target is pid 1 or a pid file holding Faultline's own pid passes the loader, and
 * the real runner's pre-flight refuses it with the reason: the run is ABORTED and nothing is
 * journaled. Nothing is injected even where the refusal is missing (the probe cannot answer, so a
 * run without the refusal aborts at the baseline instead).
 */
class PreflightTargetsIT {
    private static final String RUNBOOK = """
            apiVersion: faultline.dev/v1
            kind: Experiment
            metadata: {name: dangerous-target}
            spec:
              environment: local
              timing: {warmup: 0s, probeInterval: 200ms, baselineSamples: 1, recoveryWindow: 0s, verificationSamples: 1}
              hypothesis:
                probes:
                  - name: health
                    expect: "200"
                    http: {url: 'http://127.0.0.1:1/health', measure: status, timeout: 200ms}
              method:
                - name: freeze
                  duration: 1s
                  target:
                    process: TARGET
                  fault: {type: process-pause}
              blastRadius: {maxDuration: 1m, maxTargets: 1}
            """;

    @TempDir
    Path dir;

    private TestRig rig;

    @BeforeEach
    void start() {
        rig = new TestRig(dir.resolve("home"), List.of(new LocalBackendProvider()), List.of(new HttpProbeProvider()));
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    private static Experiment experiment(String target) throws Exception {
        return new RunbookLoader()
                .parse(RUNBOOK.replace("TARGET", target), "dangerous.yaml")
                .experiment();
    }

    private static Environment local() {
        return new Environment("local", false, false, Map.of("local", BackendSettings.empty("local")));
    }

    @Test
    void pidOneIsRefusedByTheDryRunsPreflight() throws Exception {
        DryRun d = rig.runner.dryRun(experiment("{pid: 1}"), local());
        assertThat(d.checks())
                .filteredOn(c -> c.check().startsWith("target "))
                .singleElement()
                .satisfies(c -> assertThat(c.passed()).isFalse())
                .extracting(PreflightCheck::detail)
                .asString()
                .contains("pid 1 is the system's first process");
    }

    @Test
    void aRunWhosePidFileHoldsFaultlinesOwnPidIsAbortedInPreflight() throws Exception {
        Path pidFile = Files.writeString(
                dir.resolve("app.pid"), Long.toString(ProcessHandle.current().pid()));
        RunResult r = rig.runner
                .start(experiment("{pidFile: '" + pidFile + "'}"), local(), List.of())
                .result()
                .get(30, TimeUnit.SECONDS);
        assertThat(r.outcome()).isEqualTo(RunOutcome.ABORTED);
        assertThat(r.reason()).contains("is Faultline itself");
        assertThat(rig.journal.openFaults()).isEmpty();
    }
}
