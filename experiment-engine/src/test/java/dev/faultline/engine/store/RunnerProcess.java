package dev.faultline.engine.store;

import static dev.faultline.engine.testkit.ExperimentBuilder.experiment;
import static dev.faultline.engine.testkit.ExperimentBuilder.probe;

import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.Tolerance;
import dev.faultline.engine.spi.SecretRef;
import dev.faultline.engine.spi.run.RunEvent;
import dev.faultline.engine.spi.run.RunListener;
import dev.faultline.engine.testkit.SimulatedBackend;
import dev.faultline.engine.testkit.SimulatedBackendProvider;
import dev.faultline.engine.testkit.SimulatedProbes;
import dev.faultline.engine.testkit.SimulatedSystem;
import dev.faultline.engine.testkit.TestRig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A runner's process on a shared store, for {@link RunnerHeartbeatPostgresIT}: the engine's runner
 * (simulated backend) with the store's recorder (heartbeat) and the journal mirrored to the store,
 * running one experiment whose fault lasts {@code args[4]} seconds; it prints the run's id once the
 * fault is injected, and exits when the run ends. Args: home, url, user, password file, seconds.
 */
final class RunnerProcess {
    private RunnerProcess() {}

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        SharedStoreSettings settings = new SharedStoreSettings(args[1], args[2], new SecretRef("file:" + args[3]));
        SimulatedSystem system = new SimulatedSystem().metric("latency", 100).target("proxy/payments");
        Experiment e = experiment()
                .probe(probe("p99", "latency", new Tolerance.Threshold(Tolerance.Op.LT, 100_000)))
                .fault("slow", 0, Duration.ofSeconds(Long.parseLong(args[4])), "payments")
                .build();
        try (FaultlineStore store = FaultlineStore.openShared(settings);
                TestRig rig = new TestRig(
                        home,
                        List.of(new SimulatedBackendProvider(new SimulatedBackend(system))),
                        List.of(new SimulatedProbes(system)));
                JournalMirror mirror = new JournalMirror(store);
                RunRecorder recorder = new RunRecorder(
                        store, new PendingResults(home.resolve("pending")), e, "text", "r".repeat(64))) {
            rig.journal.mirrorTo(mirror);
            RunListener said = ev -> {
                if (ev instanceof RunEvent.FaultInjected) {
                    mirror.drain(Duration.ofSeconds(5));
                    System.out.println("injected " + ev.runId());
                    System.out.flush();
                }
            };
            var h = rig.runner.start(e, TestRig.environment(), List.of(recorder, said));
            h.result().get();
            mirror.drain(Duration.ofSeconds(5));
            System.out.println("ended " + h.runId());
        }
    }
}
