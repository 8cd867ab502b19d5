package dev.faultline.engine.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A kind of fault as runbooks know it: its {@code name} (the {@code type}), its record, the
 * attributes it takes (its part of the JSON Schema), how it is read from a runbook, and an
 * {@code example} that the schema and the loader must both accept. Each family of faults declares
 * its kinds next to their records; {@link FaultKinds} lists the families.
 */
public record FaultKind<F extends Fault>(
        String name, Class<F> type, List<FaultAttribute> attributes, Reader<F> reader, F example) {
    /** Reads one fault of the kind; null when it reported a problem. */
    @FunctionalInterface
    public interface Reader<F extends Fault> {
        @Nullable
        F read(FaultFields in);
    }

    public FaultKind {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(example, "example");
        attributes = List.copyOf(attributes);
    }

    public static <F extends Fault> FaultKind<F> of(
            String name, Class<F> type, Reader<F> reader, F example, FaultAttribute... attributes) {
        return new FaultKind<>(name, type, List.of(attributes), reader, example);
    }

    /** The attribute names, in declaration order. */
    public Set<String> attributeNames() {
        Set<String> names = new LinkedHashSet<>();
        attributes.forEach(a -> names.add(a.key()));
        return names;
    }

    public @Nullable F read(FaultFields in) {
        return reader.read(in);
    }

    @Override
    public String toString() {
        return name;
    }
}
