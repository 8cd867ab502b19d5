package dev.faultline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Three of first-gameday's shipped runbooks, run as shipped (their holds unchanged), and a dry run,
 * all on the fork's sandbox ({@link ForkSandbox}): each run finds it running, as after {@code
 * faultline sandbox}.
 * A run that starts the sandbox itself and stops it afterwards is {@link SandboxRunbooksIT}'s; one
 * sandbox start (seven JVMs, warmed up until orders flow) instead of four saves about half a minute
 * and a core's half-minute of the suite per start.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ForkSandbox.Shared
class PaymentRunbooksOnOneSandboxIT {
    @BeforeAll
    void startTheSandbox() throws Exception {
        ForkSandbox.get();
    }

    private static JsonNode json(Path f) throws Exception {
        return JsonMapper.builder().build().readTree(Files.readString(f));
    }

    private static Cli run(Path home, String runbook, int exit) {
        Cli cli = Cli.run(
                home,
                "run",
                Cli.runbook(runbook),
                "--json",
                home.resolve("r.json").toString());
        assertThat(cli.exit()).as(cli.out() + cli.err()).isEqualTo(exit);
        assertThat(cli.out()).contains("using the sandbox that is already running");
        return cli;
    }

    @Test
    void theHaltingRunbookExitsOneNamingTheBreachAndRevertsTheOutage(@TempDir Path home) throws Exception {
        Cli cli = run(home, "payment-outage-halts.yaml", 1);

        assertThat(cli.out()).contains("HALTED").contains("stop condition orders-failing breached");
        JsonNode r = json(home.resolve("r.json"));
        assertThat(r.path("faults").get(0).path("confirmedGone").asBoolean()).isTrue();
        assertThat(r.path("probes").get(0).path("recovered").asBoolean()).isTrue();
    }

    @Test
    void thePauseRunbookFreezesThePaymentProcessAndTheShopRecovers(@TempDir Path home) throws Exception {
        run(home, "payment-pause-recovers.yaml", 0);

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
    void retriesCarryOrdersThroughAHalfUnavailablePaymentService(@TempDir Path home) throws Exception {
        run(home, "payment-half-unavailable.yaml", 0);

        JsonNode r = json(home.resolve("r.json"));
        assertThat(r.path("probes").get(0).path("during").path("mean").asDouble())
                .as("orders succeed thanks to retries")
                .isBetween(0.7, 0.99);
        assertThat(r.path("faults").get(0).path("confirmedGone").asBoolean()).isTrue();
    }

    @Test
    void aDryRunChecksEverythingAndInjectsNothing(@TempDir Path home) throws Exception {
        Cli cli = Cli.run(home, "run", Cli.runbook("payment-outage-halts.yaml"), "--dry-run");

        assertThat(cli.exit()).as(cli.out() + cli.err()).isZero();
        assertThat(cli.out())
                .contains("using the sandbox that is already running")
                .contains("nothing is injected")
                .contains("ok    target proxy/payments")
                .contains("order-success-ratio = ")
                .contains("payments-down")
                .contains("Pre-flight passed.");
        assertThat(Cli.run(home, "runs").out()).contains("no runs yet");
    }
}
