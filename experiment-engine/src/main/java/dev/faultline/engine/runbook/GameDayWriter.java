package dev.faultline.engine.runbook;

import dev.faultline.engine.model.Checklist;
import dev.faultline.engine.model.ExperimentCrew;
import dev.faultline.engine.model.GameDay;
import dev.faultline.engine.model.Participant;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Writes a GameDay as a {@code kind: GameDay} runbook; loading what it writes gives the same GameDay. */
public final class GameDayWriter {
    private final YAMLMapper yaml = YAMLMapper.builder().build();

    public String toYaml(GameDay d) {
        ObjectNode root = yaml.createObjectNode();
        root.put("apiVersion", "faultline.dev/v1");
        root.put("kind", "GameDay");
        ObjectNode meta = root.putObject("metadata");
        meta.put("name", d.name());
        if (!d.title().equals(d.name())) {
            meta.put("title", d.title());
        }
        if (!d.description().isEmpty()) {
            meta.put("description", d.description());
        }
        ObjectNode spec = root.putObject("spec");
        spec.put("environment", d.environment());
        ObjectNode schedule = spec.putObject("schedule");
        schedule.put("start", d.scheduledLocal().toLocalDateTime().toString());
        schedule.put("zone", d.zone().getId());
        if (!d.objectives().isEmpty()) {
            ArrayNode o = spec.putArray("objectives");
            d.objectives().forEach(o::add);
        }
        if (!d.participants().isEmpty()) {
            ArrayNode ps = spec.putArray("participants");
            for (Participant p : d.participants()) {
                ObjectNode n = ps.addObject()
                        .put("name", p.name())
                        .put("role", p.role().yamlName());
                if (!p.slackId().isEmpty()) {
                    n.put("slackId", p.slackId());
                }
            }
        }
        ArrayNode ex = spec.putArray("experiments");
        for (String e : d.experiments()) {
            ExperimentCrew crew = d.crews().get(e);
            if (crew == null) {
                ex.add(e); // the form every Faultline reads
            } else {
                ObjectNode n = ex.addObject().put("runbook", e);
                crew.operators().forEach(n.withArray("operators")::add);
                crew.observers().forEach(n.withArray("observers")::add);
            }
        }
        if (!d.checklist().isEmpty()) {
            ObjectNode c = spec.putObject("checklist");
            items(c, "preChecks", d.checklist().preChecks());
            items(c, "comms", d.checklist().comms());
            items(c, "abortCriteria", d.checklist().abortCriteria());
        }
        return yaml.writeValueAsString(root);
    }

    private static void items(ObjectNode c, String key, List<Checklist.Item> items) {
        if (items.isEmpty()) {
            return;
        }
        ArrayNode a = c.putArray(key);
        items.forEach(i -> a.addObject().put("item", i.text()).put("done", i.done()));
    }
}
