package dev.faultline.engine.model;

import dev.faultline.engine.model.FaultAttribute.Shape;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** File system faults in a pod (Chaos Mesh IOChaos): calls on a volume delayed or failing. */
public sealed interface FileSystemFault extends Fault permits FileSystemFault.IoLatency, FileSystemFault.IoFault {
    FaultKind<IoLatency> IO_LATENCY = FaultKind.of(
            "io-latency",
            IoLatency.class,
            in -> {
                Duration delay = in.duration("delay", null, Limits.DELAY_MAX);
                Double p = in.share("probability", 1.0);
                return delay == null || p == null
                        ? null
                        : in.build("", () -> new IoLatency(delay, in.text("volumePath", ""), in.text("path", ""), p));
            },
            new IoLatency(Duration.ofMillis(100), "/data", "", 0.5),
            FaultAttribute.of("delay", Shape.DURATION),
            FaultAttribute.of("volumePath", Shape.TEXT),
            FaultAttribute.of("path", Shape.TEXT),
            FaultAttribute.of("probability", Shape.SHARE));
    FaultKind<IoFault> IO_FAULT = FaultKind.of(
            "io-fault",
            IoFault.class,
            in -> {
                Double p = in.share("probability", 1.0);
                return p == null
                        ? null
                        : in.build(
                                "",
                                () -> new IoFault(
                                        in.integer("errno", 5), in.text("volumePath", ""), in.text("path", ""), p));
            },
            new IoFault(5, "/data", "**/*.db", 1),
            FaultAttribute.of("errno", Shape.INTEGER),
            FaultAttribute.of("volumePath", Shape.TEXT),
            FaultAttribute.of("path", Shape.TEXT),
            FaultAttribute.of("probability", Shape.SHARE));
    /** This family's kinds. */
    List<FaultKind<?>> KINDS = List.of(IO_LATENCY, IO_FAULT);

    private static void io(FaultFieldWriter out, String volumePath, String path, double probability) {
        out.put("volumePath", volumePath);
        if (!path.isEmpty()) {
            out.put("path", path);
        }
        if (probability != 1) {
            out.put("probability", FaultChecks.percent(probability));
        }
    }

    /**
     * File system calls under {@code volumePath} on files matching {@code path} (a glob, empty: all)
     * are delayed by {@code delay}, with {@code probability} (0..1).
     */
    record IoLatency(Duration delay, String volumePath, String path, double probability) implements FileSystemFault {
        public IoLatency {
            FaultChecks.requirePositive(delay, "delay");
            Limits.atMost(delay, Limits.DELAY_MAX, "delay");
            Objects.requireNonNull(volumePath, "volumePath");
            Objects.requireNonNull(path, "path");
            FaultChecks.requireProbability(probability);
            if (volumePath.isBlank()) {
                throw new IllegalArgumentException("an io fault needs the volumePath of the mount to fault");
            }
        }

        @Override
        public FaultKind<IoLatency> kind() {
            return IO_LATENCY;
        }

        @Override
        public String describe() {
            return "file system calls on " + volumePath + " delayed " + Durations.format(delay);
        }

        @Override
        public void writeFields(FaultFieldWriter out) {
            out.put("delay", Durations.format(delay));
            FileSystemFault.io(out, volumePath, path, probability);
        }
    }

    /** As {@link IoLatency}, but the calls fail with error number {@code errno} (5: EIO). */
    record IoFault(int errno, String volumePath, String path, double probability) implements FileSystemFault {
        public IoFault {
            Objects.requireNonNull(volumePath, "volumePath");
            Objects.requireNonNull(path, "path");
            FaultChecks.requireProbability(probability);
            if (errno < 1 || errno > 133) {
                throw new IllegalArgumentException("errno must be a Linux error number from 1 to 133");
            }
            if (volumePath.isBlank()) {
                throw new IllegalArgumentException("an io fault needs the volumePath of the mount to fault");
            }
        }

        @Override
        public FaultKind<IoFault> kind() {
            return IO_FAULT;
        }

        @Override
        public String describe() {
            return "file system calls on " + volumePath + " fail with errno " + errno;
        }

        @Override
        public void writeFields(FaultFieldWriter out) {
            out.put("errno", errno);
            FileSystemFault.io(out, volumePath, path, probability);
        }
    }
}
