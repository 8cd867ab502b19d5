package dev.faultline.engine.gameday;

import dev.faultline.engine.spi.run.GameDayEvent;

/**
 * Follows a GameDay's events, on the GameDay's thread, in order; must return quickly. A listener
 * that throws is logged and skipped.
 */
@FunctionalInterface
public interface GameDayListener {

    void onGameDayEvent(GameDayEvent event);
}
