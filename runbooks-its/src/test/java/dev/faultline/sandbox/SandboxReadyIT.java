package dev.faultline.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A started sandbox is ready for a baseline: the very first second after {@link Sandbox#start}
 * returns already carries the load generator's orders, nearly all confirmed, as the first baseline
 * sample of a sandbox experiment reads them. Its own port base (48080), apart from SandboxIT's.
 */
class SandboxReadyIT {
    @TempDir
    Path home;

    private final HttpClient http = HttpClient.newHttpClient();

    private OrderFlow.Counts orders(RunningSandbox s) throws Exception {
        return OrderFlow.Counts.parse(http.send(
                        HttpRequest.newBuilder(URI.create(s.orderUrl() + "/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
    }

    @Test
    void theFirstSecondAfterTheStartCarriesSteadyOrders() throws Exception {
        try (RunningSandbox s =
                Sandbox.start(SandboxOptions.defaults(home).withPortBase(48080).withRate(20))) {
            OrderFlow.Counts before = orders(s);
            Thread.sleep(1000);
            OrderFlow.Counts after = orders(s);
            double ok = after.ok() - before.ok();
            double failed = after.failed() - before.failed();
            assertThat(ok).as("orders confirmed in the first second").isGreaterThanOrEqualTo(10);
            assertThat(ok / (ok + failed))
                    .as("share confirmed in the first second")
                    .isGreaterThanOrEqualTo(0.9);
        }
    }
}
