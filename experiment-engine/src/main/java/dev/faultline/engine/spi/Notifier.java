package dev.faultline.engine.spi;

import dev.faultline.engine.spi.run.GameDayEvent;
import dev.faultline.engine.spi.run.RunEvent;

/**
 * Tells people what a GameDay and its runs are doing (Slack, e-mail, ...). The engine calls a
 * notifier only on the notifier's own thread, through a bounded queue ({@code NotificationHub}), so a
 * slow or failing notifier never blocks or slows a run. Probe samples are not passed on.
 *
 * <p>What a notifier could not deliver, after its own retries, it hands to the
 * {@link Undelivered.Sink} it was created with, which keeps it in the database.
 */
public interface Notifier extends AutoCloseable {

    /** Short stable id, e.g. {@code slack}. */
    String id();

    void onGameDayEvent(GameDayEvent event);

    void onRunEvent(RunEvent event);

    /** Releases connections; called after the last event. */
    @Override
    void close();
}
