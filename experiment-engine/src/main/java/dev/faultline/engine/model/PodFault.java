package dev.faultline.engine.model;

import dev.faultline.engine.model.FaultAttribute.Shape;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Faults on Kubernetes pods and nodes (Chaos Mesh, LitmusChaos): killed, failing, containers killed, clock shifted, node drained. */
public sealed interface PodFault extends Fault
        permits PodFault.PodKill, PodFault.PodFailure, PodFault.ContainerKill, PodFault.TimeShift, PodFault.NodeDrain {
    FaultKind<PodKill> POD_KILL = FaultKind.of(
            "pod-kill",
            PodKill.class,
            in -> {
                Duration grace = in.duration("gracePeriod", Duration.ZERO, Limits.SPAN_MAX);
                return grace == null ? null : in.build("", () -> new PodKill(grace));
            },
            new PodKill(Duration.ofSeconds(30)),
            FaultAttribute.of("gracePeriod", Shape.DURATION));
    FaultKind<PodFailure> POD_FAILURE =
            FaultKind.of("pod-failure", PodFailure.class, in -> new PodFailure(), new PodFailure());
    FaultKind<ContainerKill> CONTAINER_KILL = FaultKind.of(
            "container-kill",
            ContainerKill.class,
            in -> new ContainerKill(in.texts("containers")),
            new ContainerKill(List.of("app")),
            FaultAttribute.of("containers", Shape.TEXT_LIST));
    FaultKind<TimeShift> TIME_SHIFT = FaultKind.of(
            "time-shift",
            TimeShift.class,
            PodFault::timeShift,
            new TimeShift(Duration.ofMinutes(-10)),
            FaultAttribute.of("offset", Shape.OFFSET));
    FaultKind<NodeDrain> NODE_DRAIN =
            FaultKind.of("node-drain", NodeDrain.class, in -> new NodeDrain(), new NodeDrain());
    /** This family's kinds. */
    List<FaultKind<?>> KINDS = List.of(POD_KILL, POD_FAILURE, CONTAINER_KILL, TIME_SHIFT, NODE_DRAIN);

    private static @Nullable TimeShift timeShift(FaultFields in) {
        if (!in.has("offset")) {
            in.problem("", "a time-shift fault needs 'offset', e.g. -10m or 1h");
            return null;
        }
        String text = in.text("offset", "").strip();
        boolean back = text.startsWith("-");
        try {
            Duration d = Durations.parse(
                    back || text.startsWith("+") ? text.substring(1) : text, "offset", Limits.OFFSET_MAX);
            Duration offset = back ? d.negated() : d;
            return in.build("offset", () -> new TimeShift(offset));
        } catch (OutOfRangeException e) {
            in.problem(
                    "offset",
                    "offset " + text + " is out of range: at most " + Durations.format(Limits.OFFSET_MAX)
                            + " either way");
            return null;
        } catch (IllegalArgumentException e) {
            in.problem("offset", "'" + text + "' is not an offset, e.g. -10m or 1h");
            return null;
        }
    }

    /** The pods are deleted, with {@code gracePeriod} to stop; their controller makes new ones. */
    record PodKill(Duration gracePeriod) implements PodFault {
        public PodKill {
            Objects.requireNonNull(gracePeriod, "gracePeriod");
            if (gracePeriod.isNegative()) {
                throw new IllegalArgumentException("gracePeriod cannot be negative");
            }
            Limits.atMost(gracePeriod, Limits.SPAN_MAX, "gracePeriod");
        }

        @Override
        public FaultKind<PodKill> kind() {
            return POD_KILL;
        }

        @Override
        public String describe() {
            return "pods killed";
        }

        @Override
        public void writeFields(FaultFieldWriter out) {
            if (!gracePeriod.isZero()) {
                out.put("gracePeriod", Durations.format(gracePeriod));
            }
        }
    }

    /** The pods stay but stop working (their containers' images are swapped for a pause image). */
    record PodFailure() implements PodFault {
        @Override
        public FaultKind<PodFailure> kind() {
            return POD_FAILURE;
        }

        @Override
        public String describe() {
            return "pods failing";
        }

        @Override
        public void writeFields(FaultFieldWriter out) {
            // no attributes
        }
    }

    /** The named containers of the pods are killed (empty: the target's {@code container}). */
    record ContainerKill(List<String> containers) implements PodFault {
        public ContainerKill {
            containers = List.copyOf(containers);
        }

        @Override
        public FaultKind<ContainerKill> kind() {
            return CONTAINER_KILL;
        }

        @Override
        public String describe() {
            return "containers killed" + (containers.isEmpty() ? "" : " " + String.join(", ", containers));
        }

        @Override
        public void writeFields(FaultFieldWriter out) {
            out.putList("containers", containers);
        }
    }

    /** The clock the targets' processes see is moved by {@code offset} (negative: back in time). */
    record TimeShift(Duration offset) implements PodFault {
        public TimeShift {
            Objects.requireNonNull(offset, "offset");
            if (offset.isZero()) {
                throw new IllegalArgumentException("offset cannot be zero");
            }
            if (offset.abs().compareTo(Limits.OFFSET_MAX) > 0) {
                throw new OutOfRangeException(
                        "offset " + (offset.isNegative() ? "-" : "") + Durations.format(offset.abs())
                                + " is out of range: at most " + Durations.format(Limits.OFFSET_MAX) + " either way");
            }
        }

        @Override
        public FaultKind<TimeShift> kind() {
            return TIME_SHIFT;
        }

        @Override
        public String describe() {
            return "clock shifted "
                    + (offset.isNegative() ? "-" + Durations.format(offset.negated()) : "+" + Durations.format(offset));
        }

        @Override
        public void writeFields(FaultFieldWriter out) {
            out.put(
                    "offset",
                    offset.isNegative() ? "-" + Durations.format(offset.negated()) : Durations.format(offset));
        }
    }

    /** The node is cordoned and its pods evicted; reverting uncordons it. */
    record NodeDrain() implements PodFault {
        @Override
        public FaultKind<NodeDrain> kind() {
            return NODE_DRAIN;
        }

        @Override
        public String describe() {
            return "node drained";
        }

        @Override
        public void writeFields(FaultFieldWriter out) {
            // no attributes
        }
    }
}
