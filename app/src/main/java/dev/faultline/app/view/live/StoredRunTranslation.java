package dev.faultline.app.view.live;

import dev.faultline.engine.model.Numbers;
import dev.faultline.engine.spi.run.RunPhase;
import dev.faultline.engine.store.EventRecord;
import dev.faultline.engine.store.JournalMirror;
import dev.faultline.engine.store.RunnerLoss;
import dev.faultline.engine.store.SampleRecord;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Team mode: a followed run's news as the shared store keeps it (an event is its type and one line
 * of text; samples are rows) turned into what the live view's model shows, the same marks, spans,
 * charts and log lines a run of this desktop gives it.
 */
final class StoredRunTranslation {
    private final LiveRunViewModel live;

    StoredRunTranslation(LiveRunViewModel live) {
        this.live = live;
    }

    /** One event of a followed run, as the store keeps it (its type and its line of text). */
    void event(EventRecord e) {
        long at = e.at().toEpochMilli();
        live.picture().seen(at);
        String text = e.text();
        switch (e.type()) {
            case "run-started" -> live.startedAt(at);
            case "phase" -> {
                RunPhase to = phase(text);
                if (to != null) {
                    live.phaseChanged(to, at);
                }
            }
            case "fault-injected" -> {
                String what = text.startsWith("injected ") ? text.substring(9) : text;
                live.picture().faultInjected("stored-" + e.seq(), what, what, at);
            }
            // the runner's line names the step, not the fault: the oldest fault still active ends here;
            // a revert from another desktop names the fault too: its span ends here
            case "fault-reverted" -> {
                String step = text.startsWith("reverted ") ? text.substring(9).split(",", 2)[0] : text;
                int elsewhere = text.indexOf(JournalMirror.REVERTED_ELSEWHERE);
                int colon = elsewhere < 0 ? -1 : text.indexOf(": ", elsewhere);
                live.picture().faultReverted(null, step, colon < 0 ? null : text.substring(colon + 2), at);
            }
            case "breach" -> live.picture().mark(new ChartMark(at, ChartMark.Kind.BREACH, text));
            case "halt" -> live.picture().mark(new ChartMark(at, ChartMark.Kind.HALT, "halt"));
            // its runner was lost: ended for everyone, its faults still drawn until they are reverted
            case RunnerLoss.EVENT -> live.abandoned(text);
            case "runner-back" -> live.abandoned("");
            case "run-finished" -> live.ended(null, text.startsWith("finished: ") ? text.substring(10) : text, at);
            default -> {}
        }
        live.runLog().add(e.at(), text);
        live.bump();
    }

    /** The phase a stored "phase INJECT" line names; null when it names none (a newer runner's). */
    static @Nullable RunPhase phase(String text) {
        try {
            return RunPhase.valueOf(text.substring(text.indexOf(' ') + 1).strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Samples of a followed run, as the store keeps them; those outside their tolerance also in the log. */
    void samples(List<SampleRecord> samples) {
        for (SampleRecord s : samples) {
            long at = s.at().toEpochMilli();
            live.picture().seen(at);
            live.picture()
                    .sample(
                            s.probe(),
                            at,
                            s.value(),
                            s.within(),
                            s.error(),
                            s.phase().equals(RunPhase.BASELINE.name()));
            if (!s.within()) {
                live.runLog()
                        .add(
                                s.at(),
                                s.probe() + " = "
                                        + (Double.isNaN(s.value())
                                                ? "unreadable (" + s.error() + ")"
                                                : Numbers.format(s.value()))
                                        + " OUTSIDE tolerance");
            }
        }
        live.bump();
    }

    /** A followed run is over: its outcome as the store has it. */
    void ended(String status, @Nullable String summary) {
        live.ended(status, summary, live.lastAt());
        live.bump();
    }
}
