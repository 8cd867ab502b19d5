package dev.faultline.plugin.chaostoolkit;

import dev.faultline.engine.model.Tolerance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Faultline tolerances in the {@code faultline} extension of an exported experiment, and back. */
final class ToleranceCodec {
    private ToleranceCodec() {}

    static ObjectNode write(Tolerance t) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        switch (t) {
            case Tolerance.Threshold th -> n.put("op", th.op().name()).put("bound", th.bound());
            case Tolerance.Range r -> n.put("min", r.min()).put("max", r.max());
            case Tolerance.Near near -> n.put("target", near.target()).put("delta", near.delta());
            case Tolerance.Exact e -> n.put("exact", e.value());
        }
        return n;
    }

    static Tolerance read(JsonNode n) {
        if (n.has("op")) {
            return new Tolerance.Threshold(
                    Tolerance.Op.valueOf(n.get("op").asString()), n.get("bound").asDouble());
        }
        if (n.has("min")) {
            return new Tolerance.Range(n.get("min").asDouble(), n.get("max").asDouble());
        }
        if (n.has("target")) {
            return new Tolerance.Near(n.get("target").asDouble(), n.get("delta").asDouble());
        }
        if (n.has("exact")) {
            return new Tolerance.Exact(n.get("exact").asDouble());
        }
        throw new IllegalArgumentException(
                "not a tolerance: give op and bound, min and max, target and delta, or exact");
    }
}
