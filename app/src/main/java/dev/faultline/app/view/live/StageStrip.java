package dev.faultline.app.view.live;

import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.MethodStep;
import dev.faultline.engine.model.Rollout;
import dev.faultline.engine.spi.run.RunEvent;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.jspecify.annotations.Nullable;

/**
 * Where a progressive rollout stands in the live run, in one line: "payments-failing: stage 2 of 4:
 * 5% → next 25% in 0:42", the countdown refreshed by {@link #tick}; then whether the last stage
 * checked held. Empty for a run without a rollout. No nodes: the live view binds a label to it.
 */
final class StageStrip {
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final Map<String, Rollout> rollouts = new LinkedHashMap<>();
    private @Nullable Current current;

    /** The stage in effect: its step, number (from 1), share, when it began (epoch ms). */
    private record Current(String step, int stage, int stages, String label, long began, boolean checked, String end) {}

    /** A new run of {@code e}: its rolled-out steps' stages and holds, nothing in effect yet. */
    void begin(Experiment e) {
        rollouts.clear();
        for (MethodStep s : e.method()) {
            if (s instanceof MethodStep.FaultStep f) {
                f.stages().ifPresent(r -> rollouts.put(f.name(), r));
            }
        }
        current = null;
        text.set("");
    }

    void clear() {
        rollouts.clear();
        current = null;
        text.set("");
    }

    /** Takes a run event; returns the mark for the charts when a stage began, else null. */
    @Nullable
    ChartMark take(RunEvent e, long now) {
        if (e instanceof RunEvent.RolloutStageStarted s) {
            current = new Current(s.step(), s.stage(), s.stages(), s.label(), s.at().toEpochMilli(), false, "");
            tick(now);
            return new ChartMark(s.at().toEpochMilli(), ChartMark.Kind.STAGE, "stage " + s.stage() + " · " + s.label());
        }
        if (e instanceof RunEvent.RolloutStageChecked c
                && current != null
                && current.step().equals(c.step())) {
            String end = c.held()
                    ? (c.stage() == c.stages() ? "held: every stage held" : "held, widening…")
                    : "did not hold: the rollout stops here";
            current = new Current(c.step(), c.stage(), c.stages(), c.label(), current.began(), true, end);
            tick(now);
        }
        if (e instanceof RunEvent.RunFinished && current != null && !current.checked()) {
            Current c = current;
            current = new Current(
                    c.step(), c.stage(), c.stages(), c.label(), c.began(), true, "cut short: the run ended");
            tick(now);
        }
        return null;
    }

    /** Refreshes the countdown to the next stage at {@code now} (epoch ms). */
    void tick(long now) {
        Current c = current;
        if (c == null) {
            text.set("");
            return;
        }
        String head = c.step() + ": stage " + c.stage() + " of " + c.stages() + ": " + c.label();
        if (c.checked()) {
            text.set(head + " " + c.end());
            return;
        }
        Rollout r = rollouts.get(c.step());
        if (r == null) {
            text.set(head);
            return;
        }
        Duration left = Duration.ofMillis(Math.max(0, c.began() + r.hold().toMillis() - now));
        String clock = clock(left);
        text.set(
                c.stage() < r.stages().size()
                        ? head + " → next " + r.label(c.stage()) + " in " + clock
                        : head + " (the last) · checked in " + clock);
    }

    /** "0:42", "1:05:00". */
    static String clock(Duration d) {
        long s = (d.toMillis() + 999) / 1000; // a countdown rounds up: 0:00 only at the end
        return s >= 3600
                ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }

    ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }
}
