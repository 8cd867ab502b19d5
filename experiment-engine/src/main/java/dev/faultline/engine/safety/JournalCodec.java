package dev.faultline.engine.safety;

import dev.faultline.engine.model.Params;
import dev.faultline.engine.spi.BackendSettings;
import dev.faultline.engine.spi.FaultHandle;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** One journal line to and from JSON. The format is stable: old journals must stay readable. */
final class JournalCodec {
    private final JsonMapper json = JsonMapper.builder().build();

    String intent(JournalEntry e) {
        ObjectNode n = json.createObjectNode();
        n.put("op", "intent");
        n.put("id", e.id());
        n.put("at", e.at().toString());
        n.put("ownerPid", e.owner().pid());
        n.put("ownerStarted", e.owner().startedAt().toString());
        n.put("runId", e.runId());
        n.put("step", e.step());
        n.put("backend", e.settings().backend());
        n.set("settings", params(e.settings().values()));
        ObjectNode h = n.putObject("handle");
        h.put("backend", e.handle().backend());
        h.put("id", e.handle().id());
        h.put("description", e.handle().description());
        h.set("data", params(e.handle().data()));
        return json.writeValueAsString(n);
    }

    String transition(String id, JournalEntry.State state, Instant at, String detail) {
        ObjectNode n = json.createObjectNode();
        n.put("op", state.name().toLowerCase(java.util.Locale.ROOT));
        n.put("id", id);
        n.put("at", at.toString());
        n.put("detail", detail);
        return json.writeValueAsString(n);
    }

    /** A parsed line: either an intent (entry set) or a transition of an earlier one. */
    record Line(String op, String id, @Nullable JournalEntry entry) {}

    Line parse(String text) {
        JsonNode n = json.readTree(text);
        String op = n.path("op").asString("");
        String id = n.path("id").asString("");
        if (op.isEmpty() || id.isEmpty()) {
            throw new IllegalArgumentException("not a journal line");
        }
        if (!op.equals("intent")) {
            return new Line(op, id, null);
        }
        JsonNode h = n.path("handle");
        JournalEntry e = new JournalEntry(
                id,
                Instant.parse(n.path("at").asString()),
                new ProcessOwner(
                        n.path("ownerPid").asLong(),
                        Instant.parse(n.path("ownerStarted").asString())),
                n.path("runId").asString(),
                n.path("step").asString(),
                new BackendSettings(n.path("backend").asString(), params(n.path("settings"))),
                new FaultHandle(
                        h.path("backend").asString(),
                        h.path("id").asString(),
                        h.path("description").asString(),
                        params(h.path("data"))),
                JournalEntry.State.INTENDED);
        return new Line(op, id, e);
    }

    private ObjectNode params(Params p) {
        ObjectNode n = json.createObjectNode();
        new TreeMap<>(p.values()).forEach(n::put);
        return n;
    }

    private static Params params(JsonNode n) {
        Map<String, String> m = new TreeMap<>();
        n.properties().forEach(en -> m.put(en.getKey(), en.getValue().asString()));
        return new Params(m);
    }
}
