package dev.faultline.engine.model;

import dev.faultline.engine.model.FaultAttribute.Shape;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Faults on a TCP link through a chaos proxy (the local proxy, Toxiproxy): latency, a link down,
 * bandwidth, slow close, timeout, reset, slicer, limit-data.
 */
public sealed interface ProxyFault extends Fault
        permits ProxyFault.Latency,
                ProxyFault.Down,
                ProxyFault.Bandwidth,
                ProxyFault.SlowClose,
                ProxyFault.ConnectionTimeout,
                ProxyFault.ResetPeer,
                ProxyFault.Slicer,
                ProxyFault.LimitData {
    FaultKind<Latency> LATENCY = FaultKind.of(
            "latency",
            Latency.class,
            in -> {
                Duration latency = in.duration("latency", null, Limits.DELAY_MAX);
                Duration jitter = in.duration("jitter", Duration.ZERO, Limits.DELAY_MAX);
                Double correlation = in.share("correlation", 0.0);
                return latency == null || jitter == null || correlation == null
                        ? null
                        : in.build("", () -> new Latency(latency, jitter, correlation));
            },
            new Latency(Duration.ofMillis(300), Duration.ofMillis(50), 0.25),
            FaultAttribute.of("latency", Shape.DURATION),
            FaultAttribute.of("jitter", Shape.DURATION),
            FaultAttribute.of("correlation", Shape.SHARE));
    FaultKind<Down> DOWN = FaultKind.of("down", Down.class, in -> new Down(), new Down());
    FaultKind<Bandwidth> BANDWIDTH = FaultKind.of(
            "bandwidth",
            Bandwidth.class,
            in -> in.require("rate") ? in.build("", () -> new Bandwidth(in.longInteger("rate", 0))) : null,
            new Bandwidth(64),
            FaultAttribute.of("rate", Shape.INTEGER));
    FaultKind<SlowClose> SLOW_CLOSE = FaultKind.of(
            "slow-close",
            SlowClose.class,
            in -> {
                Duration delay = in.duration("delay", null, Limits.DELAY_MAX);
                return delay == null ? null : in.build("", () -> new SlowClose(delay));
            },
            new SlowClose(Duration.ofSeconds(2)),
            FaultAttribute.of("delay", Shape.DURATION));
    FaultKind<ConnectionTimeout> TIMEOUT = FaultKind.of(
            "timeout",
            ConnectionTimeout.class,
            in -> {
                Duration after = in.duration("after", Duration.ZERO, Limits.SPAN_MAX);
                return after == null ? null : in.build("", () -> new ConnectionTimeout(after));
            },
            new ConnectionTimeout(Duration.ofSeconds(1)),
            FaultAttribute.of("after", Shape.DURATION));
    FaultKind<ResetPeer> RESET_PEER = FaultKind.of(
            "reset-peer",
            ResetPeer.class,
            in -> {
                Duration after = in.duration("after", Duration.ZERO, Limits.SPAN_MAX);
                return after == null ? null : in.build("", () -> new ResetPeer(after));
            },
            new ResetPeer(Duration.ofMillis(100)),
            FaultAttribute.of("after", Shape.DURATION));
    FaultKind<Slicer> SLICER = FaultKind.of(
            "slicer",
            Slicer.class,
            in -> {
                Duration delay = in.duration("delay", Duration.ZERO, Limits.DELAY_MAX);
                return delay == null || !in.require("averageSize")
                        ? null
                        : in.build(
                                "",
                                () -> new Slicer(
                                        in.longInteger("averageSize", 0), in.longInteger("sizeVariation", 0), delay));
            },
            new Slicer(100, 10, Duration.ofMillis(5)),
            FaultAttribute.of("averageSize", Shape.INTEGER),
            FaultAttribute.of("sizeVariation", Shape.INTEGER),
            FaultAttribute.of("delay", Shape.DURATION));
    FaultKind<LimitData> LIMIT_DATA = FaultKind.of(
            "limit-data",
            LimitData.class,
            in -> in.require("bytes") ? in.build("", () -> new LimitData(in.longInteger("bytes", 0))) : null,
            new LimitData(1024),
            FaultAttribute.of("bytes", Shape.INTEGER));
    /** This family's kinds. */
    List<FaultKind<?>> KINDS = List.of(LATENCY, DOWN, BANDWIDTH, SLOW_CLOSE, TIMEOUT, RESET_PEER, SLICER, LIMIT_DATA);

    /**
     * Added delay on a connection, with a random jitter of up to ± {@code jitter}; {@code correlation}
     * (0..1) is how much each packet's delay depends on the previous one's (netem; 0 for proxies).
     */
    record Latency(Duration latency, Duration jitter, double correlation) implements ProxyFault {
        public Latency {
            Objects.requireNonNull(latency, "latency");
            Objects.requireNonNull(jitter, "jitter");
            if (latency.isNegative() || jitter.isNegative()) {
                throw new IllegalArgumentException("latency and jitter cannot be negative");
            }
            Limits.atMost(latency, Limits.DELAY_MAX, "latency");
            Limits.atMost(jitter, Limits.DELAY_MAX, "jitter");
            FaultChecks.requireShare(correlation, "correlation");
        }

        public Latency(Duration latency, Duration jitter) {
            this(latency, jitter, 0);
        }

        @Override
        public FaultKind<Latency> kind() {
            return LATENCY;
        }

        @Override
        public String describe() {
            return "latency " + Durations.format(latency) + (jitter.isZero() ? "" : " ± " + Durations.format(jitter));
        }

        @Override
        public void writeFields(FaultFieldWriter out) {
            out.put("latency", Durations.format(latency));
            if (!jitter.isZero()) {
                out.put("jitter", Durations.format(jitter));
            }
            if (correlation != 0) {
                out.put("correlation", FaultChecks.percent(correlation));
            }
        }
    }

    /** The link is down: new connections are refused and open ones are closed. */
    record Down() implements ProxyFault {
        @Override
        public FaultKind<Down> kind() {
            return DOWN;
        }

        @Override
        public String describe() {
            return "link down";
        }

        @Override
        public void writeFields(FaultFieldWriter out) {
            // no attributes
        }
    }

    /** Traffic limited to {@code kilobytesPerSecond} (1 KB = 1000 bytes). */
    record Bandwidth(long kilobytesPerSecond) implements ProxyFault {
        public Bandwidth {
            if (kilobytesPerSecond <= 0) {
                throw new IllegalArgumentException("the bandwidth must be above 0 KB/s");
            }
            Limits.atMost(
                    kilobytesPerSecond,
                    Limits.BANDWIDTH_KBPS_MAX,
                    Limits.BANDWIDTH_KBPS_MAX + " (KB/s, " + Limits.RATE_MAX_TEXT + ")",
                    "rate");
        }

        @Override
        public FaultKind<Bandwidth> kind() {
            return BANDWIDTH;
        }

        @Override
        public String describe() {
            return "bandwidth limited to " + kilobytesPerSecond + " KB/s";
        }

        @Override
        public void writeFields(FaultFieldWriter out) {
            out.put("rate", kilobytesPerSecond);
        }
    }

    /** A closing connection is held open for {@code delay} before it closes. */
    record SlowClose(Duration delay) implements ProxyFault {
        public SlowClose {
            FaultChecks.requirePositive(delay, "delay");
            Limits.atMost(delay, Limits.DELAY_MAX, "delay");
        }

        @Override
        public FaultKind<SlowClose> kind() {
            return SLOW_CLOSE;
        }

        @Override
        public String describe() {
            return "connections close " + Durations.format(delay) + " late";
        }

        @Override
        public void writeFields(FaultFieldWriter out) {
            out.put("delay", Durations.format(delay));
        }
    }

    /** No data passes; connections are closed after {@code after} (zero: held open, silent). */
    record ConnectionTimeout(Duration after) implements ProxyFault {
        public ConnectionTimeout {
            Objects.requireNonNull(after, "after");
            if (after.isNegative()) {
                throw new IllegalArgumentException("after cannot be negative");
            }
            Limits.atMost(after, Limits.SPAN_MAX, "after");
        }

        @Override
        public FaultKind<ConnectionTimeout> kind() {
            return TIMEOUT;
        }

        @Override
        public String describe() {
            return after.isZero() ? "connections hang" : "connections hang, closed after " + Durations.format(after);
        }

        @Override
        public void writeFields(FaultFieldWriter out) {
            out.put("after", Durations.format(after));
        }
    }

    /** Connections are reset (TCP RST) after {@code after}. */
    record ResetPeer(Duration after) implements ProxyFault {
        public ResetPeer {
            Objects.requireNonNull(after, "after");
            if (after.isNegative()) {
                throw new IllegalArgumentException("after cannot be negative");
            }
            Limits.atMost(after, Limits.SPAN_MAX, "after");
        }

        @Override
        public FaultKind<ResetPeer> kind() {
            return RESET_PEER;
        }

        @Override
        public String describe() {
            return "connections reset" + (after.isZero() ? "" : " after " + Durations.format(after));
        }

        @Override
        public void writeFields(FaultFieldWriter out) {
            out.put("after", Durations.format(after));
        }
    }

    /** Data is cut into slices of about {@code averageBytes} ± {@code variationBytes}, {@code delay} apart. */
    record Slicer(long averageBytes, long variationBytes, Duration delay) implements ProxyFault {
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
        public FaultKind<Slicer> kind() {
            return SLICER;
        }

        @Override
        public String describe() {
            return "data sliced into ~" + averageBytes + " byte pieces, " + Durations.format(delay) + " apart";
        }

        @Override
        public void writeFields(FaultFieldWriter out) {
            out.put("averageSize", averageBytes)
                    .put("sizeVariation", variationBytes)
                    .put("delay", Durations.format(delay));
        }
    }

    /** A connection is closed once {@code bytes} have passed. */
    record LimitData(long bytes) implements ProxyFault {
        public LimitData {
            if (bytes <= 0) {
                throw new IllegalArgumentException("bytes must be above 0");
            }
            Limits.atMost(bytes, Limits.SIZE_MAX, Limits.SIZE_MAX_TEXT, "bytes");
        }

        @Override
        public FaultKind<LimitData> kind() {
            return LIMIT_DATA;
        }

        @Override
        public String describe() {
            return "connections closed after " + bytes + " bytes";
        }

        @Override
        public void writeFields(FaultFieldWriter out) {
            out.put("bytes", bytes);
        }
    }
}
