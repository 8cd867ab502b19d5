package dev.faultline.engine.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.engine.model.Fault;
import dev.faultline.engine.model.FaultAttribute;
import dev.faultline.engine.model.FaultKind;
import dev.faultline.engine.model.FaultKinds;
import dev.faultline.engine.model.MethodStep;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The published {@code docs/runbook.schema.json} and the fault kinds the loader reads agree: the
 * same kinds, the same attributes with the same shapes, and every kind's example passes both the
 * schema and the loader and is written back as it was read.
 */
class FaultSchemaAgreementTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BASE =
            RunbookLoaderTest.GOOD.replace("targets: [proxy/payments, process/sandbox-payment]", "targets: []");

    private final RunbookLoader loader = new RunbookLoader();

    private static JsonNode faultSchema() throws Exception {
        JsonNode schema = JSON.readTree(Files.readString(Path.of("../docs/runbook.schema.json")));
        return schema.path("$defs").path("step").path("properties").path("fault");
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> out = new TreeSet<>();
        array.forEach(v -> out.add(v.asString()));
        return out;
    }

    @Test
    void theSchemaNamesExactlyTheKindsTheLoaderReads() throws Exception {
        Set<String> kinds =
                FaultKinds.all().stream().map(FaultKind::name).collect(Collectors.toCollection(TreeSet::new));
        assertThat(texts(faultSchema().path("properties").path("type").path("enum")))
                .isEqualTo(kinds);
    }

    @Test
    void theSchemaListsExactlyTheAttributesTheKindsTake() throws Exception {
        Set<String> listed = new TreeSet<>(faultSchema().path("properties").propertyNames());
        listed.remove("type");
        Set<String> taken = new TreeSet<>();
        FaultKinds.all().forEach(k -> taken.addAll(k.attributeNames()));
        assertThat(listed).isEqualTo(taken);
    }

    @Test
    void everyAttributeHasTheShapeTheSchemaGivesIt() throws Exception {
        JsonNode properties = faultSchema().path("properties");
        Map<String, FaultAttribute.Shape> seen = new HashMap<>();
        for (FaultKind<?> kind : FaultKinds.all()) {
            for (FaultAttribute a : kind.attributes()) {
                FaultAttribute.Shape before = seen.putIfAbsent(a.key(), a.shape());
                assertThat(before)
                        .as("%s.%s: one key, one shape across kinds (the schema is flat)", kind, a.key())
                        .isIn(null, a.shape());
                JsonNode p = properties.path(a.key());
                String ref = p.path("$ref").asString("");
                String type = p.path("type").isArray()
                        ? texts(p.path("type")).toString()
                        : p.path("type").asString("");
                String where = kind + "." + a.key();
                switch (a.shape()) {
                    case DURATION -> assertThat(ref).as(where).isEqualTo("#/$defs/duration");
                    case SHARE -> assertThat(ref).as(where).isEqualTo("#/$defs/share");
                    case SIZE -> assertThat(ref).as(where).isEqualTo("#/$defs/size");
                    case RATE -> assertThat(ref).as(where).isEqualTo("#/$defs/rate");
                    case OFFSET ->
                        assertThat(p.path("pattern").asString("")).as(where).isNotEmpty();
                    case INTEGER -> assertThat(type).as(where).isEqualTo("integer");
                    case TEXT -> assertThat(type).as(where).isEqualTo("string");
                    case FLAG -> assertThat(type).as(where).isEqualTo("boolean");
                    case TEXT_MAP ->
                        assertThat(type + " of "
                                        + p.path("additionalProperties")
                                                .path("type")
                                                .asString(""))
                                .as(where)
                                .isEqualTo("object of string");
                    case TEXT_LIST ->
                        assertThat(type + " of " + p.path("items").path("type").asString(""))
                                .as(where)
                                .isEqualTo("array of string");
                    case CHOICE -> assertThat(texts(p.path("enum"))).as(where).isEqualTo(new TreeSet<>(a.choices()));
                    case SCALAR -> assertThat(type).as(where).isEqualTo("[boolean, null, number, string]");
                }
            }
        }
    }

    private static String yaml(Fault f) {
        ObjectNode n = JSON.createObjectNode();
        FaultWriter.write(n, f);
        return n.toString();
    }

    private Fault load(String fault) throws Exception {
        return ((MethodStep.FaultStep)
                        loader.parse(BASE.replace("{type: latency, latency: 300ms, jitter: 50ms}", fault), "t.yaml")
                                .experiment()
                                .method()
                                .get(0))
                .fault();
    }

    @Test
    void everyKindsExamplePassesTheSchemaAndTheLoaderAndIsWrittenBackTheSame() throws Exception {
        for (FaultKind<?> kind : FaultKinds.all()) {
            Fault example = kind.example();
            assertThat(example.kind()).as(kind.name()).isSameAs(kind);
            String written = yaml(example);
            assertThat(load(written)).as(written).isEqualTo(example);
            assertThat(yaml(load(written))).isEqualTo(written);
            Set<String> keys = new TreeSet<>(JSON.readTree(written).propertyNames());
            keys.remove("type");
            assertThat(kind.attributeNames()).as(kind.name()).containsAll(keys);
        }
    }

    @Test
    void anAttributeOfAnotherKindIsRefusedAtItsLine() throws Exception {
        Map<String, JsonNode> someValue = new HashMap<>();
        for (FaultKind<?> kind : FaultKinds.all()) {
            JSON.readTree(yaml(kind.example()))
                    .properties()
                    .forEach(e -> someValue.putIfAbsent(e.getKey(), e.getValue()));
        }
        someValue.remove("type");
        for (FaultKind<?> kind : FaultKinds.all()) {
            String foreign = someValue.keySet().stream()
                    .sorted()
                    .filter(k -> !kind.attributeNames().contains(k))
                    .findFirst()
                    .orElseThrow();
            ObjectNode n = (ObjectNode) JSON.readTree(yaml(kind.example()));
            n.set(foreign, someValue.get(foreign));
            assertThatThrownBy(() -> load(n.toString()))
                    .as(kind.name())
                    .isInstanceOfSatisfying(
                            RunbookException.class,
                            e -> assertThat(e.problems())
                                    .extracting(p -> p.line() + " " + p.field() + ": " + p.message())
                                    .contains("27 spec.method[0].fault." + foreign + ": '" + foreign
                                            + "' does not apply to a "
                                            + kind.name() + " fault"
                                            + (kind.attributeNames().isEmpty()
                                                    ? ""
                                                    : " (it takes "
                                                            + String.join(", ", new TreeSet<>(kind.attributeNames()))
                                                            + ")")));
        }
    }

    @Test
    void aWrongShareIsReportedAtItsOwnAttribute() {
        // Before the fault units, a latency's correlation was read inside the constructor call and
        // its problem placed on the fault; now every kind reads it as the Kubernetes kinds did.
        assertThatThrownBy(() -> load("{type: latency, latency: 1s, correlation: 150%}"))
                .isInstanceOfSatisfying(
                        RunbookException.class,
                        e -> assertThat(e.problems())
                                .extracting(RunbookProblem::field, RunbookProblem::message)
                                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                                        "spec.method[0].fault.correlation",
                                        "'150%' is not a share: write a percentage from 0% to 100%, e.g. 50%")));
    }

    @Test
    void theKindsAreListedOnceEach() {
        List<String> names = FaultKinds.all().stream().map(FaultKind::name).toList();
        assertThat(names).doesNotHaveDuplicates();
        names.forEach(n -> assertThat(FaultKinds.named(n)).isPresent());
    }
}
