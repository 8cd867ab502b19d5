package dev.faultline.agent;

import java.util.function.Function;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import org.jspecify.annotations.Nullable;

/**
 * The advice inlined into every overload of a faulted method. It uses JDK types only, so it works
 * in classes of any class loader: the {@link Hook} is found in the system properties.
 */
final class FaultAdvice {
    private FaultAdvice() {}

    /** Methods that return a value: the hook may replace it (the method body is then skipped). */
    static final class Returning {
        private Returning() {}

        @SuppressWarnings("unchecked")
        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
        static @Nullable Object enter(@Advice.Origin("#t #m #r") String origin, @Advice.Origin Class<?> type) {
            Object hook = System.getProperties().get("dev.faultline.agent.hook");
            return hook instanceof Function
                    ? ((Function<Object[], Object>) hook).apply(new Object[] {origin, type})
                    : null;
        }

        @Advice.OnMethodExit
        static void exit(
                @Advice.Enter @Nullable Object entered,
                @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) @Nullable Object returned) {
            if (entered != null) {
                returned = ((Object[]) entered)[0];
            }
        }
    }

    /** void methods: a return fault skips the body. */
    static final class Void {
        private Void() {}

        @SuppressWarnings("unchecked")
        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
        static @Nullable Object enter(@Advice.Origin("#t #m #r") String origin, @Advice.Origin Class<?> type) {
            Object hook = System.getProperties().get("dev.faultline.agent.hook");
            return hook instanceof Function
                    ? ((Function<Object[], Object>) hook).apply(new Object[] {origin, type})
                    : null;
        }
    }
}
