package dev.faultline.engine.model;

/**
 * Something injected into the system that must be reverted. Faults come in families, one file
 * each; every kind is a record of its family and declares, next to it, its {@link FaultKind}: its
 * runbook name, attributes, reader and example. A backend maps faults with a {@code switch} over
 * the families and their records, without {@code default}, so a new kind breaks the build
 * wherever it is neither mapped nor refused by name.
 */
public sealed interface Fault
        permits ProxyFault,
                StressFault,
                HttpFault,
                ProcessFault,
                NetworkFault,
                PodFault,
                FileSystemFault,
                JvmFault,
                DependencyFault {

    /** What kind of fault this is: its runbook name, attributes and reader. */
    FaultKind<?> kind();

    /** The runbook name of this kind: {@code latency}, {@code down}, ... */
    default String type() {
        return kind().name();
    }

    /** One line for people: "latency 300ms ± 50ms". */
    String describe();

    /** Writes this fault's attributes (not its type) in the form its kind reads them. */
    void writeFields(FaultFieldWriter out);
}
