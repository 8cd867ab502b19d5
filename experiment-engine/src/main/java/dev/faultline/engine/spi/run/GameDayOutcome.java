package dev.faultline.engine.spi.run;

/** How a GameDay ended. */
public enum GameDayOutcome {
    /** Every experiment ran (whatever each one's outcome). */
    COMPLETED,
    /** The kill switch (or Ctrl-C) stopped the day; the experiments after that point did not run. */
    STOPPED,
    /** Faultline itself failed. */
    FAILED
}
