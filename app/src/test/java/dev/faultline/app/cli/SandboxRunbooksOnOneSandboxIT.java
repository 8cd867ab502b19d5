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
 * The seed's second and third cases and one runbook per kind of fault, all on the fork's sandbox
 * ({@link ForkSandbox}: each run finds it running, as with {@code faultline sandbox}), to keep the
 * suite short. The
 * runbooks that start a sandbox of their own are in {@link SandboxRunbooksIT}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ForkSandbox.Shared
class SandboxRunbooksOnOneSandboxIT {
    @TempDir
    Path home;

    private JsonNode json(Path f) throws Exception {
        return JsonMapper.builder().build().readTree(Files.readString(f));
    }

    @BeforeAll
    void startTheSandbox() throws Exception {
        ForkSandbox.get();
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
        assertThat(r.path("probes").get(0).path("recoveryTimeMs").isNumber()).isTrue();
    }

    @Test
    void aThinLinkABusyCpuAndALeakingDiskHeavyNeighbourAreSurvived() throws Exception {
        assertThat(run("payment-bandwidth-holds.yaml", 0).path("outcome").asString())
                .isEqualTo("HELD");
        assertThat(run("cpu-stress-holds.yaml", 0).path("outcome").asString()).isEqualTo("HELD");
        assertThat(run("memory-and-disk-pressure-holds.yaml", 0).path("outcome").asString())
                .isEqualTo("HELD");
    }
}
