package dev.faultline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.sandbox.RunningSandbox;
import dev.faultline.sandbox.Sandbox;
import dev.faultline.sandbox.SandboxOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shipped runbooks, run as a user runs them: the command line starts the real sandbox on
 * 127.0.0.1 (separate processes), injects real faults through the chaos proxy and signals, reads
 * real /metrics, stores the run in H2 on disk, and stops the sandbox afterwards.
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

    /**
     * The seed's second and third cases and one runbook per kind of fault, all on one sandbox started
     * here (each run finds it running, as with {@code faultline sandbox}), to keep the suite short.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnOneRunningSandbox {
        private RunningSandbox sandbox;

        @BeforeAll
        void startTheSandbox(@TempDir Path sandboxHome) throws Exception {
            sandbox = Sandbox.start(SandboxOptions.defaults(sandboxHome));
        }

        @AfterAll
        void stopTheSandbox() {
            sandbox.close();
        }

        private JsonNode run(String runbook, int exit) throws Exception {
            Path result = home.resolve(runbook + ".json");
            Cli cli = Cli.run(home, "run", Cli.runbook(runbook), "--json", result.toString());
            assertThat(cli.exit()).as(cli.out() + cli.err()).isEqualTo(exit);
            assertThat(cli.out()).contains("using the sandbox that is already running");
            JsonNode r = json(result);
            assertThat(r.path("faults").get(0).path("confirmedGone").asBoolean())
                    .as("fault reverted and confirmed gone")
                    .isTrue();
            return r;
        }

        @Test
        void poolFaultsOnThirtyPercentOfCallsLeaveAtLeast95PercentOfOrdersThroughRetries() throws Exception {
            JsonNode r = run("database-pool-faults.yaml", 0);
            assertThat(r.path("outcome").asString()).isEqualTo("HELD");
            assertThat(r.path("faults").get(0).path("fault").asString()).contains("ConnectionPool#acquire throws");
            assertThat(r.path("probes").get(0).path("during").path("min").asDouble())
                    .isGreaterThanOrEqualTo(0.95);
        }

        @Test
        void whenTheCacheFailsOrdersFallBackToTheDatabaseSlowerButBounded() throws Exception {
            JsonNode r = run("cache-fails-falls-back.yaml", 0);
            JsonNode p50 = r.path("probes").get(1);
            assertThat(p50.path("name").asString()).isEqualTo("order-p50-latency");
            assertThat(p50.path("during").path("mean").asDouble())
                    .as("slower without the cache")
                    .isGreaterThan(p50.path("after").path("mean").asDouble())
                    .isLessThan(300);
        }

        @Test
        void aJvmExceptionInThePaymentServiceIsRetried() throws Exception {
            JsonNode r = run("payment-exception-retried.yaml", 0);
            assertThat(r.path("probes").get(0).path("during").path("mean").asDouble())
                    .isBetween(0.85, 0.999);
        }

        @Test
        void aPartitionFromPaymentsIsRecoveredFrom() throws Exception {
            JsonNode r = run("payment-partition-recovers.yaml", 0);
            assertThat(r.path("probes")
                            .get(0)
                            .path("during")
                            .path("outsideTolerance")
                            .asInt())
                    .isPositive();
            assertThat(r.path("probes").get(0).path("recoveryTimeMs").isNumber())
                    .isTrue();
        }

        @Test
        void aThinLinkABusyCpuAndALeakingDiskHeavyNeighbourAreSurvived() throws Exception {
            assertThat(run("payment-bandwidth-holds.yaml", 0).path("outcome").asString())
                    .isEqualTo("HELD");
            assertThat(run("cpu-stress-holds.yaml", 0).path("outcome").asString())
                    .isEqualTo("HELD");
            assertThat(run("memory-and-disk-pressure-holds.yaml", 0)
                            .path("outcome")
                            .asString())
                    .isEqualTo("HELD");
        }
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
