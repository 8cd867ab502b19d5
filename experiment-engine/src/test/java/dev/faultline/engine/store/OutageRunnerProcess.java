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
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A runner's process for {@link UnsentOnDiskPostgresIT}. {@code run}: opens the shared store, says
 * "open", waits for a line on stdin (the test stops the store meanwhile), then runs one experiment
 * (a 1 s fault), printing each event's type as it happens and "ended RUN" at its end; then it
 * waits for the store as a runner does, until killed. {@code recover}: what the next start of the
 * home does first: writes what was kept on disk, then the kept ends, and says so.
 * Args: run|recover, home, url, user, password file.
 */
final class OutageRunnerProcess {
    private OutageRunnerProcess() {}

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[1]);
        SharedStoreSettings settings = new SharedStoreSettings(args[2], args[3], new SecretRef("file:" + args[4]));
        PendingResults pending = new PendingResults(home.resolve("pending"));
        if (args[0].equals("recover")) {
            try (FaultlineStore store = FaultlineStore.openShared(settings)) {
                pending.replayUnsent(store).forEach(l -> System.out.println("replayed " + l));
                pending.recordInto(store).forEach(id -> System.out.println("recorded " + id));
                System.out.println("recovered");
            }
            return;
        }
        SimulatedSystem system = new SimulatedSystem().metric("latency", 100).target("proxy/payments");
        Experiment e = experiment()
                .probe(probe("p99", "latency", new Tolerance.Threshold(Tolerance.Op.LT, 100_000)))
                .fault("slow", 0, Duration.ofSeconds(1), "payments")
                .build();
        try (FaultlineStore store = FaultlineStore.openShared(settings);
                TestRig rig = new TestRig(
                        home,
                        List.of(new SimulatedBackendProvider(new SimulatedBackend(system))),
                        List.of(new SimulatedProbes(system)));
                RunRecorder recorder = new RunRecorder(store, pending, e, "text", "r".repeat(64))) {
            System.out.println("open");
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            RunListener said = ev -> {
                if (!(ev instanceof RunEvent.ProbeSampled)) {
                    System.out.println("event " + ev.type());
                    System.out.flush();
                }
            };
            var h = rig.runner.start(e, TestRig.environment(), List.of(recorder, said));
            h.result().get();
            System.out.println("ended " + h.runId());
            System.out.flush();
        } // closing waits for the store (CLOSE_WAIT): the test kills it meanwhile
    }
}
