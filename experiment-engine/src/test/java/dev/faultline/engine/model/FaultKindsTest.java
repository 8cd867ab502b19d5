package dev.faultline.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultKindsTest {
    /** The records at the leaves of the sealed hierarchy under {@code type}. */
    private static void leaves(Class<?> type, List<Class<?>> out) {
        if (type.isRecord()) {
            out.add(type);
            return;
        }
        for (Class<?> sub : type.getPermittedSubclasses()) {
            leaves(sub, out);
        }
    }

    @Test
    void everyRecordOfTheSealedHierarchyHasExactlyOneKind() {
        List<Class<?>> records = new ArrayList<>();
        leaves(Fault.class, records);
        assertThat(records).hasSizeGreaterThanOrEqualTo(31);
        assertThat(FaultKinds.all().stream().<Class<?>>map(FaultKind::type).toList())
                .containsExactlyInAnyOrderElementsOf(records);
    }

    @Test
    void everyExampleIsOfItsKind() {
        for (FaultKind<?> kind : FaultKinds.all()) {
            assertThat(kind.example()).isInstanceOf(kind.type());
            assertThat(kind.example().type()).isEqualTo(kind.name());
        }
    }
}
