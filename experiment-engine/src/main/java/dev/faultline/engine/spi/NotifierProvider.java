package dev.faultline.engine.spi;

import java.util.Optional;

/** Makes a {@link Notifier} from the user's settings; listed in {@code META-INF/services}. */
public interface NotifierProvider {

    /** The settings' prefix: {@code slack} reads {@code slack.*}. */
    String id();

    /**
     * A notifier for these settings, or empty when this provider is not configured at all.
     *
     * @throws NotifierException when the settings are there but wrong (say which and how to fix it)
     */
    Optional<Notifier> create(NotifierSettings settings, Undelivered.Sink undelivered) throws NotifierException;

    /**
     * Sends one test message and says how it went (the settings screen's and {@code faultline slack test}'s
     * "send test message").
     */
    String sendTest(NotifierSettings settings) throws NotifierException;
}
