package dev.faultline.plugin.chaostoolkit;

import dev.faultline.engine.model.Numbers;
import dev.faultline.engine.model.Tolerance;
import dev.faultline.engine.spi.interop.ConversionNote;
import dev.faultline.engine.spi.interop.ImportException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Chaos Toolkit tolerances: checked as the format requires, and read into a Faultline {@link Tolerance}
 * where there is one (an exit code or HTTP status, a PromQL value); what has none becomes {@link
 * ExperimentImport#ANY} and a note.
 */
final class ToleranceImport extends ImportContext {
    ToleranceImport(ImportContext shared) {
        super(shared);
    }

    void checkTolerance(JsonNode t, String path) throws ImportException {
        if (t.isNull()) {
            throw error(path, "a tolerance must be a number, a text, a boolean, a list or a mapping");
        }
        if (t.isObject()) {
            String type = t.path("type").asString("");
            switch (type) {
                case "probe" -> {
                    if (!t.path("provider").isObject()) {
                        throw error(LocatedSource.child(path, "provider"), "a probe tolerance needs a provider");
                    }
                }
                case "regex" -> {
                    if (!t.has("pattern")) {
                        throw error(path, "a regex tolerance must have a pattern");
                    }
                    try {
                        java.util.regex.Pattern.compile(t.get("pattern").asString());
                    } catch (java.util.regex.PatternSyntaxException e) {
                        throw error(
                                LocatedSource.child(path, "pattern"), "is not a valid pattern: " + e.getDescription());
                    }
                }
                case "jsonpath" -> {
                    if (t.path("path").asString("").isBlank()) {
                        throw error(path, "a jsonpath tolerance must have a path");
                    }
                }
                case "range" -> {
                    JsonNode r = t.path("range");
                    if (!r.isArray()
                            || r.size() != 2
                            || !r.get(0).isNumber()
                            || !r.get(1).isNumber()) {
                        throw error(
                                LocatedSource.child(path, "range"), "a range tolerance needs two numbers, e.g. [0, 5]");
                    }
                }
                default ->
                    throw error(
                            LocatedSource.child(path, "type"),
                            "tolerance type '" + type + "' is not one of probe, regex, jsonpath, range");
            }
        }
    }
    /** A tolerance on an HTTP status or an exit code (Chaos Toolkit compares numbers and lists with those). */
    Tolerance statusTolerance(JsonNode tol, String what, boolean membership) {
        if (tol.isNumber()) {
            return new Tolerance.Exact(tol.asDouble());
        }
        if (tol.isArray() && !tol.isEmpty() && allNumbers(tol)) {
            double min = Double.MAX_VALUE;
            double max = -Double.MAX_VALUE;
            for (JsonNode v : tol) {
                min = Math.min(min, v.asDouble());
                max = Math.max(max, v.asDouble());
            }
            if (tol.size() == 1) {
                return new Tolerance.Exact(min);
            }
            boolean consecutive = max - min == tol.size() - 1 && new HashSet<>(numbers(tol)).size() == tol.size();
            if (!consecutive) {
                notes.add(new ConversionNote(
                        what,
                        "tolerance " + tol + " (one of these) became the range " + Numbers.format(min) + ".."
                                + Numbers.format(max) + ", which also accepts the values between"));
            }
            return new Tolerance.Range(min, max);
        }
        if (tol.isObject() && tol.path("type").asString("").equals("range")) {
            return new Tolerance.Range(
                    tol.get("range").get(0).asDouble(), tol.get("range").get(1).asDouble());
        }
        notes.add(new ConversionNote(
                what,
                "tolerance " + describe(tol)
                        + " has no Faultline equivalent: the probe only has to answer; set its expect by hand"));
        return ExperimentImport.ANY;
    }

    Tolerance prometheusTolerance(JsonNode tol, String what) {
        if (tol.isObject() && tol.path("type").asString("").equals("jsonpath") && tol.has("expect")) {
            JsonNode e = tol.get("expect");
            JsonNode v = e.isArray() && e.size() == 1 ? e.get(0) : e;
            try {
                return new Tolerance.Exact(Double.parseDouble(v.asString().strip()));
            } catch (NumberFormatException ex) {
                // falls through to the note below
            }
        }
        if (tol.isObject() && tol.path("type").asString("").equals("range")) {
            return new Tolerance.Range(
                    tol.get("range").get(0).asDouble(), tol.get("range").get(1).asDouble());
        }
        if (tol.isNumber()) {
            return new Tolerance.Exact(tol.asDouble());
        }
        if (tol.isArray() && tol.size() == 2 && allNumbers(tol)) {
            return new Tolerance.Range(tol.get(0).asDouble(), tol.get(1).asDouble());
        }
        notes.add(
                new ConversionNote(
                        what,
                        "tolerance " + describe(tol)
                                + " has no Faultline equivalent for a PromQL value: the query only has to answer; set its expect by hand"));
        return ExperimentImport.ANY;
    }

    static String describe(JsonNode tol) {
        if (tol.isObject() && tol.has("type")) {
            String type = tol.get("type").asString();
            return switch (type) {
                case "probe" ->
                    "(a probe: "
                            + tol.path("provider")
                                    .path("module")
                                    .asString(tol.path("provider").path("type").asString()) + "."
                            + tol.path("provider").path("func").asString("") + ")";
                case "jsonpath" ->
                    "(jsonpath " + tol.path("path").asString()
                            + (tol.has("expect") ? " expect " + tol.get("expect") : "")
                            + (tol.has("count") ? " count " + tol.get("count") : "") + ")";
                default -> "(" + type + ")";
            };
        }
        return tol.toString();
    }

    static boolean allNumbers(JsonNode a) {
        for (JsonNode v : a) {
            if (!v.isNumber()) {
                return false;
            }
        }
        return true;
    }

    static List<Double> numbers(JsonNode a) {
        List<Double> out = new ArrayList<>();
        a.forEach(v -> out.add(v.asDouble()));
        return out;
    }
}
