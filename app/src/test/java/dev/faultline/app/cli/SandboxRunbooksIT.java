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
 * real /metrics, stores the run in H2 on disk, and stops the sandbox afterwards. The runbooks that
 * share one running sandbox are in {@link SandboxRunbooksOnOneSandboxIT}, a class of its own so that
 * it runs in another test fork at the same time as this one.
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
    void theHaltingRunbookExitsOneNamingTheBreachAndRevertsTheOutage() throws Exception {
        Cli cli = Cli.run(
                home,
                "run",
                Cli.runbook("payment-outage-halts.yaml"),
                "--json",
                home.resolve("r.json").toString());

        assertThat(cli.exit()).as(cli.out() + cli.err()).isEqualTo(1);
        assertThat(cli.out()).contains("HALTED").contains("stop condition orders-failing breached");
        JsonNode r = json(home.resolve("r.json"));
        assertThat(r.path("faults").get(0).path("confirmedGone").asBoolean()).isTrue();
        assertThat(r.path("probes").get(0).path("recovered").asBoolean()).isTrue();
    }

    @Test
    void thePauseRunbookFreezesThePaymentProcessAndTheShopRecovers() throws Exception {
        Cli cli = Cli.run(
                home,
                "run",
                Cli.runbook("payment-pause-recovers.yaml"),
                "--json",
                home.resolve("r.json").toString());

        assertThat(cli.exit()).as(cli.out() + cli.err()).isZero();
        JsonNode r = json(home.resolve("r.json"));
        assertThat(r.path("faults").get(0).path("fault").asString()).contains("paused");
        assertThat(r.path("probes")
                        .get(0)
                        .path("during")
                        .path("outsideTolerance")
                        .asInt())
                .isPositive();
        assertThat(r.path("probes").get(0).path("recoveryTimeMs").isNumber()).isTrue();
    }

    @Test
    void retriesCarryOrdersThroughAHalfUnavailablePaymentService() throws Exception {
        Cli cli = Cli.run(
                home,
                "run",
                Cli.runbook("payment-half-unavailable.yaml"),
                "--json",
                home.resolve("r.json").toString());

        assertThat(cli.exit()).as(cli.out() + cli.err()).isZero();
        JsonNode probe = json(home.resolve("r.json")).path("probes").get(0);
        assertThat(probe.path("during").path("mean").asDouble())
                .as("orders succeed thanks to retries")
                .isBetween(0.7, 0.99);
        assertThat(json(home.resolve("r.json"))
                        .path("faults")
                        .get(0)
                        .path("confirmedGone")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void aDryRunChecksEverythingAndInjectsNothing() throws Exception {
        Cli cli = Cli.run(home, "run", Cli.runbook("payment-outage-halts.yaml"), "--dry-run");

        assertThat(cli.exit()).as(cli.out() + cli.err()).isZero();
        assertThat(cli.out())
                .contains("nothing is injected")
                .contains("ok    target proxy/payments")
                .contains("order-success-ratio = ")
                .contains("payments-down")
                .contains("Pre-flight passed.");
        assertThat(Cli.run(home, "runs").out()).contains("no runs yet");
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
