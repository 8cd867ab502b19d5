package dev.faultline.engine.runbook;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Checks a runbook's tree against the published JSON Schema ({@code docs/runbook.schema.json}) and
 * words each violation for people, at the line and column it concerns.
 */
final class SchemaCheck {
    static final String RESOURCE = "/dev/faultline/engine/runbook/runbook.schema.json";

    private final Schema schema;

    SchemaCheck() {
        try (InputStream in = SchemaCheck.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the runbook schema is missing from the class path: " + RESOURCE);
            }
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<RunbookProblem> check(LocatedTree tree, String file) {
        List<RunbookProblem> out = new ArrayList<>();
        for (Error e : schema.validate(tree.root())) {
            String path = path(e.getInstanceLocation());
            String keyword = e.getKeyword() == null ? "" : e.getKeyword();
            if (keyword.equals("if") || keyword.equals("then") || keyword.equals("else")) {
                continue; // the sub-schema's own errors are reported as well
            }
            if (keyword.equals("pattern") && valueForm(e) != null) {
                continue; // the readers say the same of a duration, size or rate, and read the rest of the file too
            }
            String field = path;
            String message;
            String kind = tree.root().path("kind").asString("");
            SourceMark mark;
            switch (keyword) {
                case "additionalProperties" -> {
                    field = LocatedTree.child(path, e.getProperty());
                    mark = tree.keyMarkOf(field);
                    message = "unknown field '" + e.getProperty() + "'" + suggestion(path, e.getProperty(), kind);
                }
                case "required" -> {
                    mark = tree.markOf(path);
                    message = "missing required field '" + e.getProperty() + "'";
                    field = LocatedTree.child(path, e.getProperty());
                }
                case "type" -> {
                    mark = tree.markOf(path);
                    message = "must be " + types(e.getSchemaNode()) + ", not " + kind(e.getInstanceNode());
                }
                case "enum" -> {
                    mark = tree.markOf(path);
                    message = "'" + text(e.getInstanceNode()) + "' is not one of "
                            + e.getSchemaNode()
                                    .toString()
                                    .replace("[", "")
                                    .replace("]", "")
                                    .replace("\"", "");
                }
                case "const" -> {
                    mark = tree.markOf(path);
                    message = "must be " + e.getSchemaNode().asString() + ", not '" + text(e.getInstanceNode()) + "'";
                }
                case "pattern" -> {
                    mark = tree.markOf(path);
                    message = path.equals("metadata.name")
                            ? "'" + text(e.getInstanceNode()) + "' is not a valid name: use lower-case letters, digits"
                                    + " and dashes (at most 63), starting and ending with a letter or digit"
                            : "'" + text(e.getInstanceNode()) + "' does not have the expected form";
                }
                case "maxLength" -> {
                    mark = tree.markOf(path);
                    message = "is too long: at most " + e.getSchemaNode().asString() + " characters";
                }
                case "maximum" -> {
                    mark = tree.markOf(path);
                    message = "must be at most " + e.getSchemaNode().asString() + ", not " + text(e.getInstanceNode());
                }
                case "minimum" -> {
                    mark = tree.markOf(path);
                    message = "must be at least " + e.getSchemaNode().asString() + ", not " + text(e.getInstanceNode());
                }
                default -> {
                    mark = tree.markOf(path);
                    message = plain(e.getMessage());
                }
            }
            out.add(new RunbookProblem(file, mark.line(), mark.column(), field, message));
        }
        out.sort(Comparator.comparingInt(RunbookProblem::line).thenComparingInt(RunbookProblem::column));
        return out;
    }

    /** The shared definition (duration, size, rate) a failed pattern belongs to, or null. */
    private static @Nullable String valueForm(Error e) {
        String where = String.valueOf(e.getSchemaLocation());
        for (String form : List.of("duration", "size", "rate")) {
            if (where.contains("/$defs/" + form + "/")) {
                return form;
            }
        }
        return null;
    }

    static String path(NodePath p) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < p.getNameCount(); i++) {
            Object el = p.getElement(i);
            if (el instanceof Integer n) {
                b.append('[').append(n).append(']');
            } else {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(el);
            }
        }
        return b.toString();
    }

    /**
     * "(did you mean 'duration'?)" when a known field of that mapping is a typo away; where a field
     * known elsewhere was put on the experiment, where it belongs instead.
     */
    private String suggestion(String path, String unknown, String kind) {
        if (path.equals("spec") && unknown.equals("rollout") && !kind.equals("GameDay")) {
            return " (a rollout sits on a fault step, next to the share it replaces: move it under the step in"
                    + " spec.method whose fault it rolls out)";
        }
        JsonNode props = propertiesAt(path, kind);
        String best = null;
        int bestDistance = 3;
        if (props != null) {
            for (String known : props.propertyNames()) {
                int d = Levenshtein.distance(
                        known.toLowerCase(java.util.Locale.ROOT), unknown.toLowerCase(java.util.Locale.ROOT));
                if (d < bestDistance) {
                    bestDistance = d;
                    best = known;
                }
            }
        }
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    /** The "properties" of the schema that applies at an instance path, following $ref and then. */
    private @Nullable JsonNode propertiesAt(String path, String kind) {
        JsonNode node = schema.getSchemaNode();
        if (!path.isEmpty()) {
            boolean top = true;
            for (String part : path.replace("[", ".[").split("\\.")) {
                node = deref(node);
                if (top && part.equals("spec")) {
                    // the spec's shape depends on the kind (if/then/else at the top of the schema)
                    node = schema.getSchemaNode()
                            .path("$defs")
                            .path(kind.equals("GameDay") ? "gameDaySpec" : "experimentSpec");
                } else if (part.startsWith("[")) {
                    node = node.path("items");
                } else {
                    JsonNode next = node.path("properties").path(part);
                    node = next.isMissingNode()
                            ? deref(node.path("then")).path("properties").path(part)
                            : next;
                }
                top = false;
            }
        }
        node = deref(node);
        JsonNode props = node.path("properties");
        if (props.isMissingNode()) {
            props = deref(node.path("then")).path("properties");
        }
        return props.isMissingNode() ? null : props;
    }

    private JsonNode deref(JsonNode node) {
        JsonNode ref = node.path("$ref");
        if (ref.isString() && ref.asString().startsWith("#/$defs/")) {
            return schema.getSchemaNode().path("$defs").path(ref.asString().substring("#/$defs/".length()));
        }
        return node;
    }

    private static String types(JsonNode schemaNode) {
        JsonNode type = schemaNode;
        List<String> names =
                type.isArray() ? type.valueStream().map(JsonNode::asString).toList() : List.of(type.asString());
        return String.join(" or ", names.stream().map(SchemaCheck::typeInWords).toList());
    }

    private static String typeInWords(String jsonType) {
        return switch (jsonType) {
            case "integer" -> "a whole number";
            case "number" -> "a number";
            case "string" -> "text";
            case "boolean" -> "true or false";
            case "object" -> "a mapping";
            case "array" -> "a list";
            default -> jsonType;
        };
    }

    private static String kind(JsonNode n) {
        if (n == null || n.isNull()) {
            return "empty";
        }
        if (n.isObject()) {
            return "a mapping";
        }
        if (n.isArray()) {
            return "a list";
        }
        if (n.isBoolean()) {
            return n.asString();
        }
        return "'" + n.asString() + "'";
    }

    private static String text(JsonNode n) {
        return n == null ? "" : n.isValueNode() ? n.asString() : n.toString();
    }

    private static String plain(String message) {
        int colon = message.indexOf(": ");
        return colon > 0 && message.startsWith("$") ? message.substring(colon + 2) : message;
    }
}
