package dev.faultline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shipped runbooks, run as a user runs them: the command line starts the real sandbox on
 * 127.0.0.1 (separate processes), injects real faults through the chaos proxy and signals, reads
 * real /metrics, stores the run in H2 on disk, and stops the sandbox afterwards. The other shipped
 * runbooks run as shipped on one running sandbox each class starts once:
 * {@link PaymentRunbooksOnOneSandboxIT} (first-gameday's halting, pause and half-unavailable runbooks
 * and the dry run) and {@link SandboxRunbooksOnOneSandboxIT} (one runbook per kind of fault), classes
 * of their own so that they run in other test forks at the same time as this one.
 */
class SandboxRunbooksIT {
    @TempDir
    Path home;

    private JsonNode json(Path f) throws Exception {
        return JsonMapper.builder().build().readTree(Files.readString(f));
    }

    @Test
    void theHoldingRunbookExitsZeroAndItsJsonShowsPhasesProbesAndFaults() throws Exception {
        Path result = home.resolve("r.json");
        Cli cli = Cli.run(
                home,
                "run",
                Cli.runbook("payment-latency-holds.yaml"),
                "--json",
                result.toString(),
                "--junit",
                home.resolve("junit.xml").toString());

        assertThat(cli.exit()).as(cli.out() + cli.err()).isZero();
        JsonNode r = json(result);
        assertThat(r.path("outcome").asString()).isEqualTo("HELD");
        assertThat(r.path("phases")
                        .valueStream()
                        .map(p -> p.path("phase").asString())
                        .toList())
                .containsSubsequence("PREFLIGHT", "BASELINE", "INJECT", "ROLLBACK", "RECOVERY", "VERIFY", "DONE");
        assertThat(r.path("probes").size()).isEqualTo(2);
        assertThat(r.path("probes").get(0).path("during").path("samples").asInt())
                .isPositive();
        JsonNode fault = r.path("faults").get(0);
        assertThat(fault.path("confirmedGone").asBoolean()).isTrue();
        assertThat(fault.path("timeToRecoveryMs").isNumber()).isTrue();
        assertThat(Files.readString(home.resolve("junit.xml")))
                .contains("<testsuite")
                .contains("failures=\"0\"");
        Cli runs = Cli.run(home, "runs");
        assertThat(runs.out()).contains("HELD").contains("payment-latency-holds");
    }

    @Test
    void aBrokenRunbookIsRefusedWithFileLineColumnAndExitTwo() throws Exception {
        Path broken = home.resolve("broken.yaml");
        Files.writeString(
                broken,
                Files.readString(Path.of(Cli.runbook("payment-latency-holds.yaml")))
                        .replace("duration: 20s", "duration: 20 sekunds")
                        .replace("maxShare: 100%", "maxShare: lots"));

        Cli validate = Cli.run(home, "validate", broken.toString());
        assertThat(validate.exit()).isEqualTo(2);
        assertThat(validate.err())
                .contains(broken + ":42:17: spec.method[0].duration: '20 sekunds' is not a duration")
                .contains("spec.blastRadius.maxShare");
        assertThat(Cli.run(home, "run", broken.toString()).exit()).isEqualTo(2);
    }
}
