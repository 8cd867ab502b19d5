package dev.faultline.engine.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * One block on the method's timeline. Steps sit in lanes: lanes run in parallel, and within a lane
 * a step without an explicit {@code at} starts when the previous step of its lane ends.
 */
public sealed interface MethodStep
        permits MethodStep.FaultStep, MethodStep.WaitStep, MethodStep.WaitUntilStep, CommandStep {

    String name();

    int lane();

    /** The explicit start offset from the beginning of the inject phase, if the runbook gave one. */
    Optional<Duration> explicitStart();

    /** How long the step lasts as planned; a wait-until step at most its timeout. */
    Duration plannedLength();

    /**
     * Injects {@code fault} into {@code target} through {@code backend} for {@code duration}. With a
     * {@code rollout}, the fault widens stage by stage: its duration is then the rollout's length and
     * its share the widest stage.
     */
    record FaultStep(
            String name,
            int lane,
            @Nullable Duration at,
            Duration duration,
            String backend,
            Fault fault,
            Target target,
            double share,
            @Nullable Rollout rollout)
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
            if (rollout != null && (share != rollout.widestShare() || !duration.equals(rollout.length()))) {
                throw new IllegalArgumentException("a step with a rollout lasts its stages' holds ("
                        + Durations.format(rollout.length()) + ") at the widest stage's share ("
                        + Rollout.percent(rollout.widestShare()) + ")");
            }
        }

        /** A step without a rollout: the fault at {@code share} for {@code duration}. */
        public FaultStep(
                String name,
                int lane,
                @Nullable Duration at,
                Duration duration,
                String backend,
                Fault fault,
                Target target,
                double share) {
            this(name, lane, at, duration, backend, fault, target, share, null);
        }

        /** A step that rolls {@code fault} out in {@code rollout}'s stages. */
        public static FaultStep rolledOut(
                String name,
                int lane,
                @Nullable Duration at,
                String backend,
                Fault fault,
                Target target,
                Rollout rollout) {
            return new FaultStep(
                    name, lane, at, rollout.length(), backend, fault, target, rollout.widestShare(), rollout);
        }

        /** The rollout, when the step has one. */
        public Optional<Rollout> stages() {
            return Optional.ofNullable(rollout);
        }

        /** The share the fault goes in at: the first stage's with a rollout, else the step's. */
        public double firstShare() {
            return rollout == null ? share : rollout.shareAt(0);
        }

        /** How many targets the fault goes in on: the first stage's count of a rollout over targets. */
        public OptionalInt firstTargets() {
            return rollout != null && rollout.countsTargets()
                    ? OptionalInt.of(rollout.targetsAt(0))
                    : OptionalInt.empty();
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
