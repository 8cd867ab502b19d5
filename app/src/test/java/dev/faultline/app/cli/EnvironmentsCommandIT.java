package dev.faultline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.plugin.local.proxy.ChaosProxyServer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The environments settings file through the command line: listed with each backend's check
 * against a real Toxiproxy-compatible server, a bad file named by line and field, a production
 * environment that will not run without confirmation, and credentials that stay references.
 */
class EnvironmentsCommandIT {
    @TempDir
    Path home;

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void environmentsAreListedWithTheirBackendsReachability() throws Exception {
        int nothing = freePort();
        try (ChaosProxyServer toxiproxy = ChaosProxyServer.start("127.0.0.1", 0, List.of())) {
            Files.writeString(home.resolve("environments.yaml"), """
                    environments:
                      staging:
                        production: true
                        toxiproxy:
                          url: %s
                        prometheus:
                          url: http://127.0.0.1:%d
                          token: env:FAULTLINE_TEST_PROM_TOKEN
                        local:
                          proxyApi: http://127.0.0.1:%d
                    """.formatted(toxiproxy.apiUrl(), nothing, nothing));
            Cli cli = Cli.run(home, "environments");
            assertThat(cli.exit()).as(cli.out() + cli.err()).isEqualTo(1);
            assertThat(cli.out())
                    .contains("staging  [PRODUCTION: every run asks for confirmation]")
                    .contains("toxiproxy {url=" + toxiproxy.apiUrl() + "}  ok: Toxiproxy ")
                    .contains("prometheus {token=env:FAULTLINE_TEST_PROM_TOKEN, url=http://127.0.0.1:" + nothing
                            + "}  UNAVAILABLE: ")
                    .contains("local {proxyApi=http://127.0.0.1:" + nothing + "}  ok: process faults ready; ")
                    .contains("network and HTTP faults NOT ready: nothing listens at http://127.0.0.1:" + nothing
                            + " (connection refused)")
                    .contains("sandbox  [the practice shop, started by Faultline]")
                    .contains("local");
        }
    }

    @Test
    void aBadSettingsFileIsNamedByLineAndFieldAndRunsSayWhyTheirEnvironmentIsUnknown() throws Exception {
        Files.writeString(home.resolve("environments.yaml"), """
                environments:
                  staging:
                    toxiproxy:
                      url: http://127.0.0.1:8474
                      strem: upstream
                """);
        Cli cli = Cli.run(home, "environments");
        assertThat(cli.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(cli.err())
                .contains(home.resolve("environments.yaml") + ":5:7: environments.staging.toxiproxy.strem:"
                        + " unknown field 'strem'; did you mean 'stream'?");
        Path runbook = home.resolve("r.yaml");
        Files.writeString(
                runbook,
                Files.readString(Cli.repo().resolve("runbooks/toxiproxy/payment-latency-toxiproxy.yaml"))
                        .replace("environment: sandbox", "environment: staging"));
        Cli run = Cli.run(home, "run", runbook.toString());
        assertThat(run.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("strem").contains("unknown environment 'staging'");
    }

    @Test
    void aProductionEnvironmentDoesNotRunWithoutConfirmation() throws Exception {
        Files.writeString(home.resolve("environments.yaml"), """
                environments:
                  prod:
                    production: true
                    toxiproxy: {url: "http://127.0.0.1:1"}
                """);
        Path runbook = home.resolve("r.yaml");
        Files.writeString(
                runbook,
                Files.readString(Cli.repo().resolve("runbooks/toxiproxy/payment-latency-toxiproxy.yaml"))
                        .replace("environment: sandbox", "environment: prod"));
        Cli run = Cli.run(home, "run", runbook.toString());
        assertThat(run.exit()).isEqualTo(ExitCodes.COULD_NOT_RUN);
        assertThat(run.err()).contains("production runs need confirmation (answer yes, or pass --yes)");
    }
}
