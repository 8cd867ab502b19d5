package dev.faultline.engine.runbook;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * Reads YAML into a tree, token by token, noting where every key and value stands so that later
 * checks can point at them. Duplicate keys, several documents, an empty file and malformed YAML
 * become problems, never exceptions.
 */
final class YamlReader {
    static final int MAX_CHARS = 1_000_000;
    /** Lists and mappings in lists and mappings: a runbook needs fewer than 10 levels. */
    static final int MAX_DEPTH = 64;
    /**
     * The sum of the lengths of every value's path, which are all kept for locating problems: bounds
     * the memory a small but hostile file (many values under long keys) could take.
     */
    static final long MAX_PATH_CHARS = 16_000_000;

    private final YAMLMapper yaml = YAMLMapper.builder().build();
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    /** The tree, or null with the problems added to {@code problems}. */
    @Nullable
    LocatedTree read(String text, String file, List<RunbookProblem> problems) {
        if (text.length() > MAX_CHARS) {
            problems.add(new RunbookProblem(
                    file,
                    0,
                    0,
                    "",
                    "the file is " + text.length() + " characters long; a runbook may have at most " + MAX_CHARS));
            return null;
        }
        Reading r = new Reading(file, problems);
        JsonParser p = null;
        try (JsonParser parser = yaml.createParser(text)) {
            p = parser;
            JsonToken first = p.nextToken();
            if (first == null) {
                problems.add(new RunbookProblem(
                        file, 0, 0, "", "the file is empty; a runbook starts with" + " apiVersion: faultline.dev/v1"));
                return null;
            }
            int before = problems.size();
            JsonNode root = value(p, "", 0, r);
            JsonToken next = p.nextToken();
            if (next != null) {
                SourceMark m = mark(p.currentTokenLocation());
                problems.add(new RunbookProblem(
                        file,
                        m.line(),
                        m.column(),
                        "",
                        "the file holds more than one YAML document; put one runbook in each file"));
            }
            return problems.size() == before ? new LocatedTree(root, r.values, r.keys) : null;
        } catch (Refused e) {
            problems.add(new RunbookProblem(file, e.at.line(), e.at.column(), e.path, e.what));
            return null;
        } catch (StreamConstraintsException e) {
            // Jackson's limits (nesting depth, number length...) keep hostile input from exhausting the stack
            SourceMark m = e.getLocation() != null
                    ? mark(e.getLocation())
                    : p != null ? mark(p.currentLocation()) : SourceMark.NONE;
            String what = e.getMessage() != null && e.getMessage().contains("nesting depth")
                    ? "lists and mappings are nested too deep"
                    : firstLine(e);
            problems.add(new RunbookProblem(file, m.line(), m.column(), "", "not a runbook: " + what));
            return null;
        } catch (JacksonException e) {
            SourceMark m = e.getLocation() == null ? SourceMark.NONE : mark(e.getLocation());
            problems.add(new RunbookProblem(file, m.line(), m.column(), "", "not valid YAML: " + firstLine(e)));
            return null;
        } catch (RuntimeException e) {
            // snakeyaml-engine can throw its own exceptions for broken input (e.g. bad unicode escapes)
            problems.add(new RunbookProblem(file, 0, 0, "", "not valid YAML: " + firstLine(e)));
            return null;
        }
    }

    private JsonNode value(JsonParser p, String path, int depth, Reading r) {
        JsonToken t = p.currentToken();
        r.place(r.values, path, mark(p.currentTokenLocation()));
        refuseAnchorsAndAliases(p, path);
        if ((t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) && depth >= MAX_DEPTH) {
            throw new Refused(
                    mark(p.currentTokenLocation()),
                    path,
                    "not a runbook: lists and mappings are nested more" + " than " + MAX_DEPTH + " levels deep");
        }
        if (t == JsonToken.START_OBJECT) {
            ObjectNode o = nodes.objectNode();
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String key = p.currentName();
                String childPath = LocatedTree.child(path, key);
                SourceMark keyMark = mark(p.currentTokenLocation());
                p.nextToken();
                if (o.has(key)) {
                    r.problems.add(new RunbookProblem(
                            r.file,
                            keyMark.line(),
                            keyMark.column(),
                            childPath,
                            "appears twice (first on line "
                                    + r.keys.getOrDefault(childPath, keyMark).line() + ")"));
                    value(p, childPath + "#dup", depth + 1, r);
                    continue;
                }
                r.place(r.keys, childPath, keyMark);
                o.set(key, value(p, childPath, depth + 1, r));
            }
            return o;
        }
        if (t == JsonToken.START_ARRAY) {
            ArrayNode a = nodes.arrayNode();
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                a.add(value(p, LocatedTree.index(path, i++), depth + 1, r));
            }
            return a;
        }
        return switch (t) {
            case VALUE_STRING -> nodes.stringNode(p.getString());
            case VALUE_NUMBER_INT -> nodes.numberNode(p.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> floatValue(p);
            case VALUE_TRUE -> nodes.booleanNode(true);
            case VALUE_FALSE -> nodes.booleanNode(false);
            case VALUE_NULL -> nodes.nullNode();
            default -> nodes.stringNode(p.getString());
        };
    }

    /**
     * Anchors ({@code &a}) and aliases ({@code *a}) are refused: the parser hands an alias over as
     * the text of its name, so it would be silently misread, and a runbook has no need of them.
     */
    private static void refuseAnchorsAndAliases(JsonParser p, String path) {
        if (p instanceof YAMLParser y && (y.isCurrentAlias() || y.getObjectId() != null)) {
            String what = y.isCurrentAlias() ? "alias *" + y.getString() : "anchor &" + y.getObjectId();
            throw new Refused(
                    mark(p.currentTokenLocation()),
                    path,
                    what + ": anchors and aliases (&, *) are not allowed in a runbook; write the value out in full");
        }
    }

    /** What one read collects: the places of values and keys, within a budget of path characters. */
    private static final class Reading {
        final Map<String, SourceMark> values = new HashMap<>();
        final Map<String, SourceMark> keys = new HashMap<>();
        final String file;
        final List<RunbookProblem> problems;
        private long pathChars;

        Reading(String file, List<RunbookProblem> problems) {
            this.file = file;
            this.problems = problems;
        }

        void place(Map<String, SourceMark> marks, String path, SourceMark at) {
            pathChars += path.length();
            if (pathChars > MAX_PATH_CHARS) {
                throw new Refused(
                        at,
                        "",
                        "not a runbook: too many values under too long keys or too deep (their" + " paths exceed "
                                + MAX_PATH_CHARS + " characters)");
            }
            marks.put(path, at);
        }
    }

    /** Stops reading at the first refused construct. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient SourceMark at;
        private final String path;
        private final String what;

        Refused(SourceMark at, String path, String what) {
            super(what, null, false, false);
            this.at = at;
            this.path = path;
            this.what = what;
        }
    }

    /**
     * A number with a fraction or an exponent. One beyond a long ({@code 1e30}) is kept as the whole
     * number it is, so that range checks compare it exactly instead of failing to make it a long.
     */
    private JsonNode floatValue(JsonParser p) {
        double d = p.getDoubleValue();
        if (Double.isFinite(d) && Math.abs(d) >= 0x1p63) {
            return nodes.numberNode(p.getDecimalValue().toBigInteger());
        }
        return nodes.numberNode(d);
    }

    private static SourceMark mark(TokenStreamLocation l) {
        return new SourceMark(Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String line = m.strip().lines().findFirst().orElse(m);
        int at = line.indexOf(" at [Source");
        return at > 0 ? line.substring(0, at) : line;
    }
}
