package dev.faultline.plugin.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.engine.model.Params;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class QueryResultTest {
    private final JsonMapper json = JsonMapper.builder().build();

    private JsonNode data(String s) {
        return json.readTree(s);
    }

    @Test
    void scalarsVectorsAndMatricesBecomeOneNumber() throws Exception {
        assertThat(QueryResult.value(data("{\"resultType\":\"scalar\",\"result\":[1,\"+Inf\"]}"), "last", "q")
                        .getAsDouble())
                .isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(QueryResult.value(
                                data("{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1,\"-Inf\"]}]}"),
                                "last",
                                "q")
                        .getAsDouble())
                .isEqualTo(Double.NEGATIVE_INFINITY);
        String matrix =
                "{\"resultType\":\"matrix\",\"result\":[{\"metric\":{},\"values\":[[1,\"3\"],[2,\"NaN\"],[3,\"1\"],[4,\"2\"]]}]}";
        assertThat(QueryResult.value(data(matrix), "last", "q").getAsDouble()).isEqualTo(2);
        assertThat(QueryResult.value(data(matrix), "min", "q").getAsDouble()).isEqualTo(1);
        assertThat(QueryResult.value(data(matrix), "max", "q").getAsDouble()).isEqualTo(3);
        assertThat(QueryResult.value(data(matrix), "avg", "q").getAsDouble()).isEqualTo(2);
    }

    @Test
    void emptyAndNaNAreNoDataAndOtherShapesAreNamed() throws Exception {
        assertThat(QueryResult.value(data("{\"resultType\":\"vector\",\"result\":[]}"), "last", "q"))
                .isEmpty();
        assertThat(QueryResult.value(
                        data("{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1,\"NaN\"]}]}"),
                        "last",
                        "q"))
                .isEmpty();
        assertThatThrownBy(
                        () -> QueryResult.value(data("{\"resultType\":\"string\",\"result\":[1,\"x\"]}"), "last", "q"))
                .hasMessage("query `q` gives a string, not a number");
        assertThatThrownBy(() -> QueryResult.value(
                        data("{\"resultType\":\"vector\",\"result\":[{\"metric\":{},"
                                + "\"histogram\":[1,{\"count\":\"2\"}]}]}"),
                        "last",
                        "h"))
                .hasMessageContaining("native histogram");
    }

    @Test
    void badSettingsAreNamedByTheirKey() {
        assertThat(PromQuery.problems(
                        Params.of("query", "up", "reduce", "median", "retries", "9", "noData", "zero", "rnage", "5s")))
                .containsExactly(
                        "rnage: unknown setting of a prometheus probe (it takes noData, query, range, reduce, retries, step, timeout, url)",
                        "reduce: 'median' is not one of last, min, max, avg");
        assertThat(PromQuery.problems(Params.of("query", " ")))
                .first()
                .asString()
                .startsWith("query: a prometheus probe needs");
        assertThat(PromQuery.problems(Params.of("query", "up", "noData", "zero")))
                .containsExactly("noData: 'fail' or a number, not 'zero'");
        assertThat(PromQuery.problems(Params.of("query", "up", "range", "1m"))).isEqualTo(List.of());
        assertThat(PromQuery.from(Params.of("query", "up", "range", "1m")).step())
                .hasSeconds(2);
    }
}
