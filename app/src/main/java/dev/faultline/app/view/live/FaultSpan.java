package dev.faultline.app.view.live;

/**
 * A fault's time on the charts: from injection until it was reverted ({@code end} is
 * {@code Long.MAX_VALUE} while it is still active).
 */
public record FaultSpan(String step, String description, long start, long end) {
    public boolean active() {
        return end == Long.MAX_VALUE;
    }

    FaultSpan endedAt(long at) {
        return new FaultSpan(step, description, start, at);
    }
}
