package dev.faultline.plugin.chaosmesh.interop;

import dev.faultline.engine.model.MethodStep;
import dev.faultline.engine.model.PodFault;
import dev.faultline.engine.spi.interop.ConversionNote;
import dev.faultline.plugin.kube.interop.GoDurations;
import dev.faultline.plugin.kube.interop.ImportedExperiments;
import dev.faultline.plugin.kube.interop.ManifestNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Faults read from one chaos spec placed on the method's timeline as fault steps. */
final class ChaosSteps {
    /** The lanes of one method: each {@link #next()} a new one. */
    static final class Lanes {
        private int next;

        int next() {
            return next++;
        }
    }

    private final String source;
    private final List<ConversionNote> notes;
    private final Set<String> names;

    ChaosSteps(String source, List<ConversionNote> notes, Set<String> names) {
        this.source = source;
        this.notes = notes;
        this.names = names;
    }

    /**
     * How long the chaos lasts: a workflow's {@code deadline}, else the spec's {@code duration}, else
     * what the exporter annotated, else {@link ChaosMeshImporter#DEFAULT_DURATION} (noted; a kill,
     * which has no duration, {@link ChaosMeshImporter#KILL_DURATION}).
     */
    Duration length(
            List<ChaosFault> faults,
            Optional<Duration> deadline,
            Optional<Duration> annotated,
            String kind,
            ManifestNode spec) {
        if (deadline.isPresent()) {
            Optional<Duration> own =
                    faults.isEmpty() ? Optional.empty() : faults.getFirst().duration();
            if (own.isPresent() && own.get().compareTo(deadline.get()) < 0) {
                notes.add(new ConversionNote(
                        source + " " + spec.field() + ".duration",
                        "the chaos lasts " + GoDurations.format(own.get()) + " of its template's deadline "
                                + GoDurations.format(deadline.get()) + ": the step lasts "
                                + GoDurations.format(own.get())));
                return own.get();
            }
            return deadline.get();
        }
        if (!faults.isEmpty() && faults.getFirst().duration().isPresent()) {
            return faults.getFirst().duration().get();
        }
        if (annotated.isPresent()) {
            return annotated.get();
        }
        boolean kill = !faults.isEmpty()
                && faults.stream()
                        .allMatch(f ->
                                f.fault() instanceof PodFault.PodKill || f.fault() instanceof PodFault.ContainerKill);
        if (kill) {
            return ChaosMeshImporter.KILL_DURATION;
        }
        notes.add(new ConversionNote(
                source + " " + (spec.field().isEmpty() ? "" : spec.field() + ".") + "duration",
                "none given (" + kind + " keeps its chaos until the resource is deleted): the step lasts "
                        + GoDurations.format(ChaosMeshImporter.DEFAULT_DURATION)));
        return ChaosMeshImporter.DEFAULT_DURATION;
    }

    /**
     * The faults as steps starting at {@code start}: the first in {@code lane}, each further one in
     * a lane of its own ({@code lanes}); none read, a wait that keeps the timeline.
     */
    List<MethodStep> place(
            String name, List<ChaosFault> faults, int lane, Duration start, Duration length, Lanes lanes) {
        List<MethodStep> out = new ArrayList<>();
        if (faults.isEmpty()) {
            out.add(new MethodStep.WaitStep(ImportedExperiments.unique(name, names), lane, start, length));
            notes.add(new ConversionNote(
                    source,
                    "became a wait of " + GoDurations.format(length) + " that keeps its place on the timeline"));
            return out;
        }
        for (int i = 0; i < faults.size(); i++) {
            ChaosFault f = faults.get(i);
            int l = i == 0 ? lane : lanes.next();
            out.add(new MethodStep.FaultStep(
                    ImportedExperiments.unique(f.name(), names),
                    l,
                    start,
                    length,
                    ChaosMeshImporter.BACKEND,
                    f.fault(),
                    f.target(),
                    f.share()));
        }
        return out;
    }
}
