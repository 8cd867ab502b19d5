package dev.faultline.app;

import dev.faultline.engine.env.FaultlineHome;
import dev.faultline.engine.store.FaultlineStore;
import dev.faultline.engine.store.SharedKillSwitch;
import dev.faultline.engine.store.StoreException;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Team mode: a release of the kill switch made on this desktop while the team's shared store could
 * not be told, kept in the home ({@code team-release.pending}: who, why, when) until the store is
 * back; then the team's switch is released with that reason and name (only the presses made before
 * it: a press made since stays engaged), by whichever Faultline of this home reaches the store first.
 */
public final class PendingTeamRelease {
    private static final Logger log = LoggerFactory.getLogger(PendingTeamRelease.class);
    static final String FILE = "team-release.pending";

    private PendingTeamRelease() {}

    static Path file(FaultlineHome home) {
        return home.root().resolve(FILE);
    }

    /** Keeps a release the store did not hear (a later one replaces it: its reason is the newer). */
    static void keep(FaultlineHome home, String by, String reason, Instant at) {
        Properties p = new Properties();
        p.setProperty("by", by);
        p.setProperty("reason", reason);
        p.setProperty("at", at.toString());
        p.setProperty("host", host());
        Path f = file(home);
        try {
            Files.createDirectories(home.root());
            Path tmp = Files.createTempFile(home.root(), FILE, ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "a release of the team's kill switch, made while the shared store was away");
            }
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.error(
                    "the release could not be kept for the team's store ({}): release it there once it is back",
                    e.getMessage());
        }
    }

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "this desktop";
        }
    }

    /**
     * Releases the team's switch for the release kept here, if any; returns what was done in a line
     * (empty when nothing was kept, or when the store did not take it: then the file stays). The
     * file goes once the store has the release.
     */
    public static Optional<String> applyQuietly(FaultlineHome home, FaultlineStore store) {
        try {
            return apply(home, store);
        } catch (StoreException e) {
            log.error("the release kept in {} did not reach the team's store: {}", file(home), e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * As {@link #applyQuietly}, saying why the store did not take it.
     *
     * @throws StoreException the store is away still, or refused the release (the file stays)
     */
    public static Optional<String> apply(FaultlineHome home, FaultlineStore store) throws StoreException {
        Path f = file(home);
        if (!store.shared() || !Files.exists(f)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        Instant at;
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(r);
            at = Instant.parse(p.getProperty("at", ""));
        } catch (IOException | DateTimeException e) {
            log.error("{} cannot be read ({}): the team's kill switch is left as it is", f, e.getMessage());
            return Optional.empty();
        }
        String by = p.getProperty("by", "?");
        String reason = p.getProperty("reason", "") + " (released on " + p.getProperty("host", "?") + " at " + at
                + ", while the shared store was away)";
        boolean released = new SharedKillSwitch(store).releaseFrom(by, reason, at);
        try {
            Files.deleteIfExists(f);
        } catch (IOException e) {
            log.warn("{} stays: {}", f, e.getMessage());
        }
        String line = released
                ? "the team's kill switch is released now that the store is back, by " + by + ": " + reason
                : "the team's kill switch needed no release from " + by + ": nothing pressed before it is engaged";
        log.warn(line);
        return Optional.of(line);
    }
}
