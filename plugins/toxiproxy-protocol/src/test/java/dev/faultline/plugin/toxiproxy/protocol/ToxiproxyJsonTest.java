package dev.faultline.plugin.toxiproxy.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Proxies and toxics read from and written to the JSON of the examples in the Toxiproxy API's documentation. */
class ToxiproxyJsonTest {
    private static SequencedMap<String, Long> attributes(Object... kv) {
        SequencedMap<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], ((Number) kv[i + 1]).longValue());
        }
        return m;
    }

    @Test
    void aProxyAsCreatedIsReadAndWrittenBackWithTheSameFields() {
        String answer = "{\"name\":\"orders_db\",\"listen\":\"127.0.0.1:40123\",\"upstream\":\"127.0.0.1:5432\","
                + "\"enabled\":true,\"toxics\":[]}";
        Proxy p = ToxiproxyJson.proxy(ToxiproxyJson.read(answer));
        assertThat(p).isEqualTo(new Proxy("orders_db", "127.0.0.1:40123", "127.0.0.1:5432", true, List.of()));
        assertThat(ToxiproxyJson.write(ToxiproxyJson.toJson(p))).isEqualTo(answer);
        assertThat(ToxiproxyJson.write(ToxiproxyJson.newProxy("orders_db", "127.0.0.1:0", "127.0.0.1:5432", true)))
                .isEqualTo(
                        "{\"name\":\"orders_db\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"127.0.0.1:5432\",\"enabled\":true}");
    }

    @Test
    void aToxicIsWrittenInTheServersKeyOrderAndReadBackEqual() {
        String answer =
                "{\"attributes\":{\"latency\":500,\"jitter\":50},\"name\":\"latency_downstream\",\"type\":\"latency\","
                        + "\"stream\":\"downstream\",\"toxicity\":1}";
        Toxic t = ToxiproxyJson.toxic(ToxiproxyJson.read(answer));
        assertThat(t)
                .isEqualTo(new Toxic(
                        "latency_downstream",
                        "latency",
                        Stream.DOWNSTREAM,
                        1.0,
                        attributes("latency", 500, "jitter", 50)));
        assertThat(t.attributes().sequencedKeySet()).containsExactly("latency", "jitter");
        String written = ToxiproxyJson.write(ToxiproxyJson.toJson(t));
        assertThat(written)
                .isEqualTo("{\"attributes\":{\"latency\":500,\"jitter\":50},\"name\":\"latency_downstream\","
                        + "\"type\":\"latency\",\"stream\":\"downstream\",\"toxicity\":1.0}");
        assertThat(ToxiproxyJson.toxic(ToxiproxyJson.read(written))).isEqualTo(t);
    }

    @Test
    void aRequestWithoutNameStreamOrToxicityTakesTheServersDefaults() {
        Toxic t = ToxiproxyJson.toxic(ToxiproxyJson.read("{\"type\":\"slicer\",\"attributes\":{\"average_size\":100,"
                + "\"size_variation\":10,\"delay\":5000}}"));
        assertThat(t.name()).isEqualTo("slicer_downstream");
        assertThat(t.stream()).isEqualTo(Stream.DOWNSTREAM);
        assertThat(t.toxicity()).isEqualTo(1.0);
        assertThat(t.attribute("delay")).isEqualTo(5000);
        assertThat(t.attribute("missing")).isZero();
        Toxic up = ToxiproxyJson.toxic(
                ToxiproxyJson.read("{\"type\":\"timeout\",\"stream\":\"UpStream\",\"toxicity\":0.25}"));
        assertThat(up.name()).isEqualTo("timeout_upstream");
        assertThat(up.stream()).isEqualTo(Stream.UPSTREAM);
        assertThat(up.attributes()).isEmpty();
        assertThat(Stream.parse("sideways")).isEmpty();
    }

    @Test
    void theProxyIndexIsAnObjectByNameWithEachProxysToxics() {
        String index = "{\"redis\":{\"name\":\"redis\",\"listen\":\"127.0.0.1:26379\",\"upstream\":\"127.0.0.1:6379\","
                + "\"enabled\":false,\"toxics\":[{\"attributes\":{\"rate\":64},\"name\":\"slow\",\"type\":\"bandwidth\","
                + "\"stream\":\"upstream\",\"toxicity\":0.5}]},\"db\":{\"name\":\"db\",\"listen\":\"127.0.0.1:1\","
                + "\"upstream\":\"127.0.0.1:2\",\"enabled\":true,\"toxics\":[]}}";
        SequencedMap<String, Proxy> all = ToxiproxyJson.proxies(ToxiproxyJson.read(index));
        assertThat(all.sequencedKeySet()).containsExactly("redis", "db");
        assertThat(all.get("redis").enabled()).isFalse();
        assertThat(all.get("redis").toxics())
                .containsExactly(new Toxic("slow", "bandwidth", Stream.UPSTREAM, 0.5, attributes("rate", 64)));
        JsonNode again = ToxiproxyJson.read(ToxiproxyJson.write(ToxiproxyJson.toJson(all.get("redis"))));
        assertThat(ToxiproxyJson.proxy(again)).isEqualTo(all.get("redis"));
        assertThat(ToxiproxyJson.proxies(ToxiproxyJson.read("{}"))).isEmpty();
    }

    @Test
    void errorBodiesAreReadWhateverTheirContentTypeAndPlainTextBecomesTheError() {
        assertThat(ToxiproxyJson.error(ToxiproxyJson.read("{\"error\":\"toxic already exists\",\"status\":409}\n")))
                .isEqualTo("toxic already exists");
        assertThat(ToxiproxyJson.error(ToxiproxyJson.read("User agent not allowed")))
                .isEqualTo("User agent not allowed");
        assertThat(ToxiproxyJson.error(ToxiproxyJson.read(""))).isEmpty();
        assertThat(ToxiproxyJson.read("{\"version\": \"2.12.0\"}\n")
                        .path("version")
                        .asString())
                .isEqualTo("2.12.0");
    }
}
