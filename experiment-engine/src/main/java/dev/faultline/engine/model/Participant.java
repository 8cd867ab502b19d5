package dev.faultline.engine.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Someone taking part in a GameDay, with their role and, when they are on Slack, their member id
 * ({@code U0123ABCD}) so that messages can mention them.
 */
public record Participant(String name, Role role, String slackId) {
    private static final Pattern SLACK_ID = Pattern.compile("[UW][A-Z0-9]{2,20}");

    public enum Role {
        LEADER,
        OPERATOR,
        OBSERVER,
        SCRIBE,
        ON_CALL;

        /** How a runbook writes it: {@code leader}, {@code on-call}. */
        public String yamlName() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        public static Role fromYaml(String s) {
            return valueOf(s.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        }

        /** For people: "on call". */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
    }

    public Participant {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(slackId, "slackId");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a participant needs a name");
        }
        if (!slackId.isEmpty() && !SLACK_ID.matcher(slackId).matches()) {
            throw new IllegalArgumentException("'" + slackId + "' is not a Slack member id (like U0123ABCD)");
        }
    }

    public Participant(String name, Role role) {
        this(name, role, "");
    }

    /** A mention for Slack ({@code <@U0123ABCD>}) when the id is known, else the name. */
    public String mention() {
        return slackId.isEmpty() ? name : "<@" + slackId + ">";
    }
}
