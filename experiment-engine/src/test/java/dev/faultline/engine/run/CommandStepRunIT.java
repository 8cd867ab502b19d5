package dev.faultline.engine.run;

import static dev.faultline.engine.testkit.ExperimentBuilder.experiment;
import static dev.faultline.engine.testkit.ExperimentBuilder.probe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.command.CommandProbeProvider;
import dev.faultline.engine.model.Command;
import dev.faultline.engine.model.CommandStep;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.Probe;
import dev.faultline.engine.model.Tolerance;
import dev.faultline.engine.model.Tolerance.Op;
import dev.faultline.engine.spi.run.RunEvent;
import dev.faultline.engine.spi.run.RunOutcome;
import dev.faultline.engine.spi.run.RunResult;
import dev.faultline.engine.testkit.SimulatedBackend;
import dev.faultline.engine.testkit.SimulatedBackendProvider;
import dev.faultline.engine.testkit.SimulatedProbes;
import dev.faultline.engine.testkit.SimulatedSystem;
import dev.faultline.engine.testkit.TestRig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Command steps and command probes run real processes, as Chaos Toolkit runs its process provider. */
class CommandStepRunIT {
    @TempDir
    Path home;

    @TempDir
    Path work;

    private final SimulatedSystem system = new SimulatedSystem().metric("latency", 100);
    private final List<RunEvent> events = new CopyOnWriteArrayList<>();
    private TestRig rig;

    @BeforeEach
    void wire() {
        rig = new TestRig(
                home,
                List.of(new SimulatedBackendProvider(new SimulatedBackend(system))),
                List.of(new SimulatedProbes(system), new CommandProbeProvider()));
    }

    @AfterEach
    void unwire() {
        rig.close();
    }

    private RunResult run(Experiment e) throws Exception {
        return rig.runner
                .start(e, TestRig.environment(), List.of(events::add))
                .result()
                .get(60, TimeUnit.SECONDS);
    }

    private static Command sh(String line, Duration timeout) {
        return Command.shell(line, timeout);
    }

    @Test
    void aCommandStepRunsInItsFolderWithItsEnvironmentAndTheRunHolds() throws Exception {
        Command write = new Command(
                List.of("sh", "-c", "printf '%s' \"$GREETING\" > out.txt; echo written"),
                Duration.ofSeconds(10),
                work.toString(),
                Map.of("GREETING", "hello chaos"));
        RunResult r = run(experiment()
                .probe(probe("p99", "latency", new Tolerance.Threshold(Op.LT, 200)))
                .step(new CommandStep("write-file", 0, null, write))
                .build());

        assertThat(r.outcome()).isEqualTo(RunOutcome.HELD);
        assertThat(Files.readString(work.resolve("out.txt"))).isEqualTo("hello chaos");
        assertThat(events)
                .filteredOn(RunEvent.StepFinished.class::isInstance)
                .map(e -> ((RunEvent.StepFinished) e).detail())
                .containsExactly("exit 0: written");
    }

    @Test
    void aCommandThatExitsNonZeroHaltsTheRunWithItsError() throws Exception {
        RunResult r = run(experiment()
                .probe(probe("p99", "latency", new Tolerance.Threshold(Op.LT, 200)))
                .step(new CommandStep("break", 0, null, sh("echo 'no such queue' >&2; exit 3", Duration.ofSeconds(10))))
                .build());

        assertThat(r.outcome()).isEqualTo(RunOutcome.HALTED);
        assertThat(r.reason()).contains("command 'break' exited 3: no such queue");
    }

    @Test
    void aCommandThatOutlivesItsTimeoutIsStoppedAndHaltsTheRun() throws Exception {
        Path marker = work.resolve("still-here");
        RunResult r = run(experiment()
                .probe(probe("p99", "latency", new Tolerance.Threshold(Op.LT, 200)))
                .step(new CommandStep("hang", 0, null, sh("sleep 30; touch " + marker, Duration.ofMillis(500))))
                .build());

        assertThat(r.outcome()).isEqualTo(RunOutcome.HALTED);
        assertThat(r.reason()).contains("command 'hang' still running after its timeout; stopped");
        assertThat(r.duration()).isLessThan(Duration.ofSeconds(20));
        assertThat(marker).doesNotExist();
    }

    @Test
    void aProgramThatDoesNotExistHaltsTheRunSayingSo() throws Exception {
        RunResult r = run(experiment()
                .probe(probe("p99", "latency", new Tolerance.Threshold(Op.LT, 200)))
                .step(new CommandStep(
                        "missing",
                        0,
                        null,
                        new Command(List.of("/nonexistent/faultline-tool"), Duration.ofSeconds(5), null, Map.of())))
                .build());

        assertThat(r.outcome()).isEqualTo(RunOutcome.HALTED);
        assertThat(r.reason()).contains("command 'missing': could not start '/nonexistent/faultline-tool'");
    }

    @Test
    void commandProbesReadTheExitCodeOrTheStandardOutput() throws Exception {
        Path counter = work.resolve("depth");
        Files.writeString(counter, "7\n");
        Map<String, String> exit =
                new HashMap<>(sh("test -f " + counter, Duration.ofSeconds(5)).toParams());
        Map<String, String> stdout = new HashMap<>(
                new Command(List.of("cat", counter.toString()), Duration.ofSeconds(5), null, Map.of()).toParams());
        stdout.put("value", "stdout");
        RunResult r = run(experiment()
                .probe(new Probe("file-there", "command", new Params(exit), new Tolerance.Exact(0), true))
                .probe(new Probe("queue-depth", "command", new Params(stdout), new Tolerance.Range(0, 10), true))
                .step(new CommandStep("grow-queue", 0, null, sh("echo 50 > " + counter, Duration.ofSeconds(5))))
                .build());

        // the baseline reads 7 and exit 0; once the step wrote 50 the depth is out of its tolerance
        assertThat(r.outcome()).isEqualTo(RunOutcome.DEVIATED);
        assertThat(r.probes())
                .filteredOn(p -> p.probe().equals("queue-depth"))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.baseline().mean()).isEqualTo(7);
                    assertThat(p.after().mean()).isEqualTo(50);
                });
        assertThat(r.probes())
                .filteredOn(p -> p.probe().equals("file-there"))
                .singleElement()
                .satisfies(p -> assertThat(p.after().mean()).isEqualTo(0));
    }
}
