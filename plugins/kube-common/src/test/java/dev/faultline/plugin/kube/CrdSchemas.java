package dev.faultline.plugin.kube;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The upstream CRDs' {@code openAPIV3Schema}s as strict JSON Schemas: an object that lists its
 * properties accepts no other (as an API server with strict field validation), unless the CRD says
 * {@code x-kubernetes-preserve-unknown-fields}; a {@code nullable} field also takes {@code null}, as
 * the API server lets it. Metadata is checked as the API server does: the
 * name a DNS subdomain, label values at most 63 characters of the allowed alphabet.
 */
public final class CrdSchemas {
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
    private static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");
    private final YAMLMapper yaml = new YAMLMapper();
    private final Map<String, Schema> byGroupPlural = new HashMap<>();
    private final Map<String, JsonNode> crds = new HashMap<>();

    /** @param resources class-path resources of CRD YAML files, e.g. {@code /crds/chaos-mesh.org_podchaos.yaml} */
    public CrdSchemas(List<String> resources) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
        for (String r : resources) {
            try (InputStream in = CrdSchemas.class.getResourceAsStream(r)) {
                if (in == null) {
                    throw new IllegalArgumentException("no CRD resource " + r);
                }
                JsonNode crd = yaml.readTree(in);
                String key = crd.at("/spec/group").asString() + "/"
                        + crd.at("/spec/names/plural").asString();
                JsonNode schema =
                        crd.at("/spec/versions/0/schema/openAPIV3Schema").deepCopy();
                strict(schema);
                byGroupPlural.put(key, registry.getSchema(schema));
                crds.put(key, crd);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The CRD documents, keyed {@code group/plural}. */
    public Map<String, JsonNode> crds() {
        return Map.copyOf(crds);
    }

    public boolean knows(String group, String plural) {
        return byGroupPlural.containsKey(group + "/" + plural);
    }

    /** What the API server would reject in {@code manifest}; empty when it is valid. */
    public List<String> problems(String group, String plural, JsonNode manifest) {
        Schema schema = Optional.ofNullable(byGroupPlural.get(group + "/" + plural))
                .orElseThrow(() -> new IllegalArgumentException("no CRD for " + group + "/" + plural));
        List<String> out = new ArrayList<>();
        for (Error e : schema.validate(manifest)) {
            out.add(e.getInstanceLocation() + ": " + e.getMessage());
        }
        String name = manifest.at("/metadata/name").asString("");
        if (name.isEmpty() && manifest.at("/metadata/generateName").isMissingNode()) {
            out.add("metadata.name: is required");
        } else if (!name.isEmpty()
                && (name.length() > 253 || !NAME.matcher(name).matches())) {
            out.add("metadata.name: '" + name + "' is not a DNS-1123 subdomain");
        }
        manifest.at("/metadata/labels").properties().forEach(l -> {
            String v = l.getValue().asString();
            if (v.length() > 63 || !LABEL_VALUE.matcher(v).matches()) {
                out.add("metadata.labels." + l.getKey() + ": '" + v + "' is not a valid label value");
            }
        });
        return out;
    }

    private static void strict(JsonNode node) {
        if (node instanceof ObjectNode o) {
            if (o.path("nullable").asBoolean(false) && o.path("type").isString()) {
                // OpenAPI's nullable, which the API server honours: JSON Schema says it with a type list
                String type = o.get("type").asString();
                o.putArray("type").add(type).add("null");
            }
            if (o.has("properties")
                    && !o.has("additionalProperties")
                    && !o.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                o.put("additionalProperties", false);
            }
            o.properties().forEach(e -> {
                if (!e.getKey().equals("enum")
                        && !e.getKey().equals("default")
                        && !e.getKey().equals("example")) {
                    strict(e.getValue());
                }
            });
        } else if (node.isArray()) {
            node.forEach(CrdSchemas::strict);
        }
    }
}
