package dev.faultline.engine.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.engine.runbook.RunbookProblem;
import dev.faultline.engine.spi.Secret;
import dev.faultline.engine.spi.SecretRef;
import dev.faultline.engine.spi.SettingsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentsFileTest {
    static final String STAGING = """
            environments:
              staging:
                production: true
                kubernetes:
                  context: staging-eu
                  kubeconfig: /etc/faultline/kubeconfig
                  namespaces: [shop, payments]
                prometheus:
                  url: http://127.0.0.1:9090
                  token: env:PROM_TOKEN
                  retries: 2
                toxiproxy:
                  url: http://127.0.0.1:8474
                  stream: upstream
                local:
                  proxyApi: http://127.0.0.1:28474
                  stressor: built-in
                backends:
                  chaos-mesh:
                    namespace: shop
                    injectTimeout: 10s
            """;

    @TempDir
    Path dir;

    @Test
    void anEnvironmentGetsItsBackendsSettingsAndTheBuiltInsStay() throws Exception {
        Environments envs = EnvironmentsFile.parse(STAGING, "environments.yaml");
        assertThat(envs.names()).isEqualTo("local, sandbox, staging");
        Environment staging = envs.find("staging").orElseThrow();
        assertThat(staging.production()).isTrue();
        assertThat(staging.sandbox()).isFalse();
        assertThat(staging.settingsFor("prometheus").values().values())
                .containsEntry("url", "http://127.0.0.1:9090")
                .containsEntry("token", "env:PROM_TOKEN")
                .containsEntry("retries", "2");
        assertThat(staging.settingsFor("toxiproxy").values().get("stream")).contains("upstream");
        assertThat(staging.settingsFor("local").values().get("proxyApi")).contains("http://127.0.0.1:28474");
        assertThat(staging.settingsFor("local").values().get("stressor")).contains("built-in");
        assertThat(staging.settingsFor("chaos-mesh").values().values())
                .containsEntry("context", "staging-eu")
                .containsEntry("namespaces", "shop,payments")
                .containsEntry("namespace", "shop")
                .containsEntry("injectTimeout", "10s")
                .containsEntry("kubeconfig", "/etc/faultline/kubeconfig");
        assertThat(staging.settingsFor("litmus").values().get("context")).contains("staging-eu");
        assertThat(staging.settingsFor("toxiproxy").values().has("context")).isFalse();
        assertThat(envs.find("sandbox").orElseThrow().sandbox()).isTrue();
    }

    @Test
    void aMissingFileMeansOnlyTheBuiltIns() throws Exception {
        assertThat(EnvironmentsFile.load(dir.resolve("environments.yaml")).names())
                .isEqualTo("local, sandbox");
    }

    @Test
    void theLocalBackendCanBeAllowedOtherUsersProcesses() throws Exception {
        Environments envs = EnvironmentsFile.parse("""
                environments:
                  shared-host:
                    local: {allowOtherUsers: true}
                """, "environments.yaml");
        assertThat(envs.find("shared-host")
                        .orElseThrow()
                        .settingsFor("local")
                        .values()
                        .get("allowOtherUsers"))
                .contains("true");
        assertThatThrownBy(() -> EnvironmentsFile.parse(
                        "environments:\n  shared-host:\n    local: {allowOtherUsers: yes please}\n",
                        "environments.yaml"))
                .hasMessageContaining("environments.yaml:3:")
                .hasMessageContaining("is not true or false");
    }

    @Test
    void aToxiproxyEnvironmentListsTheProxiesItsServerShouldHaveAndWritesThemBack() throws Exception {
        String text = """
                environments:
                  ci:
                    toxiproxy:
                      url: http://127.0.0.1:8474
                      proxies: redis,payments
                      proxies.redis.listen: 127.0.0.1:26379
                      proxies.redis.upstream: 127.0.0.1:6379
                      proxies.redis.enabled: "true"
                """;
        Environments envs = EnvironmentsFile.parse(text, "environments.yaml");
        var toxiproxy = envs.find("ci").orElseThrow().settingsFor("toxiproxy").values();
        assertThat(toxiproxy.get("proxies")).contains("redis,payments");
        assertThat(toxiproxy.get("proxies.redis.upstream")).contains("127.0.0.1:6379");
        String written = new EnvironmentsWriter().toYaml(envs);
        assertThat(new EnvironmentsWriter().toYaml(EnvironmentsFile.parse(written, "written.yaml")))
                .isEqualTo(written);

        assertThatThrownBy(() -> EnvironmentsFile.parse(
                        text.replace("proxies.redis.enabled", "proxies.redis.toxics"), "environments.yaml"))
                .hasMessageContaining("environments.yaml:8:")
                .hasMessageContaining("unknown field 'proxies.redis.toxics'");
    }

    @Test
    void problemsNameTheFileTheLineAndTheField() {
        String text = """
                environments:
                  staging:
                    production: maybe
                    prometheus:
                      url: not a url
                      tokn: env:X
                    toxiproxy:
                      stream: sideways
                    kubernets: {}
                """;
        assertThatThrownBy(() -> EnvironmentsFile.parse(text, "environments.yaml"))
                .isInstanceOfSatisfying(
                        SettingsException.class,
                        e -> assertThat(e.problems())
                                .extracting(RunbookProblem::toString)
                                .containsExactlyInAnyOrder(
                                        "environments.yaml:3:17: environments.staging.production: production is true or false, not 'maybe'",
                                        "environments.yaml:5:12: environments.staging.prometheus.url: 'not a url' is not an http(s) URL, e.g. http://127.0.0.1:9090",
                                        "environments.yaml:6:7: environments.staging.prometheus.tokn: unknown field 'tokn'; did you mean 'token'?",
                                        "environments.yaml:8:15: environments.staging.toxiproxy.stream: stream is upstream (client to server) or downstream (server to client), not 'sideways'",
                                        "environments.yaml:9:5: environments.staging.kubernets: unknown field 'kubernets'; did you mean 'kubernetes'?"));
    }

    @Test
    void aCredentialInClearIsRefusedWithoutRepeatingIt() {
        String text = """
                environments:
                  prod:
                    prometheus:
                      url: http://127.0.0.1:9090
                      password: hunter2-very-secret
                """;
        assertThatThrownBy(() -> EnvironmentsFile.parse(text, "environments.yaml"))
                .hasMessageContaining(
                        "environments.yaml:5:17: environments.prod.prometheus.password: password: a credential"
                                + " is given as a reference")
                .message()
                .doesNotContain("hunter2");
    }

    @Test
    void theLocalProxyApiTokenIsAReferenceNeverAClearValue() throws Exception {
        String clear = """
                environments:
                  lab:
                    local:
                      proxyApi: http://127.0.0.1:28474
                      proxyApiToken: 0123456789abcdef0123456789abcdef
                """;
        assertThatThrownBy(() -> EnvironmentsFile.parse(clear, "environments.yaml"))
                .hasMessageContaining("environments.yaml:5:22: environments.lab.local.proxyApiToken: proxyApiToken: a"
                        + " credential is given as a reference")
                .message()
                .doesNotContain("0123456789abcdef");
        Environments ok = EnvironmentsFile.parse(
                clear.replace("0123456789abcdef0123456789abcdef", "env:LAB_PROXY_TOKEN"), "environments.yaml");
        assertThat(ok.all())
                .filteredOn(e -> e.name().equals("lab"))
                .singleElement()
                .satisfies(e -> assertThat(e.settingsFor("local").values().get("proxyApiToken"))
                        .contains("env:LAB_PROXY_TOKEN"));
    }

    @Test
    void theSandboxCannotBeRedefinedAndBadYamlIsLocated() {
        assertThatThrownBy(() ->
                        EnvironmentsFile.parse("environments:\n  a:\n    toxiproxy: {stream: upstream}\n", "e.yaml"))
                .hasMessage(
                        "e.yaml:3:16: environments.a.toxiproxy: the toxiproxy section needs its url, e.g. url: http://127.0.0.1:8474");
        assertThatThrownBy(() -> EnvironmentsFile.parse("environments:\n  sandbox: {production: true}\n", "e.yaml"))
                .hasMessageContaining("e.yaml:2:3: environments.sandbox: 'sandbox' is built in");
        assertThatThrownBy(() -> EnvironmentsFile.parse("environments:\n  a: {production: true\n", "e.yaml"))
                .hasMessageStartingWith("e.yaml:")
                .hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> EnvironmentsFile.parse("environments:\n  a: {}\n  a: {}\n", "e.yaml"))
                .hasMessageContaining("e.yaml:3:3: environments.a: appears twice (first on line 2)");
    }

    @Test
    void whatTheWriterWritesReadsBackTheSame() throws Exception {
        Environments envs = EnvironmentsFile.parse(STAGING, "environments.yaml");
        String written = new EnvironmentsWriter().toYaml(envs);
        Environments again = EnvironmentsFile.parse(written, "written.yaml");
        assertThat(again.all()).isEqualTo(envs.all());
        assertThat(new EnvironmentsWriter().toYaml(again)).isEqualTo(written);
        assertThat(written).doesNotContain("sandbox").contains("token: \"env:PROM_TOKEN\"");
        Path file = dir.resolve("environments.yaml");
        new EnvironmentsWriter().write(envs, file);
        assertThat(EnvironmentsFile.load(file).all()).isEqualTo(envs.all());
        assertThat(Files.list(dir)).containsExactly(file);
    }

    @Test
    void secretReferencesResolveAtUseAndNeverPrintTheirValue(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("token");
        Files.writeString(f, "s3cr3t-token\n");
        Secret fromFile = new SecretRef("file:" + f).resolve(Map.of());
        assertThat(fromFile.reveal()).isEqualTo("s3cr3t-token");
        assertThat(fromFile).hasToString("****");
        assertThat(new SecretRef("env:TOKEN").resolve(Map.of("TOKEN", "abc")).reveal())
                .isEqualTo("abc");
        assertThatThrownBy(() -> new SecretRef("env:NOPE").resolve(Map.of()))
                .hasMessage("the environment variable NOPE (credential env:NOPE) is not set");
        assertThatThrownBy(() -> new SecretRef("file:" + tmp.resolve("missing")).resolve(Map.of()))
                .hasMessageContaining("cannot be read");
        assertThatThrownBy(() -> new SecretRef("abc")).isInstanceOf(IllegalArgumentException.class);
    }
}
