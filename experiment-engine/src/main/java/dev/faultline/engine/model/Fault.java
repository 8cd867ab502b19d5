package dev.faultline.engine.model;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Something injected into the system that must be reverted. One record per kind of the seed's
 * catalogue; a backend says which kinds it supports. A switch over faults has no default, so a new
 * kind breaks the build wherever it is not handled yet.
 */
public sealed interface Fault permits Fault.Latency, Fault.Down, Fault.Bandwidth, Fault.SlowClose, Fault.ConnectionTimeout,
        Fault.ResetPeer, Fault.Slicer, Fault.LimitData, Fault.CpuStress, Fault.MemoryStress, Fault.DiskStress,
        Fault.HttpFault, Fault.ProcessPause, Fault.ProcessKill, Fault.ProcessRestart,
        Fault.PacketLoss, Fault.PacketDuplicate, Fault.PacketCorrupt, Fault.Partition, Fault.PodKill, Fault.PodFailure,
        Fault.ContainerKill, Fault.TimeShift, Fault.DnsFault, Fault.IoLatency, Fault.IoFault, Fault.NodeDrain,
        Fault.JvmException, Fault.JvmLatency, Fault.JvmReturn, Fault.Dependency {

    /** The runbook name of this kind: {@code latency}, {@code down}, ... */
    String type();

    /** One line for people: "latency 300ms ± 50ms". */
    String describe();

    /**
     * Added delay on a connection, with a random jitter of up to ± {@code jitter}; {@code correlation}
     * (0..1) is how much each packet's delay depends on the previous one's (netem; 0 for proxies).
     */
    record Latency(Duration latency, Duration jitter, double correlation) implements Fault {
        public Latency {
            Objects.requireNonNull(latency, "latency");
            Objects.requireNonNull(jitter, "jitter");
            if (latency.isNegative() || jitter.isNegative()) {
                throw new IllegalArgumentException("latency and jitter cannot be negative");
            }
            Limits.atMost(latency, Limits.DELAY_MAX, "latency");
            Limits.atMost(jitter, Limits.DELAY_MAX, "jitter");
            requireShare(correlation, "correlation");
        }

        public Latency(Duration latency, Duration jitter) {
            this(latency, jitter, 0);
        }

        @Override
        public String type() {
            return "latency";
        }

        @Override
        public String describe() {
            return "latency " + Durations.format(latency)
                    + (jitter.isZero() ? "" : " ± " + Durations.format(jitter));
        }
    }

    /** The link is down: new connections are refused and open ones are closed. */
    record Down() implements Fault {
        @Override
        public String type() {
            return "down";
        }

        @Override
        public String describe() {
            return "link down";
        }
    }

    /** Traffic limited to {@code kilobytesPerSecond} (1 KB = 1000 bytes). */
    record Bandwidth(long kilobytesPerSecond) implements Fault {
        public Bandwidth {
            if (kilobytesPerSecond <= 0) {
                throw new IllegalArgumentException("the bandwidth must be above 0 KB/s");
            }
            Limits.atMost(kilobytesPerSecond, Limits.BANDWIDTH_KBPS_MAX, Limits.BANDWIDTH_KBPS_MAX + " (KB/s, "
                    + Limits.RATE_MAX_TEXT + ")", "rate");
        }

        @Override
        public String type() {
            return "bandwidth";
        }

        @Override
        public String describe() {
            return "bandwidth limited to " + kilobytesPerSecond + " KB/s";
        }
    }

    /** A closing connection is held open for {@code delay} before it closes. */
    record SlowClose(Duration delay) implements Fault {
        public SlowClose {
            requirePositive(delay, "delay");
            Limits.atMost(delay, Limits.DELAY_MAX, "delay");
        }

        @Override
        public String type() {
            return "slow-close";
        }

        @Override
        public String describe() {
            return "connections close " + Durations.format(delay) + " late";
        }
    }

    /** No data passes; connections are closed after {@code after} (zero: held open, silent). */
    record ConnectionTimeout(Duration after) implements Fault {
        public ConnectionTimeout {
            Objects.requireNonNull(after, "after");
            if (after.isNegative()) {
                throw new IllegalArgumentException("after cannot be negative");
            }
            Limits.atMost(after, Limits.SPAN_MAX, "after");
        }

        @Override
        public String type() {
            return "timeout";
        }

        @Override
        public String describe() {
            return after.isZero() ? "connections hang" : "connections hang, closed after " + Durations.format(after);
        }
    }

    /** Connections are reset (TCP RST) after {@code after}. */
    record ResetPeer(Duration after) implements Fault {
        public ResetPeer {
            Objects.requireNonNull(after, "after");
            if (after.isNegative()) {
                throw new IllegalArgumentException("after cannot be negative");
            }
            Limits.atMost(after, Limits.SPAN_MAX, "after");
        }

        @Override
        public String type() {
            return "reset-peer";
        }

        @Override
        public String describe() {
            return "connections reset" + (after.isZero() ? "" : " after " + Durations.format(after));
        }
    }

    /** Data is cut into slices of about {@code averageBytes} ± {@code variationBytes}, {@code delay} apart. */
    record Slicer(long averageBytes, long variationBytes, Duration delay) implements Fault {
        public Slicer {
            Objects.requireNonNull(delay, "delay");
            if (averageBytes <= 0 || variationBytes < 0 || variationBytes >= averageBytes) {
                throw new IllegalArgumentException("slices need averageSize above 0 and sizeVariation below it");
            }
            if (delay.isNegative()) {
                throw new IllegalArgumentException("delay cannot be negative");
            }
            Limits.atMost(averageBytes, Limits.SIZE_MAX, Limits.SIZE_MAX_TEXT, "averageSize");
            Limits.atMost(delay, Limits.DELAY_MAX, "delay");
        }

        @Override
        public String type() {
            return "slicer";
        }

        @Override
        public String describe() {
            return "data sliced into ~" + averageBytes + " byte pieces, " + Durations.format(delay) + " apart";
        }
    }

    /** A connection is closed once {@code bytes} have passed. */
    record LimitData(long bytes) implements Fault {
        public LimitData {
            if (bytes <= 0) {
                throw new IllegalArgumentException("bytes must be above 0");
            }
            Limits.atMost(bytes, Limits.SIZE_MAX, Limits.SIZE_MAX_TEXT, "bytes");
        }

        @Override
        public String type() {
            return "limit-data";
        }

        @Override
        public String describe() {
            return "connections closed after " + bytes + " bytes";
        }
    }

    /** {@code workers} busy threads, each loading a core to {@code loadPercent}. */
    record CpuStress(int workers, int loadPercent) implements Fault {
        public CpuStress {
            if (workers < 1 || workers > 1024) {
                throw new IllegalArgumentException("workers must be between 1 and 1024");
            }
            if (loadPercent < 1 || loadPercent > 100) {
                throw new IllegalArgumentException("load must be between 1% and 100%");
            }
        }

        @Override
        public String type() {
            return "cpu-stress";
        }

        @Override
        public String describe() {
            return "CPU stress, " + workers + " worker(s) at " + loadPercent + "%";
        }
    }

    /**
     * Exactly {@code bytes} of memory taken and touched, never more: all at once, or growing by
     * {@code growthPerSecond} bytes a second (0: all at once) until it holds them all.
     */
    record MemoryStress(long bytes, long growthPerSecond) implements Fault {
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
        public String type() {
            return "memory-stress";
        }

        @Override
        public String describe() {
            return "memory stress, " + bytes / 1_000_000 + " MB"
                    + (growthPerSecond > 0 ? " growing " + Sizes.describeRate(growthPerSecond) : "");
        }
    }

    /** What disk stress does with its file. */
    enum DiskIo {
        /** writes, each forced to disk, over and over through a file of the size */
        WRITE,
        /** reads of a file of the size, bypassing the page cache where the file system allows */
        READ,
        /** writes a file of the size once, forced to disk, and holds the space until reverted */
        FILL
    }

    /**
     * Disk stress through a file of {@code bytes} in {@code directory} (empty: the temp directory),
     * at most {@code throughputPerSecond} bytes a second (0: as fast as the disk goes).
     */
    record DiskStress(long bytes, DiskIo io, long throughputPerSecond, String directory) implements Fault {
        public DiskStress {
            Objects.requireNonNull(io, "io");
            Objects.requireNonNull(directory, "directory");
            if (bytes < 1_000_000) {
                throw new IllegalArgumentException("disk stress needs at least 1MB");
            }
            if (throughputPerSecond != 0 && throughputPerSecond < 100_000) {
                throw new IllegalArgumentException("the throughput must be at least 100KB/s (or left out: as fast as the disk goes)");
            }
            Limits.atMost(bytes, Limits.SIZE_MAX, Limits.SIZE_MAX_TEXT, "size");
            Limits.atMost(throughputPerSecond, Limits.RATE_MAX, Limits.RATE_MAX_TEXT, "throughput");
        }

        /** Writes through a file of {@code bytes} in the temp directory, as fast as the disk goes. */
        public DiskStress(long bytes) {
            this(bytes, DiskIo.WRITE, 0, "");
        }

        @Override
        public String type() {
            return "disk-stress";
        }

        @Override
        public String describe() {
            String size = bytes / 1_000_000 + " MB";
            String what = switch (io) {
                case WRITE -> "disk write stress through a " + size + " file";
                case READ -> "disk read stress over a " + size + " file";
                case FILL -> "disk fill, " + size + " held";
            };
            return what + (throughputPerSecond > 0 ? " at up to " + Sizes.describeRate(throughputPerSecond) : "")
                    + (directory.isEmpty() ? "" : " in " + directory);
        }
    }

    /**
     * HTTP requests matching {@code method} (any when empty), {@code path} (a glob) and
     * {@code headers} are answered with {@code abortStatus} (0: not), delayed, reset, or get a
     * replaced ({@code replaceBody}, empty: not) or corrupted body and added headers. The HTTPChaos model.
     */
    record HttpFault(String method, String path, Map<String, String> headers, int abortStatus, Duration delay,
                     boolean reset, String replaceBody, boolean corruptBody, Map<String, String> addHeaders)
            implements Fault {
        public HttpFault {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(delay, "delay");
            Objects.requireNonNull(replaceBody, "replaceBody");
            PathGlob.check(path);
            headers = Map.copyOf(headers);
            addHeaders = Map.copyOf(addHeaders);
            if (abortStatus != 0 && (abortStatus < 100 || abortStatus > 599)) {
                throw new IllegalArgumentException("abort must be an HTTP status from 100 to 599");
            }
            if (delay.isNegative()) {
                throw new IllegalArgumentException("delay cannot be negative");
            }
            Limits.atMost(delay, Limits.DELAY_MAX, "delay");
            if (abortStatus == 0 && delay.isZero() && !reset && replaceBody.isEmpty() && !corruptBody && addHeaders.isEmpty()) {
                throw new IllegalArgumentException("an http fault needs an action: abort, delay, reset, replaceBody,"
                        + " corruptBody or addHeaders");
            }
        }

        @Override
        public String type() {
            return "http";
        }

        @Override
        public String describe() {
            String what = abortStatus != 0 ? "HTTP " + abortStatus : reset ? "connection reset"
                    : !replaceBody.isEmpty() ? "replaced body" : corruptBody ? "corrupted body"
                    : !delay.isZero() ? "delay " + Durations.format(delay) : "added headers";
            if (abortStatus == 0 && !delay.isZero() && !what.startsWith("delay")) {
                what += " after " + Durations.format(delay);
            }
            return what + " on " + (method.isEmpty() ? "" : method + " ") + path;
        }
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    /** The process is frozen (SIGSTOP) and thawed (SIGCONT) on revert. */
    record ProcessPause() implements Fault {
        @Override
        public String type() {
            return "process-pause";
        }

        @Override
        public String describe() {
            return "process paused";
        }
    }

    /**
     * The process is killed with {@code signal} (KILL or TERM). Reverting it means the process is
     * back: started again by {@code restartCommand} when one is given, else by its own supervisor.
     */
    record ProcessKill(String signal, String restartCommand) implements Fault {
        public ProcessKill {
            Objects.requireNonNull(signal, "signal");
            Objects.requireNonNull(restartCommand, "restartCommand");
            if (!signal.equals("KILL") && !signal.equals("TERM")) {
                throw new IllegalArgumentException("signal must be KILL or TERM, not " + signal);
            }
        }

        @Override
        public String type() {
            return "process-kill";
        }

        @Override
        public String describe() {
            return "process killed (SIG" + signal + ")";
        }
    }

    /**
     * The process is stopped gracefully (SIGTERM, SIGKILL after 10 s) and started again at once by
     * {@code restartCommand}, or by its own supervisor when that is empty: a rolling restart of one.
     */
    record ProcessRestart(String restartCommand) implements Fault {
        public ProcessRestart {
            Objects.requireNonNull(restartCommand, "restartCommand");
        }

        @Override
        public String type() {
            return "process-restart";
        }

        @Override
        public String describe() {
            return "process restarted";
        }
    }
    // Kubernetes faults (Chaos Mesh, LitmusChaos).

    /** Packets dropped with {@code probability} (0..1); {@code correlation} ties each to the previous one. */
    record PacketLoss(double probability, double correlation) implements Fault {
        public PacketLoss {
            requireProbability(probability);
            requireShare(correlation, "correlation");
        }

        @Override
        public String type() {
            return "packet-loss";
        }

        @Override
        public String describe() {
            return Numbers.format(probability * 100) + "% packet loss";
        }
    }

    /** Packets sent twice with {@code probability} (0..1). */
    record PacketDuplicate(double probability, double correlation) implements Fault {
        public PacketDuplicate {
            requireProbability(probability);
            requireShare(correlation, "correlation");
        }

        @Override
        public String type() {
            return "packet-duplicate";
        }

        @Override
        public String describe() {
            return Numbers.format(probability * 100) + "% packets duplicated";
        }
    }

    /** Packets corrupted with {@code probability} (0..1). */
    record PacketCorrupt(double probability, double correlation) implements Fault {
        public PacketCorrupt {
            requireProbability(probability);
            requireShare(correlation, "correlation");
        }

        @Override
        public String type() {
            return "packet-corrupt";
        }

        @Override
        public String describe() {
            return Numbers.format(probability * 100) + "% packets corrupted";
        }
    }

    /**
     * The targets cannot talk to the peers selected by {@code peerLabels} (a label selector,
     * {@code app=db,tier=data}) nor to {@code externalTargets} (hosts or CIDRs), in {@code direction}
     * {@code to}, {@code from} or {@code both}. With neither, all their traffic is cut.
     */
    record Partition(String direction, String peerLabels, List<String> externalTargets) implements Fault {
        public Partition {
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(peerLabels, "peerLabels");
            externalTargets = List.copyOf(externalTargets);
            if (!List.of("to", "from", "both").contains(direction)) {
                throw new IllegalArgumentException("direction must be to, from or both, not " + direction);
            }
        }

        @Override
        public String type() {
            return "partition";
        }

        @Override
        public String describe() {
            String peers = !peerLabels.isEmpty() ? "pods " + peerLabels
                    : externalTargets.isEmpty() ? "everything" : String.join(", ", externalTargets);
            return "network partition (" + direction + ") from " + peers;
        }
    }

    /** The pods are deleted, with {@code gracePeriod} to stop; their controller makes new ones. */
    record PodKill(Duration gracePeriod) implements Fault {
        public PodKill {
            Objects.requireNonNull(gracePeriod, "gracePeriod");
            if (gracePeriod.isNegative()) {
                throw new IllegalArgumentException("gracePeriod cannot be negative");
            }
            Limits.atMost(gracePeriod, Limits.SPAN_MAX, "gracePeriod");
        }

        @Override
        public String type() {
            return "pod-kill";
        }

        @Override
        public String describe() {
            return "pods killed";
        }
    }

    /** The pods stay but stop working (their containers' images are swapped for a pause image). */
    record PodFailure() implements Fault {
        @Override
        public String type() {
            return "pod-failure";
        }

        @Override
        public String describe() {
            return "pods failing";
        }
    }

    /** The named containers of the pods are killed (empty: the target's {@code container}). */
    record ContainerKill(List<String> containers) implements Fault {
        public ContainerKill {
            containers = List.copyOf(containers);
        }

        @Override
        public String type() {
            return "container-kill";
        }

        @Override
        public String describe() {
            return "containers killed" + (containers.isEmpty() ? "" : " " + String.join(", ", containers));
        }
    }

    /** The clock the targets' processes see is moved by {@code offset} (negative: back in time). */
    record TimeShift(Duration offset) implements Fault {
        public TimeShift {
            Objects.requireNonNull(offset, "offset");
            if (offset.isZero()) {
                throw new IllegalArgumentException("offset cannot be zero");
            }
            if (offset.abs().compareTo(Limits.OFFSET_MAX) > 0) {
                throw new OutOfRangeException("offset " + (offset.isNegative() ? "-" : "") + Durations.format(offset.abs())
                        + " is out of range: at most " + Durations.format(Limits.OFFSET_MAX) + " either way");
            }
        }

        @Override
        public String type() {
            return "time-shift";
        }

        @Override
        public String describe() {
            return "clock shifted " + (offset.isNegative() ? "-" + Durations.format(offset.negated())
                    : "+" + Durations.format(offset));
        }
    }

    /** DNS lookups of names matching {@code patterns} (all when empty) fail ({@code error}) or get random IPs. */
    record DnsFault(String action, List<String> patterns) implements Fault {
        public DnsFault {
            Objects.requireNonNull(action, "action");
            patterns = List.copyOf(patterns);
            if (!action.equals("error") && !action.equals("random")) {
                throw new IllegalArgumentException("a dns fault's action is error or random, not " + action);
            }
        }

        @Override
        public String type() {
            return "dns";
        }

        @Override
        public String describe() {
            return "DNS " + (action.equals("error") ? "errors" : "random answers")
                    + (patterns.isEmpty() ? "" : " for " + String.join(", ", patterns));
        }
    }

    /**
     * File system calls under {@code volumePath} on files matching {@code path} (a glob, empty: all)
     * are delayed by {@code delay}, with {@code probability} (0..1).
     */
    record IoLatency(Duration delay, String volumePath, String path, double probability) implements Fault {
        public IoLatency {
            requirePositive(delay, "delay");
            Limits.atMost(delay, Limits.DELAY_MAX, "delay");
            Objects.requireNonNull(volumePath, "volumePath");
            Objects.requireNonNull(path, "path");
            requireProbability(probability);
            if (volumePath.isBlank()) {
                throw new IllegalArgumentException("an io fault needs the volumePath of the mount to fault");
            }
        }

        @Override
        public String type() {
            return "io-latency";
        }

        @Override
        public String describe() {
            return "file system calls on " + volumePath + " delayed " + Durations.format(delay);
        }
    }

    /** As {@link IoLatency}, but the calls fail with error number {@code errno} (5: EIO). */
    record IoFault(int errno, String volumePath, String path, double probability) implements Fault {
        public IoFault {
            Objects.requireNonNull(volumePath, "volumePath");
            Objects.requireNonNull(path, "path");
            requireProbability(probability);
            if (errno < 1 || errno > 133) {
                throw new IllegalArgumentException("errno must be a Linux error number from 1 to 133");
            }
            if (volumePath.isBlank()) {
                throw new IllegalArgumentException("an io fault needs the volumePath of the mount to fault");
            }
        }

        @Override
        public String type() {
            return "io-fault";
        }

        @Override
        public String describe() {
            return "file system calls on " + volumePath + " fail with errno " + errno;
        }
    }

    /** The node is cordoned and its pods evicted; reverting uncordons it. */
    record NodeDrain() implements Fault {
        @Override
        public String type() {
            return "node-drain";
        }

        @Override
        public String describe() {
            return "node drained";
        }
    }

    private static void requireProbability(double p) {
        if (!(p > 0 && p <= 1)) {
            throw new IllegalArgumentException("probability must be above 0% and at most 100%");
        }
    }

    private static void requireShare(double v, String name) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " must be from 0% to 100%");
        }
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

        @Override
        public String toString() {
            return className.substring(className.lastIndexOf('.') + 1) + "#" + method;
        }
    }

    /** Calls of a JVM method throw {@code exception} (a class name) with {@code message}. */
    record JvmException(JvmMethod target, String exception, String message) implements Fault {
        public JvmException {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(exception, "exception");
            Objects.requireNonNull(message, "message");
            new JvmMethod(exception, "x"); // checks the class name
        }

        @Override
        public String type() {
            return "jvm-exception";
        }

        @Override
        public String describe() {
            return target + " throws " + exception.substring(exception.lastIndexOf('.') + 1);
        }
    }

    /** Calls of a JVM method are delayed by {@code latency} before they run. */
    record JvmLatency(JvmMethod target, Duration latency) implements Fault {
        public JvmLatency {
            Objects.requireNonNull(target, "target");
            requirePositive(latency, "latency");
            Limits.atMost(latency, Limits.DELAY_MAX, "latency");
        }

        @Override
        public String type() {
            return "jvm-latency";
        }

        @Override
        public String describe() {
            return target + " slowed by " + Durations.format(latency);
        }
    }

    /**
     * Calls of a JVM method return {@code value} at once instead of running: a number, {@code true}
     * or {@code false}, {@code null}, or text for a String method.
     */
    record JvmReturn(JvmMethod target, String value) implements Fault {
        public JvmReturn {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String type() {
            return "jvm-return";
        }

        @Override
        public String describe() {
            return target + " returns " + value;
        }
    }

    /** What goes wrong with a dependency, in the seed's words. */
    enum DependencyMode {
        /** every call fails: the link is down, or the HTTP proxy answers 503 */
        UNAVAILABLE,
        /** every call is slowed by the latency */
        SLOW,
        /** a share of the calls fails (the step's share): connections reset, or 503 */
        INTERMITTENT,
        /** answers come back with corrupted bodies */
        CORRUPT;

        public String runbookName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * A dependency fault in the seed's terms, made with the proxies: on a {@code proxy} target
     * unavailable is the link down, slow a latency toxic, intermittent connections reset; on an
     * {@code httpProxy} target they are 503s, delays and corrupted bodies.
     */
    record Dependency(DependencyMode mode, Duration latency) implements Fault {
        public Dependency {
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(latency, "latency");
            if (mode == DependencyMode.SLOW && (latency.isZero() || latency.isNegative())) {
                throw new IllegalArgumentException("a slow dependency needs a latency above 0");
            }
            if (latency.isNegative()) {
                throw new IllegalArgumentException("latency cannot be negative");
            }
            Limits.atMost(latency, Limits.DELAY_MAX, "latency");
        }

        @Override
        public String type() {
            return "dependency";
        }

        @Override
        public String describe() {
            return switch (mode) {
                case UNAVAILABLE -> "dependency unavailable";
                case SLOW -> "dependency slow by " + Durations.format(latency);
                case INTERMITTENT -> "dependency failing intermittently";
                case CORRUPT -> "dependency returning corrupted data";
            };
        }
    }
}
