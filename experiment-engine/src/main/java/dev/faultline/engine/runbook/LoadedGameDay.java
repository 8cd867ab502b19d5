package dev.faultline.engine.runbook;

import dev.faultline.engine.model.GameDay;
import java.util.Objects;

/** A GameDay runbook loaded whole: its file, text, the text's SHA-256, and the GameDay. */
public record LoadedGameDay(String file, String text, String sha256, GameDay gameDay) {
    public LoadedGameDay {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(gameDay, "gameDay");
    }
}
