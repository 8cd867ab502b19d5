package dev.faultline.engine.model;

import dev.faultline.engine.model.FaultAttribute.Shape;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Faults inside a running JVM through the Faultline agent: a method throws, is slowed, or returns a value. */
public sealed interface JvmFault extends Fault permits JvmFault.JvmException, JvmFault.JvmLatency, JvmFault.JvmReturn {
    FaultKind<JvmException> EXCEPTION = FaultKind.of(
            "jvm-exception",
            JvmException.class,
            in -> {
                JvmMethod target = JvmMethod.read(in);
                return target == null
                        ? null
                        : in.build(
                                "exception",
                                () -> new JvmException(
                                        target,
                                        in.text("exception", "java.lang.RuntimeException"),
                                        in.text("message", "injected by Faultline")));
            },
            new JvmException(JvmMethod.EXAMPLE, "java.sql.SQLException", "injected by Faultline"),
            methodAttributes(FaultAttribute.of("exception", Shape.TEXT), FaultAttribute.of("message", Shape.TEXT)));
    FaultKind<JvmLatency> LATENCY = FaultKind.of(
            "jvm-latency",
            JvmLatency.class,
            in -> {
                JvmMethod target = JvmMethod.read(in);
                Duration latency = in.duration("latency", null, Limits.DELAY_MAX);
                return target == null || latency == null
                        ? null
                        : in.build("latency", () -> new JvmLatency(target, latency));
            },
            new JvmLatency(JvmMethod.EXAMPLE, Duration.ofSeconds(2)),
            methodAttributes(FaultAttribute.of("latency", Shape.DURATION)));
    FaultKind<JvmReturn> RETURN = FaultKind.of(
            "jvm-return",
            JvmReturn.class,
            in -> {
                JvmMethod target = JvmMethod.read(in);
                String value = in.scalar("value");
                if (value == null) {
                    in.problem("", "a jvm-return fault needs 'value': a number, true, false, null or text");
                    return null;
                }
                return target == null ? null : in.build("", () -> new JvmReturn(target, value));
            },
            new JvmReturn(JvmMethod.EXAMPLE, "42"),
            methodAttributes(FaultAttribute.of("value", Shape.SCALAR)));
    /** This family's kinds. */
    List<FaultKind<?>> KINDS = List.of(EXCEPTION, LATENCY, RETURN);

    private static FaultAttribute[] methodAttributes(FaultAttribute... more) {
        List<FaultAttribute> all = new ArrayList<>(
                List.of(FaultAttribute.of("class", Shape.TEXT), FaultAttribute.of("method", Shape.TEXT)));
        all.addAll(List.of(more));
        return all.toArray(FaultAttribute[]::new);
    }

    private static FaultFieldWriter method(FaultFieldWriter out, JvmMethod m) {
        return out.put("class", m.className()).put("method", m.method());
    }

    /** A method of a class in a running JVM, e.g. {@code com.shop.db.Pool#acquire}; every overload is hit. */
    record JvmMethod(String className, String method) {
        public JvmMethod {
            Objects.requireNonNull(className, "className");
            Objects.requireNonNull(method, "method");
            if (!className.matches("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*")) {
                throw new IllegalArgumentException("'" + className + "' is not a fully qualified class name");
            }
            if (!method.matches("[\\p{L}_$][\\p{L}\\p{N}_$]*")) {
                throw new IllegalArgumentException("'" + method + "' is not a method name");
            }
        }

        static final JvmMethod EXAMPLE = new JvmMethod("com.shop.db.Pool", "acquire");

        private static @Nullable JvmMethod read(FaultFields in) {
            if (!in.has("class") || !in.has("method")) {
                in.problem(
                        "",
                        "a " + in.type() + " fault needs 'class' (fully qualified) and 'method',"
                                + " e.g. class: com.shop.db.Pool, method: acquire");
                return null;
            }
            return in.build("class", () -> new JvmMethod(in.text("class", ""), in.text("method", "")));
        }

        @Override
        public String toString() {
            return className.substring(className.lastIndexOf('.') + 1) + "#" + method;
        }
    }

    /** Calls of a JVM method throw {@code exception} (a class name) with {@code message}. */
    record JvmException(JvmMethod target, String exception, String message) implements JvmFault {
        public JvmException {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(exception, "exception");
            Objects.requireNonNull(message, "message");
            new JvmMethod(exception, "x"); // checks the class name
        }

        @Override
        public FaultKind<JvmException> kind() {
            return EXCEPTION;
        }

        @Override
        public String describe() {
            return target + " throws " + exception.substring(exception.lastIndexOf('.') + 1);
        }

        @Override
        public void writeFields(FaultFieldWriter out) {
            JvmFault.method(out, target).put("exception", exception).put("message", message);
        }
    }

    /** Calls of a JVM method are delayed by {@code latency} before they run. */
    record JvmLatency(JvmMethod target, Duration latency) implements JvmFault {
        public JvmLatency {
            Objects.requireNonNull(target, "target");
            FaultChecks.requirePositive(latency, "latency");
            Limits.atMost(latency, Limits.DELAY_MAX, "latency");
        }

        @Override
        public FaultKind<JvmLatency> kind() {
            return LATENCY;
        }

        @Override
        public String describe() {
            return target + " slowed by " + Durations.format(latency);
        }

        @Override
        public void writeFields(FaultFieldWriter out) {
            JvmFault.method(out, target).put("latency", Durations.format(latency));
        }
    }

    /**
     * Calls of a JVM method return {@code value} at once instead of running: a number, {@code true}
     * or {@code false}, {@code null}, or text for a String method.
     */
    record JvmReturn(JvmMethod target, String value) implements JvmFault {
        public JvmReturn {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public FaultKind<JvmReturn> kind() {
            return RETURN;
        }

        @Override
        public String describe() {
            return target + " returns " + value;
        }

        @Override
        public void writeFields(FaultFieldWriter out) {
            JvmFault.method(out, target).put("value", value);
        }
    }
}
