package dev.faultline.engine.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Every fault kind, family by family, in the order the runbook reference lists them. A new kind is
 * declared in its family's file only; a new family adds its line here (and to {@link Fault}'s
 * permits). {@code FaultKindsTest} proves each record of the sealed hierarchy has exactly one kind.
 */
public final class FaultKinds {
    private static final List<FaultKind<?>> ALL = Stream.<List<FaultKind<?>>>of(
                    ProxyFault.KINDS,
                    List.of(HttpFault.KIND),
                    StressFault.KINDS,
                    ProcessFault.KINDS,
                    NetworkFault.KINDS,
                    PodFault.KINDS,
                    FileSystemFault.KINDS,
                    JvmFault.KINDS,
                    List.of(DependencyFault.KIND))
            .flatMap(List::stream)
            .toList();
    private static final Map<String, FaultKind<?>> BY_NAME = byName();

    private FaultKinds() {}

    /** Every kind. */
    public static List<FaultKind<?>> all() {
        return ALL;
    }

    /** The kind of this runbook name. */
    public static Optional<FaultKind<?>> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /**
     * The records of the kinds a backend supports, from its {@code switch} over every record (no
     * {@code default}): a backend's {@code supportedFaults()} in one line, and a new kind that its
     * switch neither maps nor refuses by name breaks its build.
     */
    public static Set<Class<? extends Fault>> supportedBy(Predicate<Fault> supports) {
        Set<Class<? extends Fault>> out = new LinkedHashSet<>();
        for (FaultKind<?> k : ALL) {
            if (supports.test(k.example())) {
                out.add(k.type());
            }
        }
        return Collections.unmodifiableSet(out);
    }

    private static Map<String, FaultKind<?>> byName() {
        Map<String, FaultKind<?>> m = new LinkedHashMap<>();
        for (FaultKind<?> k : ALL) {
            if (m.put(k.name(), k) != null) {
                throw new IllegalStateException("two fault kinds are named " + k.name());
            }
        }
        return Map.copyOf(m);
    }
}
