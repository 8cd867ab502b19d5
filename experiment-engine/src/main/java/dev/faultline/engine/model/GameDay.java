package dev.faultline.engine.model;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A planned GameDay: why (objectives), when (scheduled start in the organiser's zone), where
 * (environment), who (participants) and what: experiments in order, each a runbook path relative to
 * the GameDay's own file, who runs and who watches each of them ({@code crews}, by experiment; an
 * experiment without one is run by the operators and watched by the observers), plus the day's
 * checklist.
 */
public record GameDay(
        String name,
        String title,
        String description,
        List<String> objectives,
        Instant scheduledStart,
        ZoneId zone,
        String environment,
        List<Participant> participants,
        List<String> experiments,
        Checklist checklist,
        Map<String, ExperimentCrew> crews) {
    /** A GameDay whose experiments are all run by its operators and watched by its observers. */
    public GameDay(
            String name,
            String title,
            String description,
            List<String> objectives,
            Instant scheduledStart,
            ZoneId zone,
            String environment,
            List<Participant> participants,
            List<String> experiments,
            Checklist checklist) {
        this(
                name,
                title,
                description,
                objectives,
                scheduledStart,
                zone,
                environment,
                participants,
                experiments,
                checklist,
                Map.of());
    }

    public GameDay {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(scheduledStart, "scheduledStart");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(checklist, "checklist");
        objectives = List.copyOf(objectives);
        participants = List.copyOf(participants);
        experiments = List.copyOf(experiments);
        Map<String, ExperimentCrew> named = new LinkedHashMap<>();
        for (Map.Entry<String, ExperimentCrew> c : crews.entrySet()) {
            if (!experiments.contains(c.getKey())) {
                throw new IllegalArgumentException(
                        "a crew is given for '" + c.getKey() + "', which is not an experiment of the day");
            }
            if (!c.getValue().isEmpty()) {
                named.put(c.getKey(), c.getValue());
            }
        }
        crews = Collections.unmodifiableMap(named);
        if (experiments.isEmpty()) {
            throw new IllegalArgumentException("a GameDay needs at least one experiment");
        }
        if (environment.isBlank()) {
            throw new IllegalArgumentException("a GameDay needs an environment");
        }
    }

    /**
     * Who runs and who watches {@code experiment}: its own crew when the plan names one, otherwise
     * the day's operators and observers.
     */
    public ExperimentCrew crewOf(String experiment) {
        ExperimentCrew own = crews.get(experiment);
        if (own != null) {
            return own;
        }
        return new ExperimentCrew(names(Participant.Role.OPERATOR), names(Participant.Role.OBSERVER));
    }

    private List<String> names(Participant.Role role) {
        return withRole(role).stream().map(Participant::name).toList();
    }

    public ZonedDateTime scheduledLocal() {
        return scheduledStart.atZone(zone);
    }

    /** The first participant with that role. */
    public Optional<Participant> first(Participant.Role role) {
        return participants.stream().filter(p -> p.role() == role).findFirst();
    }

    public List<Participant> withRole(Participant.Role role) {
        return participants.stream().filter(p -> p.role() == role).toList();
    }
}
