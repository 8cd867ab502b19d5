package dev.faultline.engine.model;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A planned GameDay: why (objectives), when (scheduled start in the organiser's zone), where
 * (environment), who (participants) and what: experiments in order, each a runbook path relative to
 * the GameDay's own file, plus the day's checklist.
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
        Checklist checklist) {
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
        if (experiments.isEmpty()) {
            throw new IllegalArgumentException("a GameDay needs at least one experiment");
        }
        if (environment.isBlank()) {
            throw new IllegalArgumentException("a GameDay needs an environment");
        }
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
