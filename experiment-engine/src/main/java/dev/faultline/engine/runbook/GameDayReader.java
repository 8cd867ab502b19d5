package dev.faultline.engine.runbook;

import dev.faultline.engine.model.Checklist;
import dev.faultline.engine.model.ExperimentCrew;
import dev.faultline.engine.model.GameDay;
import dev.faultline.engine.model.Participant;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Turns a schema-valid {@code kind: GameDay} tree into a {@link GameDay}, checking what a schema
 * cannot: the time zone, the local start time, unique participants and experiments. Returns null
 * when anything is wrong; every problem is in {@link Problems}, placed at its line.
 */
final class GameDayReader {
    private final Problems problems;

    GameDayReader(Problems problems) {
        this.problems = problems;
    }

    @Nullable
    GameDay read(JsonNode root) {
        JsonNode meta = root.get("metadata");
        JsonNode spec = root.get("spec");
        String name = meta.path("name").asString();
        ZoneId zone = zone(spec.path("schedule"));
        Instant start = zone == null ? null : start(spec.path("schedule"), zone);
        List<String> objectives = strings(spec.path("objectives"));
        List<Participant> participants = participants(spec.path("participants"));
        Map<String, ExperimentCrew> crews = new LinkedHashMap<>();
        List<String> experiments = experiments(spec.path("experiments"), participants, crews);
        JsonNode c = spec.path("checklist");
        Checklist checklist =
                new Checklist(items(c.path("preChecks")), items(c.path("comms")), items(c.path("abortCriteria")));
        if (problems.any() || zone == null || start == null) {
            return null;
        }
        return problems.build(
                "spec",
                () -> new GameDay(
                        name,
                        problems.text(meta, "title", name),
                        problems.text(meta, "description", "").strip(),
                        objectives,
                        start,
                        zone,
                        spec.path("environment").asString(),
                        participants,
                        experiments,
                        checklist,
                        crews));
    }

    private @Nullable ZoneId zone(JsonNode schedule) {
        String z = schedule.path("zone").asString();
        try {
            return ZoneId.of(z);
        } catch (DateTimeException e) {
            problems.at(
                    "spec.schedule.zone",
                    "'" + z + "' is not a time zone; use an IANA name such as"
                            + " Europe/Berlin, America/New_York or UTC");
            return null;
        }
    }

    private @Nullable Instant start(JsonNode schedule, ZoneId zone) {
        String s = schedule.path("start").asString();
        try {
            return LocalDateTime.parse(s).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            problems.at("spec.schedule.start", "'" + s + "' is not a local date and time such as 2026-12-03T10:00");
            return null;
        }
    }

    private static List<String> strings(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.asString().strip()));
        return out;
    }

    private List<Participant> participants(JsonNode list) {
        List<Participant> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = list.get(i);
            String path = "spec.participants[" + i + "]";
            String name = n.path("name").asString().strip();
            if (!names.add(name)) {
                problems.at(path + ".name", "'" + name + "' is listed twice");
                continue;
            }
            Participant p = problems.build(
                    path,
                    () -> new Participant(
                            name,
                            Participant.Role.fromYaml(n.path("role").asString()),
                            n.path("slackId").asString("")));
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * The experiments in order, each a runbook path, or {@code {runbook: path, operators: [names],
     * observers: [names]}} to say who runs and watches it; their crews go to {@code crews}.
     */
    private List<String> experiments(JsonNode list, List<Participant> participants, Map<String, ExperimentCrew> crews) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> people = new HashSet<>();
        participants.forEach(p -> people.add(p.name()));
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = list.get(i);
            String path = "spec.experiments[" + i + "]";
            String ref = (n.isObject() ? n.path("runbook") : n).asString().strip();
            if (!seen.add(ref)) {
                problems.at(path, "'" + ref + "' is listed twice; a GameDay runs each" + " experiment once");
                continue;
            }
            out.add(ref);
            if (n.isObject()) {
                ExperimentCrew crew = new ExperimentCrew(
                        crewNames(n.path("operators"), path + ".operators", people),
                        crewNames(n.path("observers"), path + ".observers", people));
                crews.put(ref, crew);
            }
        }
        return out;
    }

    private List<String> crewNames(JsonNode list, String path, Set<String> people) {
        List<String> names = strings(list);
        for (String name : names) {
            if (!people.contains(name)) {
                problems.at(path, "'" + name + "' is not a participant of the day; add them under spec.participants");
            }
        }
        return names;
    }

    private static List<Checklist.Item> items(JsonNode list) {
        List<Checklist.Item> out = new ArrayList<>();
        list.forEach(n -> out.add(new Checklist.Item(
                n.path("item").asString().strip(), n.path("done").asBoolean(false))));
        return out;
    }
}
