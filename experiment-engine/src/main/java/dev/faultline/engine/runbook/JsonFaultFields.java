package dev.faultline.engine.runbook;

import dev.faultline.engine.model.FaultFields;
import dev.faultline.engine.model.OutOfRangeException;
import dev.faultline.engine.model.Sizes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** A fault's attributes in a runbook's tree, for its kind's reader; problems go to their lines. */
final class JsonFaultFields implements FaultFields {
    private final Problems problems;
    private final JsonNode node;
    private final String path;

    JsonFaultFields(Problems problems, JsonNode node, String path) {
        this.problems = problems;
        this.node = node;
        this.path = path;
    }

    @Override
    public String type() {
        return node.path("type").asString("");
    }

    @Override
    public boolean has(String key) {
        return node.has(key);
    }

    @Override
    public boolean require(String key) {
        if (!node.has(key)) {
            problems.at(path, "a " + type() + " fault needs '" + key + "'");
            return false;
        }
        return true;
    }

    @Override
    public @Nullable Duration duration(String key, @Nullable Duration fallback, Duration max) {
        return problems.duration(node, path, key, fallback, max);
    }

    @Override
    public @Nullable Double share(String key, @Nullable Double fallback) {
        if (!node.has(key)) {
            if (fallback == null) {
                problems.at(path, "a " + type() + " fault needs '" + key + "', e.g. 10%");
            }
            return fallback;
        }
        try {
            return Shares.parse(node.get(key));
        } catch (IllegalArgumentException e) {
            problems.at(at(key), e);
            return null;
        }
    }

    @Override
    public @Nullable Long size(String key) {
        if (!require(key)) {
            return null;
        }
        String text = node.get(key).asString();
        try {
            return Sizes.parse(text, key);
        } catch (OutOfRangeException e) {
            problems.at(at(key), e);
            return null;
        } catch (IllegalArgumentException e) {
            problems.at(at(key), "'" + text + "' is not a size, e.g. 256MB or 1GiB");
            return null;
        }
    }

    @Override
    public @Nullable Long rate(String key) {
        if (!node.has(key)) {
            return 0L;
        }
        String text = node.get(key).asString();
        try {
            return Sizes.parseRate(text, key);
        } catch (OutOfRangeException e) {
            problems.at(at(key), e);
            return null;
        } catch (IllegalArgumentException e) {
            problems.at(at(key), "'" + text + "' is not a rate, e.g. 64MB/s");
            return null;
        }
    }

    @Override
    public String text(String key, String fallback) {
        return problems.text(node, key, fallback);
    }

    @Override
    public int integer(String key, int fallback) {
        return node.path(key).asInt(fallback);
    }

    @Override
    public long longInteger(String key, long fallback) {
        return node.path(key).asLong(fallback);
    }

    @Override
    public boolean flag(String key, boolean fallback) {
        return node.path(key).asBoolean(fallback);
    }

    @Override
    public Map<String, String> textMap(String key) {
        Map<String, String> out = new TreeMap<>();
        node.path(key)
                .properties()
                .forEach(e -> out.put(e.getKey(), e.getValue().asString()));
        return out;
    }

    @Override
    public List<String> texts(String key) {
        return texts(node.path(key));
    }

    @Override
    public @Nullable String scalar(String key) {
        JsonNode v = node.get(key);
        if (v == null || !v.isValueNode()) {
            return null;
        }
        return v.isNull() ? "null" : v.asString();
    }

    @Override
    public void problem(String key, String message) {
        problems.at(at(key), message);
    }

    @Override
    public <T> @Nullable T build(String key, Supplier<T> make) {
        return problems.build(at(key), make);
    }

    private String at(String key) {
        return key.isEmpty() ? path : LocatedTree.child(path, key);
    }

    /** A list of text, or one value as a list of one; empty when absent. */
    static List<String> texts(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(v -> out.add(v.asString()));
        } else if (n.isValueNode() && !n.isNull() && !n.isMissingNode()) {
            out.add(n.asString());
        }
        return out;
    }
}
