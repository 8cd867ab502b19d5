package dev.faultline.app.view.live;

import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.StopCondition;
import dev.faultline.engine.model.Tolerance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * What the live view's charts draw of one run: a track per probe, the marks on the time axis, each
 * fault's span, and the latest time seen. Fed by {@link LiveRunViewModel} from this desktop's events
 * and by {@link StoredRunTranslation} from a followed run's stored ones.
 */
final class RunPicture {
    private final ObservableList<ProbeTrack> tracks = FXCollections.observableArrayList();
    // one read-only view, kept: a wrapper made per call would be collected with its listeners
    private final ObservableList<ProbeTrack> tracksView = FXCollections.unmodifiableObservableList(tracks);
    private final List<ChartMark> marks = new ArrayList<>();
    private final Map<String, FaultSpan> spans = new LinkedHashMap<>();
    /** The latest time on the charts: the last event of the run (epoch ms); 0 before the first. */
    private long lastAt;

    /** Nothing drawn: no probes, no marks. */
    void clear() {
        lastAt = 0;
        marks.clear();
        spans.clear();
        tracks.clear();
    }

    /** A new run of {@code experiment}: a track per probe, with its stop conditions' halt zone. */
    void begin(Experiment experiment) {
        lastAt = 0;
        marks.clear();
        spans.clear();
        Map<String, Tolerance> haltZones = new LinkedHashMap<>();
        for (StopCondition s : experiment.stopConditions()) {
            haltZones.putIfAbsent(s.probe().name(), s.haltWhen());
        }
        tracks.setAll(experiment.allProbes().stream()
                .map(p -> new ProbeTrack(p, haltZones.get(p.name())))
                .toList());
    }

    /** The latest time moves to {@code at} (epoch ms) when it is later. */
    void seen(long at) {
        lastAt = Math.max(lastAt, at);
    }

    void mark(ChartMark m) {
        marks.add(m);
    }

    /** One sample on the chart of its probe (none when the run has no such probe). */
    void sample(String probe, long at, double value, boolean within, @Nullable String error, boolean baseline) {
        for (ProbeTrack t : tracks) {
            if (t.name().equals(probe)) {
                t.add(at, value, within, error, baseline);
            }
        }
    }

    void faultInjected(String key, String step, String description, long at) {
        spans.put(key, new FaultSpan(step, description, at, Long.MAX_VALUE));
        marks.add(new ChartMark(at, ChartMark.Kind.INJECT, step));
    }

    /** The fault {@code key} ended; with no key (a stored line names only the step), the oldest active one. */
    void faultReverted(@Nullable String key, String step, long at) {
        faultReverted(key, step, null, at);
    }

    /**
     * As above; with no key but the fault's {@code description} (a revert from another desktop), the
     * oldest active span of that fault, else the oldest active one.
     */
    void faultReverted(@Nullable String key, String step, @Nullable String description, long at) {
        java.util.Optional<Map.Entry<String, FaultSpan>> same = description == null
                ? java.util.Optional.empty()
                : spans.entrySet().stream()
                        .filter(x -> x.getValue().active()
                                && x.getValue().description().equals(description))
                        .findFirst();
        if (key == null && same.isPresent()) {
            same.get().setValue(same.get().getValue().endedAt(at));
        } else if (key != null) {
            FaultSpan span = spans.get(key);
            if (span != null) {
                spans.put(key, span.endedAt(at));
            }
        } else {
            spans.entrySet().stream()
                    .filter(x -> x.getValue().active())
                    .findFirst()
                    .ifPresent(x -> x.setValue(x.getValue().endedAt(at)));
        }
        marks.add(new ChartMark(at, ChartMark.Kind.REVERT, step));
    }

    /** The run ended at {@code at}: every fault still drawn active ends there. */
    void endSpans(long at) {
        spans.replaceAll((id, s) -> s.active() ? s.endedAt(at) : s);
    }

    long lastAt() {
        return lastAt;
    }

    ObservableList<ProbeTrack> tracks() {
        return tracksView;
    }

    List<ChartMark> marks() {
        return List.copyOf(marks);
    }

    List<FaultSpan> spans() {
        return List.copyOf(spans.values());
    }
}
