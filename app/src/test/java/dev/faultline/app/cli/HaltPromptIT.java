package dev.faultline.app.cli;

import static dev.faultline.app.cli.HaltPrompt.Mode.ASK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.app.Composition;
import dev.faultline.engine.env.FaultlineHome;
import dev.faultline.engine.gameday.HaltPolicy;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.spi.run.AfterHalt;
import dev.faultline.engine.spi.run.HaltReason;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code faultline gameday run --on-halt=ask}: the paused day asks on the terminal, with a real kill switch. */
@ForkSandbox.Indifferent
class HaltPromptIT {
    @TempDir
    Path home;

    private Composition composition;
    private final StringWriter out = new StringWriter();

    @BeforeEach
    void start() throws Exception {
        composition = new Composition(new FaultlineHome(home));
    }

    @AfterEach
    void stop() {
        composition.close();
    }

    private HaltPolicy.Halt halt(int index, int total) throws Exception {
        Experiment e = composition
                .loader
                .load(Path.of(
                        System.getProperty("faultline.runbooks", "../runbooks"),
                        "sandbox",
                        "payment-latency-holds.yaml"))
                .experiment();
        return new HaltPolicy.Halt(
                index, total, e, null, true, "the kill switch is engaged (smoke)", index + 1 < total ? "next-one" : "");
    }

    private AfterHalt answer(HaltPolicy.Halt h, String typed) throws Exception {
        return new HaltPrompt(
                        ASK,
                        composition.killSwitch,
                        new BufferedReader(new StringReader(typed)),
                        new PrintWriter(out, true))
                .decide(h);
    }

    @Test
    void aReasonReleasesTheKillSwitchAndThenTheLeaderChoosesToRepeat() throws Exception {
        composition.killSwitch.halt(HaltReason.killSwitch("smoke")).get(30, TimeUnit.SECONDS);

        AfterHalt a = answer(halt(2, 4), "\nall clear, the fire brigade left\nx\np\n");

        assertThat(a).isEqualTo(AfterHalt.REPEAT);
        assertThat(composition.killSwitch.isEngaged()).isFalse();
        assertThat(out.toString())
                .contains("paused: experiment 3/4")
                .contains("Why is it safe to go on?")
                .contains("kill switch released: all clear, the fire brigade left")
                .contains("[r]esume with experiment 4")
                .contains("answer r, p or e");
    }

    @Test
    void endEndsTheDayAndLeavesTheSwitchEngaged() throws Exception {
        composition.killSwitch.halt(HaltReason.killSwitch("smoke")).get(30, TimeUnit.SECONDS);

        assertThat(answer(halt(0, 2), "end\n")).isEqualTo(AfterHalt.END);
        assertThat(composition.killSwitch.isEngaged()).isTrue();
    }

    @Test
    void theLastExperimentCannotBeResumedAndTheEndOfInputEndsTheDay() throws Exception {
        assertThat(answer(halt(1, 2), "r\n")).isEqualTo(AfterHalt.END);
        assertThat(out.toString()).doesNotContain("[r]esume").contains("answer p or e");
    }
}
