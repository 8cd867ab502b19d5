package dev.faultline.app.session;

/** Whether a session tells the notifiers (Slack, ...) about its runs. */
public enum Notify {
    /** Tells nobody ({@code faultline run} without {@code --notify}). */
    OFF,
    /** Tells the notifiers that are set up; none set up is fine (GameDays, and runs from the app). */
    IF_SET_UP,
    /** Asked for ({@code faultline run --notify}): none set up is said, and the run goes on. */
    REQUESTED
}
