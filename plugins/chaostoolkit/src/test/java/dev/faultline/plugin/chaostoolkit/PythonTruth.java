package dev.faultline.plugin.chaostoolkit;

import tools.jackson.databind.JsonNode;

/** Python's truth of a JSON value, which chaoslib's checks rely on ({@code if not experiment.get("title")}). */
final class PythonTruth {
    private PythonTruth() {}

    /** Present, not null, not false, not empty, not zero. */
    static boolean truthy(JsonNode v) {
        if (v.isMissingNode() || v.isNull()) {
            return false;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isNumber()) {
            return v.asDouble() != 0;
        }
        if (v.isString()) {
            return !v.asString().isEmpty();
        }
        return !v.isEmpty();
    }
}
