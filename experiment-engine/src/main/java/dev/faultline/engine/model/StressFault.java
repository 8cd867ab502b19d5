package dev.faultline.engine.model;

import dev.faultline.engine.model.FaultAttribute.Shape;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Load on a host: CPU, memory and disk stress. */
public sealed interface StressFault extends Fault
        permits StressFault.CpuStress, StressFault.MemoryStress, StressFault.DiskStress {
    FaultKind<CpuStress> CPU = FaultKind.of(
            "cpu-stress",
            CpuStress.class,
            in -> {
                Double load = in.share("load", 1.0);
                if (load == null) {
                    return null;
                }
                int percent = (int) Math.round(load * 100);
                return in.build("", () -> new CpuStress(in.integer("workers", 1), percent));
            },
            new CpuStress(2, 80),
            FaultAttribute.of("workers", Shape.INTEGER),
            FaultAttribute.of("load", Shape.SHARE));
    FaultKind<MemoryStress> MEMORY = FaultKind.of(
            "memory-stress",
            MemoryStress.class,
            in -> {
                Long size = in.size("size");
                Long growth = in.rate("growth");
                return size == null || growth == null ? null : in.build("", () -> new MemoryStress(size, growth));
            },
            new MemoryStress(1_000_000_000L, 32_000_000L),
            FaultAttribute.of("size", Shape.SIZE),
            FaultAttribute.of("growth", Shape.RATE));
    FaultKind<DiskStress> DISK = FaultKind.of(
            "disk-stress",
            DiskStress.class,
            in -> {
                Long size = in.size("size");
                Long throughput = in.rate("throughput");
                DiskIo io = DiskIo.read(in);
                return size == null || throughput == null || io == null
                        ? null
                        : in.build("", () -> new DiskStress(size, io, throughput, in.text("path", "")));
            },
            new DiskStress(50_000_000L, DiskIo.READ, 1_500_000L, "/var/tmp"),
            FaultAttribute.of("size", Shape.SIZE),
            FaultAttribute.choice("io", "write", "read", "fill"),
            FaultAttribute.of("throughput", Shape.RATE),
            FaultAttribute.of("path", Shape.TEXT));
    /** This family's kinds. */
    List<FaultKind<?>> KINDS = List.of(CPU, MEMORY, DISK);

    /** {@code workers} busy threads, each loading a core to {@code loadPercent}. */
    record CpuStress(int workers, int loadPercent) implements StressFault {
        public CpuStress {
            if (workers < 1 || workers > 1024) {
                throw new IllegalArgumentException("workers must be between 1 and 1024");
            }
            if (loadPercent < 1 || loadPercent > 100) {
                throw new IllegalArgumentException("load must be between 1% and 100%");
            }
        }

        @Override
        public FaultKind<CpuStress> kind() {
            return CPU;
        }

        @Override
        public String describe() {
            return "CPU stress, " + workers + " worker(s) at " + loadPercent + "%";
        }

        @Override
        public void writeFields(FaultFieldWriter out) {
            out.put("workers", workers).put("load", loadPercent + "%");
        }
    }

    /**
     * Exactly {@code bytes} of memory taken and touched, never more: all at once, or growing by
     * {@code growthPerSecond} bytes a second (0: all at once) until it holds them all.
     */
    record MemoryStress(long bytes, long growthPerSecond) implements StressFault {
        public MemoryStress {
            if (bytes < 1_000_000) {
                throw new IllegalArgumentException("memory stress needs at least 1MB");
            }
            if (growthPerSecond != 0 && growthPerSecond < 1_000_000) {
                throw new IllegalArgumentException("the growth must be at least 1MB/s (or left out: all at once)");
            }
            Limits.atMost(bytes, Limits.SIZE_MAX, Limits.SIZE_MAX_TEXT, "size");
            Limits.atMost(growthPerSecond, Limits.RATE_MAX, Limits.RATE_MAX_TEXT, "growth");
        }

        /** All of it at once. */
        public MemoryStress(long bytes) {
            this(bytes, 0);
        }

        @Override
        public FaultKind<MemoryStress> kind() {
            return MEMORY;
        }

        @Override
        public String describe() {
            return "memory stress, " + bytes / 1_000_000 + " MB"
                    + (growthPerSecond > 0 ? " growing " + Sizes.describeRate(growthPerSecond) : "");
        }

        @Override
        public void writeFields(FaultFieldWriter out) {
            out.put("size", Sizes.format(bytes));
            if (growthPerSecond > 0) {
                out.put("growth", Sizes.format(growthPerSecond) + "/s");
            }
        }
    }

    /** What disk stress does with its file. */
    enum DiskIo {
        /** writes, each forced to disk, over and over through a file of the size */
        WRITE,
        /** reads of a file of the size, bypassing the page cache where the file system allows */
        READ,
        /** writes a file of the size once, forced to disk, and holds the space until reverted */
        FILL;

        private static @Nullable DiskIo read(FaultFields in) {
            String io = in.text("io", "write");
            for (DiskIo d : values()) {
                if (d.name().equalsIgnoreCase(io)) {
                    return d;
                }
            }
            in.problem("io", "'" + io + "' is not a disk-stress io: write, read or fill");
            return null;
        }
    }

    /**
     * Disk stress through a file of {@code bytes} in {@code directory} (empty: the temp directory),
     * at most {@code throughputPerSecond} bytes a second (0: as fast as the disk goes).
     */
    record DiskStress(long bytes, DiskIo io, long throughputPerSecond, String directory) implements StressFault {
        public DiskStress {
            Objects.requireNonNull(io, "io");
            Objects.requireNonNull(directory, "directory");
            if (bytes < 1_000_000) {
                throw new IllegalArgumentException("disk stress needs at least 1MB");
            }
            if (throughputPerSecond != 0 && throughputPerSecond < 100_000) {
                throw new IllegalArgumentException(
                        "the throughput must be at least 100KB/s (or left out: as fast as the disk goes)");
            }
            Limits.atMost(bytes, Limits.SIZE_MAX, Limits.SIZE_MAX_TEXT, "size");
            Limits.atMost(throughputPerSecond, Limits.RATE_MAX, Limits.RATE_MAX_TEXT, "throughput");
        }

        /** Writes through a file of {@code bytes} in the temp directory, as fast as the disk goes. */
        public DiskStress(long bytes) {
            this(bytes, DiskIo.WRITE, 0, "");
        }

        @Override
        public FaultKind<DiskStress> kind() {
            return DISK;
        }

        @Override
        public String describe() {
            String size = bytes / 1_000_000 + " MB";
            String what = switch (io) {
                case WRITE -> "disk write stress through a " + size + " file";
                case READ -> "disk read stress over a " + size + " file";
                case FILL -> "disk fill, " + size + " held";
            };
            return what
                    + (throughputPerSecond > 0 ? " at up to " + Sizes.describeRate(throughputPerSecond) : "")
                    + (directory.isEmpty() ? "" : " in " + directory);
        }

        @Override
        public void writeFields(FaultFieldWriter out) {
            out.put("size", Sizes.format(bytes));
            out.put("io", io.name().toLowerCase(Locale.ROOT)); // always: the editor shows what is written
            if (throughputPerSecond > 0) {
                out.put("throughput", Sizes.format(throughputPerSecond) + "/s");
            }
            if (!directory.isEmpty()) {
                out.put("path", directory);
            }
        }
    }
}
