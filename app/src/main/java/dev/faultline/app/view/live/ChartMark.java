package dev.faultline.app.view.live;

/**
 * Something marked on the charts' time axis.
 *
 * @param at   epoch milliseconds
 * @param kind what happened, which decides the colour
 * @param text a short label
 */
public record ChartMark(long at, Kind kind, String text) {
    public enum Kind {
        INJECT,
        REVERT,
        BREACH,
        HALT,
        OBSERVATION,
        PHASE,
        /** A progressive rollout's stage began: its share is in effect. */
        STAGE
    }
}
