package dev.faultline.engine.report;

import java.util.List;

/** Everything the team recorded about a GameDay run (or a single run): the retrospective. */
public record Retrospective(
        List<Observation> observations,
        List<Finding> findings,
        List<ExperimentOutcome> outcomes,
        List<Lesson> lessons,
        List<ActionItem> actionItems) {
    public static final Retrospective EMPTY = new Retrospective(List.of(), List.of(), List.of(), List.of(), List.of());

    public Retrospective {
        observations = List.copyOf(observations);
        findings = List.copyOf(findings);
        outcomes = List.copyOf(outcomes);
        lessons = List.copyOf(lessons);
        actionItems = List.copyOf(actionItems);
    }
}
