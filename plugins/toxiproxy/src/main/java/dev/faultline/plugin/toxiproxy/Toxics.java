package dev.faultline.plugin.toxiproxy;

import dev.faultline.engine.model.Fault;
import dev.faultline.plugin.toxiproxy.protocol.FaultToxics;
import dev.faultline.plugin.toxiproxy.protocol.Stream;
import dev.faultline.plugin.toxiproxy.protocol.Toxic;
import java.util.Optional;

/** Faultline's network faults as Toxiproxy toxics: type and attributes, as the API names them. */
final class Toxics {
    /** Every toxic Faultline adds is named with this prefix, so that what a crash left is found by name. */
    static final String PREFIX = "faultline-";

    private Toxics() {}

    /** {@code faultline-<run>-<step>}, in the characters Toxiproxy names and URLs take without escaping. */
    static String name(String runId, String step) {
        return (PREFIX + runId + "-" + step).replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    static boolean isOurs(String toxicName) {
        return toxicName.startsWith(PREFIX);
    }

    /** The toxic's type, or empty for a fault that is not a toxic ({@code down} disables the proxy). */
    static Optional<String> type(Fault f) {
        return FaultToxics.type(f);
    }

    /** The toxic that makes the fault. */
    static Toxic toxic(Fault f, String name, Stream stream, double toxicity) {
        return FaultToxics.of(f, name, stream, toxicity)
                .orElseThrow(() -> new IllegalArgumentException(f.type() + " is not a toxic"));
    }
}
