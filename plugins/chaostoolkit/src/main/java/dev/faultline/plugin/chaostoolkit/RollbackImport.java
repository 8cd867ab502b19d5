package dev.faultline.plugin.chaostoolkit;

import dev.faultline.engine.model.CommandStep;
import dev.faultline.engine.model.RollbackAction;
import dev.faultline.engine.spi.interop.ConversionNote;
import dev.faultline.engine.spi.interop.ImportException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The rollbacks of a Chaos Toolkit experiment read into Faultline rollback actions, and what is left out
 * with a note: rollbacks that only revert a fault, controls, contributions.
 */
final class RollbackImport extends ImportContext {
    private final MethodImport method;

    RollbackImport(ImportContext shared, MethodImport method) {
        super(shared);
        this.method = method;
    }

    List<RollbackAction> rollbacks(JsonNode list) throws ImportException {
        List<RollbackAction> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String path = "rollbacks[" + i + "]";
            JsonNode a = resolve(list.get(i), path);
            String source = "rollback " + a.get("name").asString();
            JsonNode provider = subst().apply(a.get("provider"), source);
            if (FaultActions.revertKey(provider).isPresent()) {
                notes.add(new ConversionNote(
                        source, "Faultline reverts every fault itself, on a halt too: not needed as a rollback"));
                continue;
            }
            CommandStep c = (CommandStep) method.commandStep(a, provider, 0, null, source);
            stepNames.remove(c.name());
            String name = c.name();
            for (int k = 2; !names.add(name); k++) {
                name = c.name() + "-" + k;
            }
            out.add(new RollbackAction(
                    name, Shell.line(c.command().argv()), c.command().timeout()));
        }
        return out;
    }

    void controls(JsonNode root) {
        List<JsonNode> all = new ArrayList<>();
        root.path("controls").forEach(all::add);
        root.path("steady-state-hypothesis").path("controls").forEach(all::add);
        root.path("method").forEach(a -> a.path("controls").forEach(all::add));
        for (JsonNode c : all) {
            notes.add(
                    new ConversionNote(
                            "control " + c.path("name").asString("?"),
                            "left out (" + c.path("provider").path("module").asString("?")
                                    + "): Faultline has no controls; its own safety applies (kill switch, stop conditions, blast radius, journal)"));
        }
    }

    /**
     * The {@code runtime} strategies an experiment may carry ({@code hypothesis}: when the steady state
     * is checked, {@code rollbacks}: when they run): Faultline checks the hypothesis at baseline, during
     * the faults through stop conditions and at the end, and always runs its rollbacks.
     */
    void runtime(JsonNode root) {
        JsonNode r = root.path("runtime");
        if (!r.isObject()) {
            return;
        }
        for (String part : r.propertyNames()) {
            JsonNode v = r.get(part);
            List<String> settings = new ArrayList<>();
            if (v.isObject()) {
                for (String k : v.propertyNames()) {
                    settings.add(k + " " + v.get(k).asString(v.get(k).toString()));
                }
            } else {
                settings.add(v.asString(v.toString()));
            }
            String instead = switch (part) {
                case "hypothesis" ->
                    "Faultline samples the hypothesis at baseline, during the faults (halting on its stop"
                            + " conditions: add one for fail_fast) and at the end";
                case "rollbacks" -> "Faultline always runs its rollbacks, on a halt too";
                default -> "Faultline has no such runtime setting";
            };
            notes.add(new ConversionNote(
                    "runtime." + part, "left out (" + String.join(", ", settings) + "): " + instead));
        }
    }

    void contributions(JsonNode root) {
        JsonNode c = root.path("contributions");
        if (c.isObject() && !c.isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (String k : c.propertyNames()) {
                parts.add(k + " " + c.get(k).asString());
            }
            notes.add(new ConversionNote(
                    "contributions",
                    "left out (" + String.join(", ", parts) + "): Faultline has no contribution model"));
        }
    }
}
