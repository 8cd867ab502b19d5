package dev.faultline.plugin.chaosmesh.interop;

import dev.faultline.engine.spi.interop.ConversionNote;
import dev.faultline.engine.spi.interop.ImportException;
import dev.faultline.plugin.kube.interop.GoDurations;
import dev.faultline.plugin.kube.interop.ManifestNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the readers of the chaos kinds share: where their notes go, and the durations and
 * percentages of a chaos spec.
 */
abstract class ChaosKindReader {
    final List<ConversionNote> notes;
    final String source;

    /**
     * @param source how notes name the resource or template: {@code NetworkChaos web-delay}
     * @param notes where what is not carried over exactly is written
     */
    ChaosKindReader(String source, List<ConversionNote> notes) {
        this.source = source;
        this.notes = notes;
    }

    static Duration duration(ManifestNode n) throws ImportException {
        try {
            return GoDurations.parse(n.text());
        } catch (IllegalArgumentException e) {
            throw n.problem(String.valueOf(e.getMessage()));
        }
    }

    static Duration nonNegative(ManifestNode n) throws ImportException {
        Duration d = duration(n);
        if (d.isNegative()) {
            throw n.problem("cannot be negative");
        }
        return d;
    }

    /** A percentage field, {@code "25"} or {@code 25}, as a share 0..1; 0 when absent. */
    static double percent(ManifestNode parent, String key) throws ImportException {
        Optional<ManifestNode> n = parent.get(key);
        if (n.isEmpty()) {
            return 0;
        }
        String t = n.get().text().strip().replace("%", "");
        try {
            double v = Double.parseDouble(t);
            if (v < 0 || v > 100) {
                throw n.get().problem("a percentage is from 0 to 100, not " + t);
            }
            return v / 100.0;
        } catch (NumberFormatException e) {
            throw n.get().problem("'" + t + "' is not a percentage");
        }
    }

    final void extra(ManifestNode n, Set<String> known, String why) {
        for (String key : n.keys()) {
            if (!known.contains(key)) {
                note(n, key, "left out: " + why);
            }
        }
    }

    final void note(ManifestNode n, String key, String instead) {
        notes.add(new ConversionNote(source + " " + (n.field().isEmpty() ? key : n.field() + "." + key), instead));
    }
}
