package dev.faultline.engine.runbook;

import dev.faultline.engine.model.FaultFieldWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Writes a fault's attributes into its runbook node. */
final class JsonFaultFieldWriter implements FaultFieldWriter {
    private final ObjectNode node;

    JsonFaultFieldWriter(ObjectNode node) {
        this.node = node;
    }

    @Override
    public FaultFieldWriter put(String key, String value) {
        node.put(key, value);
        return this;
    }

    @Override
    public FaultFieldWriter put(String key, long value) {
        node.put(key, value);
        return this;
    }

    @Override
    public FaultFieldWriter put(String key, boolean value) {
        node.put(key, value);
        return this;
    }

    @Override
    public FaultFieldWriter putMap(String key, Map<String, String> values) {
        if (!values.isEmpty()) {
            ObjectNode m = node.putObject(key);
            new TreeMap<>(values).forEach(m::put);
        }
        return this;
    }

    @Override
    public FaultFieldWriter putList(String key, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode a = node.putArray(key);
            values.forEach(a::add);
        }
        return this;
    }
}
