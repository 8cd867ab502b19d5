package dev.faultline.engine.safety;

import static dev.faultline.engine.testkit.ExperimentBuilder.experiment;
import static dev.faultline.engine.testkit.ExperimentBuilder.probe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.NamedThreads;
import dev.faultline.engine.model.Tolerance;
import dev.faultline.engine.model.Tolerance.Op;
import dev.faultline.engine.run.RunHandle;
import dev.faultline.engine.spi.run.RunOutcome;
import dev.faultline.engine.testkit.SimulatedBackend;
import dev.faultline.engine.testkit.SimulatedBackendProvider;
import dev.faultline.engine.testkit.SimulatedProbes;
import dev.faultline.engine.testkit.SimulatedSystem;
import dev.faultline.engine.testkit.TestRig;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A halt sent on a Faultline's socket presses its kill switch and says when its faults are gone. */
class HaltListenerTest {
    @TempDir
    Path home;

    @TempDir
    Path runtime;

    private final SimulatedSystem system =
            new SimulatedSystem().metric("latency", 100).target("proxy/a").target("proxy/b");
    private TestRig rig;
    private HaltListener listener;

    @BeforeEach
    void wire() throws Exception {
        rig = new TestRig(
                home,
                List.of(new SimulatedBackendProvider(new SimulatedBackend(system))),
                List.of(new SimulatedProbes(system)));
        listener = HaltListener.start(
                new HaltRendezvous(runtime.resolve("rv")),
                rig.killSwitch,
                home,
                NamedThreads.factory("test-halt-socket-"));
    }

    @AfterEach
    void unwire() {
        listener.close();
        rig.close();
    }

    private static String ask(Path socket, String request, int lines) throws Exception {
        Instant by = Instant.now().plusSeconds(10);
        StringBuilder answer = new StringBuilder();
        try (LineChannel ch = LineChannel.connect(UnixDomainSocketAddress.of(socket), by)) {
            ch.writeLine(request, by);
            for (int i = 0; i < lines; i++) {
                answer.append(ch.readLine(by).orElse("<closed>")).append('\n');
            }
        }
        return answer.toString();
    }

    @Test
    void aHaltOnTheSocketHaltsTheRunAndAnswersWhenItsFaultsAreGone() throws Exception {
        RunHandle run = rig.runner.start(
                experiment()
                        .probe(probe("p99", "latency", new Tolerance.Threshold(Op.LT, 200)))
                        .fault("a", 0, Duration.ofSeconds(30), "a")
                        .fault("b", 1, Duration.ofSeconds(30), "b")
                        .build(),
                TestRig.environment(),
                List.of());
        for (int i = 0; i < 200 && system.faultsInEffect() < 2; i++) {
            Thread.sleep(25);
        }
        assertThat(system.faultsInEffect()).isEqualTo(2);
        assertThat(Files.readString(runtime.resolve("rv")
                                .resolve(listener.socket()
                                        .getFileName()
                                        .toString()
                                        .replace(".sock", ".home")))
                        .strip())
                .isEqualTo(home.toString());

        String answer = ask(listener.socket(), "HALT\tdrill from another home", 2);

        assertThat(answer)
                .startsWith("ENGAGED\t" + ProcessHandle.current().pid() + "\t" + home)
                .contains("DONE\t2\t0\t1");
        assertThat(system.faultsInEffect()).isZero();
        assertThat(run.result().get(10, TimeUnit.SECONDS).outcome()).isEqualTo(RunOutcome.HALTED);
        assertThat(rig.killSwitch.engagement().orElseThrow().reason()).contains("drill from another home");

        assertThat(ask(listener.socket(), "RELEASE\tdrill over", 1))
                .startsWith("RELEASED\t" + ProcessHandle.current().pid() + "\ttrue");
        assertThat(rig.killSwitch.isEngaged()).isFalse();
    }

    @Test
    void aHaltQueuedWhileTheProcessWasStoppedIsTakenUpBeforeTheNextInjection() throws Exception {
        // A listener whose thread has not run: as in a process resumed after SIGSTOP, the halt waits in the backlog.
        try (HaltListener stopped = HaltListener.open(
                new HaltRendezvous(runtime.resolve("rv2")),
                rig.killSwitch,
                home,
                NamedThreads.factory("test-halt-socket-"))) {
            rig.active.gate(stopped::acceptPending);
            Instant by = Instant.now().plusSeconds(10);
            try (LineChannel ch = LineChannel.connect(UnixDomainSocketAddress.of(stopped.socket()), by)) {
                ch.writeLine("HALT\tsent while it was stopped", by);

                RunHandle run = rig.runner.start(
                        experiment()
                                .probe(probe("p99", "latency", new Tolerance.Threshold(Op.LT, 200)))
                                .fault("a", 0, Duration.ofSeconds(30), "a")
                                .build(),
                        TestRig.environment(),
                        List.of());

                assertThat(run.result().get(20, TimeUnit.SECONDS).outcome()).isEqualTo(RunOutcome.HALTED);
                assertThat(system.faultsInEffect()).isZero();
                assertThat(rig.journal.openFaults()).isEmpty();
                assertThat(ch.readLine(by))
                        .hasValueSatisfying(l -> assertThat(l).startsWith("ENGAGED"));
            }
        }
    }

    @Test
    void closingRemovesTheSocketAndItsNote() {
        Path socket = listener.socket();
        listener.close();
        assertThat(socket).doesNotExist();
        assertThat(socket.resolveSibling(socket.getFileName().toString().replace(".sock", ".home")))
                .doesNotExist();
    }
}
