package dev.faultline.engine.model;

import java.util.List;
import java.util.Objects;

/** The day's checklist: checks before the first fault, who to tell, and when to abort the day. */
public record Checklist(List<Item> preChecks, List<Item> comms, List<Item> abortCriteria) {
    public static final Checklist EMPTY = new Checklist(List.of(), List.of(), List.of());

    public record Item(String text, boolean done) {
        public Item {
            Objects.requireNonNull(text, "text");
            if (text.isBlank()) {
                throw new IllegalArgumentException("a checklist item needs a text");
            }
        }
    }

    public Checklist {
        preChecks = List.copyOf(preChecks);
        comms = List.copyOf(comms);
        abortCriteria = List.copyOf(abortCriteria);
    }

    public boolean isEmpty() {
        return preChecks.isEmpty() && comms.isEmpty() && abortCriteria.isEmpty();
    }
}
