package dev.faultline.engine.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One block on the method's timeline. Steps sit in lanes: lanes run in parallel, and within a lane
 * a step without an explicit {@code at} starts when the previous step of its lane ends.
 */
public sealed interface MethodStep permits MethodStep.FaultStep, MethodStep.WaitStep, MethodStep.WaitUntilStep {

    String name();

    int lane();

    /** The explicit start offset from the beginning of the inject phase, if the runbook gave one. */
    Optional<Duration> explicitStart();

    /** How long the step lasts as planned; a wait-until step at most its timeout. */
    Duration plannedLength();

    /** Injects {@code fault} into {@code target} through {@code backend} for {@code duration}. */
    record FaultStep(
            String name,
            int lane,
            @Nullable Duration at,
            Duration duration,
            String backend,
            Fault fault,
            Target target,
            double share)
            implements MethodStep {
        public FaultStep {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(duration, "duration");
            Objects.requireNonNull(backend, "backend");
            Objects.requireNonNull(fault, "fault");
            Objects.requireNonNull(target, "target");
            checkTiming(lane, at, duration, "duration");
            if (!(share > 0 && share <= 1)) {
                throw new IllegalArgumentException("share must be above 0% and at most 100%");
            }
        }

        @Override
        public Optional<Duration> explicitStart() {
            return Optional.ofNullable(at);
        }

        @Override
        public Duration plannedLength() {
            return duration;
        }
    }

    /** Does nothing for {@code duration}: lets the system settle between faults. */
    record WaitStep(String name, int lane, @Nullable Duration at, Duration duration) implements MethodStep {
        public WaitStep {
            Objects.requireNonNull(name, "name");
            checkTiming(lane, at, duration, "wait");
        }

        @Override
        public Optional<Duration> explicitStart() {
            return Optional.ofNullable(at);
        }

        @Override
        public Duration plannedLength() {
            return duration;
        }
    }

    /**
     * Waits until the hypothesis probe {@code probe} holds, for at most {@code timeout}; the run
     * halts when it never does.
     */
    record WaitUntilStep(String name, int lane, @Nullable Duration at, String probe, Duration timeout)
            implements MethodStep {
        public WaitUntilStep {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(probe, "probe");
            checkTiming(lane, at, timeout, "timeout");
        }

        @Override
        public Optional<Duration> explicitStart() {
            return Optional.ofNullable(at);
        }

        @Override
        public Duration plannedLength() {
            return timeout;
        }
    }

    private static void checkTiming(int lane, @Nullable Duration at, Duration length, String lengthName) {
        if (lane < 0) {
            throw new IllegalArgumentException("lane cannot be negative");
        }
        if (at != null && at.isNegative()) {
            throw new IllegalArgumentException("start offset cannot be negative");
        }
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException(lengthName + " must be positive");
        }
        if (at != null) {
            Limits.atMost(at, Limits.SPAN_MAX, "at");
        }
        Limits.atMost(length, Limits.SPAN_MAX, lengthName);
    }
}
