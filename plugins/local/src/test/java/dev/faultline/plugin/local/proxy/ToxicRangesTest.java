package dev.faultline.plugin.local.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Issue 13, item 9: every duration, size and rate of a toxic has a range the API checks (400), so
 * a latency of 9223372036854 ms (no delay at all) or a jitter of Long.MAX (every connection
 * dropped) can no longer go in.
 */
class ToxicRangesTest {
    private final ProxyJson json = new ProxyJson();

    private Toxic toxic(String body) throws ApiError {
        return json.newToxic(json.parse(body));
    }

    private static String latency(String attributes) {
        return "{\"type\":\"latency\",\"attributes\":{" + attributes + "}}";
    }

    @Test
    void aLatencyOrJitterOverAnHourIsRefused() {
        assertThatThrownBy(() -> toxic(latency("\"latency\":9223372036854")))
                .isInstanceOf(ApiError.class)
                .hasMessage("bad request body: latency of a latency toxic is 9223372036854 ms; it must be from 0 to"
                        + " 3600000 ms (1 h)")
                .extracting(e -> ((ApiError) e).status())
                .isEqualTo(400);
        assertThatThrownBy(() -> toxic(latency("\"latency\":10,\"jitter\":" + Long.MAX_VALUE)))
                .hasMessageContaining(
                        "jitter of a latency toxic is 9223372036854775807 ms; it must be from 0 to 3600000 ms");
    }

    @Test
    void eachTypeHasItsRanges() {
        assertThatThrownBy(() -> toxic("{\"type\":\"timeout\",\"attributes\":{\"timeout\":86400001}}"))
                .hasMessageContaining(
                        "timeout of a timeout toxic is 86400001 ms; it must be from 0 to 86400000 ms (24 h)");
        assertThatThrownBy(() -> toxic("{\"type\":\"reset_peer\",\"attributes\":{\"timeout\":86400001}}"))
                .hasMessageContaining("timeout of a reset_peer toxic");
        assertThatThrownBy(() -> toxic("{\"type\":\"bandwidth\",\"attributes\":{\"rate\":10000001}}"))
                .hasMessageContaining(
                        "rate of a bandwidth toxic is 10000001 KB/s; it must be from 0 to 10000000 KB/s (10 GB/s)");
        assertThatThrownBy(() -> toxic("{\"type\":\"slow_close\",\"attributes\":{\"delay\":3600001}}"))
                .hasMessageContaining("delay of a slow_close toxic is 3600001 ms");
        assertThatThrownBy(() -> toxic("{\"type\":\"slicer\",\"attributes\":{\"average_size\":1000000001}}"))
                .hasMessageContaining(
                        "average_size of a slicer toxic is 1000000001 bytes; it must be from 0 to 1000000000 bytes");
        assertThatThrownBy(() -> toxic("{\"type\":\"slicer\",\"attributes\":{\"size_variation\":1000000001}}"))
                .hasMessageContaining("size_variation of a slicer toxic");
        assertThatThrownBy(() -> toxic("{\"type\":\"slicer\",\"attributes\":{\"delay\":3600000001}}"))
                .hasMessageContaining(
                        "delay of a slicer toxic is 3600000001 µs; it must be from 0 to 3600000000 µs (1 h)");
        assertThatThrownBy(() -> toxic("{\"type\":\"limit_data\",\"attributes\":{\"bytes\":1000000000001}}"))
                .hasMessageContaining(
                        "bytes of a limit_data toxic is 1000000000001 bytes; it must be from 0 to 1000000000000 bytes");
    }

    @Test
    void numbersBeyondALongAreRefusedNotWrapped() {
        assertThatThrownBy(() -> toxic(latency("\"latency\":18446744073709551716")))
                .isInstanceOf(ApiError.class)
                .hasMessageContaining("latency of a latency toxic is 18446744073709551716 ms");
    }

    @Test
    void theBoundsThemselvesAndToxiproxysZerosAreAccepted() throws Exception {
        assertThat(toxic(latency("\"latency\":3600000,\"jitter\":3600000")).attribute("jitter"))
                .isEqualTo(3_600_000);
        assertThat(toxic("{\"type\":\"bandwidth\",\"attributes\":{\"rate\":0}}").attribute("rate"))
                .isZero();
        assertThat(toxic("{\"type\":\"timeout\",\"attributes\":{\"timeout\":86400000}}")
                        .attribute("timeout"))
                .isEqualTo(86_400_000);
        assertThat(toxic("{\"type\":\"latency\",\"attributes\":{\"latency\":5,\"unknown\":99999999999999}}")
                        .attribute("latency"))
                .isEqualTo(5);
    }

    @Test
    void anUpdateIsCheckedAsACreation() throws Exception {
        Toxic t = toxic(latency("\"latency\":100"));
        assertThatThrownBy(() -> json.changedToxic(t, json.parse("{\"attributes\":{\"jitter\":3600001}}")))
                .hasMessageContaining("jitter of a latency toxic is 3600001 ms");
        assertThatThrownBy(() -> json.changedToxic(t, json.parse("{\"toxicity\":1.5}")))
                .hasMessageContaining("toxicity must be between 0 and 1");
    }
}
