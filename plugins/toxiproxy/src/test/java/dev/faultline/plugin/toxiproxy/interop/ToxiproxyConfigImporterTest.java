package dev.faultline.plugin.toxiproxy.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.engine.spi.BackendSettings;
import dev.faultline.engine.spi.interop.ForeignFile;
import dev.faultline.engine.spi.interop.ImportException;
import dev.faultline.engine.spi.interop.Imported;
import dev.faultline.engine.spi.interop.ImportedEnvironment;
import dev.faultline.engine.spi.interop.RunbookImporter;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ToxiproxyConfigImporterTest {
    private static final String CONFIG = """
            [
              {
                "name": "redis",
                "listen": "127.0.0.1:26379",
                "upstream": "redis.internal:6379",
                "enabled": true
              },
              {"name": "payments_api", "listen": "[::]:28080", "upstream": "payments:8080", "enabled": false},
              {"name": "search", "upstream": "search:9200"}
            ]
            """;

    private final ToxiproxyConfigImporter importer = new ToxiproxyConfigImporter();

    @Test
    void isFoundByServiceLoaderAndRecognisesAProxyListNotOtherJson() {
        assertThat(ServiceLoader.load(RunbookImporter.class).stream()
                        .map(p -> p.get().format()))
                .contains("toxiproxy");
        assertThat(importer.recognise(new ForeignFile(Path.of("toxiproxy.json"), CONFIG)))
                .contains("a Toxiproxy configuration (3 proxies)");
        assertThat(importer.recognise(new ForeignFile(Path.of("x.json"), "{\"title\": \"an experiment\"}")))
                .isEmpty();
        assertThat(importer.recognise(new ForeignFile(Path.of("x.json"), "[\"upstream\"")))
                .isEmpty();
    }

    @Test
    void theProxiesBecomeTheToxiproxySettingsOfAnEnvironmentNamedAfterTheFile() throws Exception {
        Imported in = importer.read(new ForeignFile(Path.of("conf", "staging-proxies.json"), CONFIG));
        assertThat(in.experiments()).isEmpty();
        ImportedEnvironment env = in.environments().getFirst();
        assertThat(env.name()).isEqualTo("staging-proxies");
        BackendSettings s = env.backends().getFirst();
        assertThat(s.backend()).isEqualTo("toxiproxy");
        assertThat(s.values().values())
                .containsEntry("url", "http://127.0.0.1:8474")
                .containsEntry("proxies", "redis,payments_api,search")
                .containsEntry("proxies.redis.listen", "127.0.0.1:26379")
                .containsEntry("proxies.redis.upstream", "redis.internal:6379")
                .containsEntry("proxies.redis.enabled", "true")
                .containsEntry("proxies.payments_api.listen", "[::]:28080")
                .containsEntry("proxies.payments_api.enabled", "false")
                .containsEntry("proxies.search.listen", "127.0.0.1:0")
                .containsEntry("proxies.search.enabled", "true");
        assertThat(in.notes()).anySatisfy(n -> assertThat(n.toString()).startsWith("proxy search: no listen address"));
    }

    @Test
    void thePopulateAnswerIsReadToo() throws Exception {
        Imported in = importer.read(new ForeignFile(Path.of("populate.json"), """
                {"proxies": [{"name": "db", "listen": "127.0.0.1:25432", "upstream": "db:5432", "enabled": true,
                  "toxics": [{"name": "latency_downstream", "type": "latency", "stream": "downstream",
                              "toxicity": 1, "attributes": {"latency": 300, "jitter": 0}}]}]}
                """));
        assertThat(in.environments().getFirst().backends().getFirst().values().values())
                .containsEntry("proxies", "db");
        assertThat(in.notes()).anySatisfy(n -> assertThat(n.toString()).startsWith("proxy db toxics: left out: 1"));
    }

    @Test
    void aProxyWithoutUpstreamIsRefusedAtItsLine() {
        assertThatThrownBy(() -> importer.read(new ForeignFile(Path.of("t.json"), """
                        [
                          {"name": "a", "upstream": "a:1"},
                          {"name": "b",
                           "listen": "127.0.0.1:9"}
                        ]
                        """)))
                .isInstanceOfSatisfying(ImportException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.getMessage())
                            .isEqualTo(
                                    "t.json:3: [1].upstream: looks like a Toxiproxy configuration"
                                            + " but the proxy has no upstream (Toxiproxy refuses it: missing required field: upstream)");
                });
        assertThatThrownBy(() -> importer.read(new ForeignFile(Path.of("t.json"), "[\n{\"name\": \"a\",,}\n]")))
                .isInstanceOfSatisfying(
                        ImportException.class, e -> assertThat(e.line()).isEqualTo(2));
    }

    @Test
    void brokenJsonOfProxiesAndAProxyWithoutUpstreamAreRecognisedSoTheyAreRefusedAtTheirLine() {
        ForeignFile broken = new ForeignFile(
                Path.of("proxies.json"),
                "[\n  {\"name\": \"redis\", \"listen\": \"127.0.0.1:26379\", \"upstream\": \"redis:6379\",}\n]");
        assertThat(importer.recognise(broken)).contains("a Toxiproxy configuration");
        assertThatThrownBy(() -> importer.read(broken)).isInstanceOfSatisfying(ImportException.class, e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.getMessage())
                    .startsWith("proxies.json:2: looks like a Toxiproxy configuration but it" + " is not valid JSON");
        });
        ForeignFile noUpstream = new ForeignFile(
                Path.of("proxies.json"), "[\n  {\"name\": \"redis\", \"listen\": \"127.0.0.1:26379\"}\n]");
        assertThat(importer.recognise(noUpstream)).contains("a Toxiproxy configuration (1 proxies)");
        assertThatThrownBy(() -> importer.read(noUpstream))
                .isInstanceOfSatisfying(
                        ImportException.class, e -> assertThat(e.field()).isEqualTo("[0].upstream"));
    }
}
