package dev.faultline.plugin.local.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ExpositionTest {
    static final String TEXT = """
            # HELP sandbox_orders_total orders handled
            # TYPE sandbox_orders_total counter
            sandbox_orders_total{outcome="ok"} 95.0
            sandbox_orders_total{outcome="failed"} 5
            weird_label{path="/a \\"b\\"\\\\c",x="y"} +Inf 1700000000000
            not_a_number NaN
            sandbox_order_duration_seconds_bucket{le="0.1"} 10
            sandbox_order_duration_seconds_bucket{le="0.2"} 90
            sandbox_order_duration_seconds_bucket{le="+Inf"} 100
            sandbox_order_duration_seconds_count 100
            """;

    @Test
    void readsSamplesLabelsEscapesAndSpecialValues() {
        List<Exposition.Sample> s = Exposition.parse(TEXT);
        assertThat(s).hasSize(8);
        assertThat(s.get(0).labels()).containsEntry("outcome", "ok");
        assertThat(s.get(2).labels()).containsEntry("path", "/a \"b\"\\c").containsEntry("x", "y");
        assertThat(s.get(2).value()).isInfinite();
        assertThat(s.get(3).value()).isNaN();
    }

    @Test
    void malformedLinesAreRejectedWithTheirLineNumber() {
        assertThatThrownBy(() -> Exposition.parse("ok 1\nbroken{a=\"x} 3\n")).hasMessageContaining("line 2");
        assertThatThrownBy(() -> Exposition.parse("x abc")).hasMessageContaining("not a number");
    }

    @Test
    void selectorsSumTheSeriesTheyMatch() {
        List<Exposition.Sample> s = Exposition.parse(TEXT);
        assertThat(Selector.parse("sandbox_orders_total").sum(s)).isEqualTo(100);
        assertThat(Selector.parse("sandbox_orders_total{outcome=\"ok\"}").sum(s))
                .isEqualTo(95);
        assertThat(Selector.parse("missing_total").sum(s)).isNaN();
        assertThatThrownBy(() -> Selector.parse("orders{outcome=ok}")).hasMessageContaining("label=\"value\"");
    }

    @Test
    void quantilesInterpolateInsideTheirBucketLikePromQL() {
        TreeMap<Double, Double> b = Histograms.buckets(Exposition.parse(TEXT), "sandbox_order_duration_seconds");
        assertThat(Histograms.quantile(0.5, b)).isCloseTo(0.15, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Histograms.quantile(0.99, b)).isEqualTo(0.2); // in the +Inf bucket: the highest finite bound
        TreeMap<Double, Double> before = new TreeMap<>(b);
        before.replaceAll((k, v) -> v / 2);
        assertThat(Histograms.quantile(0.5, Histograms.minus(b, before)))
                .isCloseTo(0.15, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Histograms.quantile(0.5, Histograms.minus(b, b))).isNaN();
    }
}
