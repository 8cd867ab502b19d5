package dev.faultline.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The model refuses values outside their documented ranges by itself, whatever built them (the
 * loader, the editor, the API): no path can make a latency of 9e12 ms. Parsing never wraps.
 */
class ModelRangesTest {
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofHours(24);
    private static final Duration OVER_HOUR = HOUR.plusMillis(1);
    private static final Duration OVER_DAY = DAY.plusMillis(1);
    private static final Target PROXY = new Target("proxy", Params.of("name", "p"));

    private static void refused(Executable make, String message) {
        assertThatThrownBy(make::execute)
                .isInstanceOf(OutOfRangeException.class)
                .hasMessage(message);
    }

    @Test
    void theToxicOfTheReportThatAddedNoDelayCannotBeBuilt() {
        refused(
                () -> new ProxyFault.Latency(Duration.ofMillis(9_223_372_036_854L), Duration.ZERO),
                "latency 9223372036854ms is out of range: at most 1h");
        refused(
                () -> new ProxyFault.Latency(Duration.ofSeconds(1), Duration.ofMillis(Long.MAX_VALUE)),
                "jitter 9223372036854775807ms is out of range: at most 1h");
    }

    @Test
    void faultsAcceptTheirBoundaryAndRefuseOneOver() {
        List<Executable> boundaries = List.of(
                () -> new ProxyFault.Latency(HOUR, HOUR),
                () -> new ProxyFault.SlowClose(HOUR),
                () -> new ProxyFault.ConnectionTimeout(DAY),
                () -> new ProxyFault.ResetPeer(DAY),
                () -> new ProxyFault.Slicer(Limits.SIZE_MAX, 0, HOUR),
                () -> new ProxyFault.LimitData(Limits.SIZE_MAX),
                () -> new ProxyFault.Bandwidth(10_000_000),
                () -> new StressFault.MemoryStress(Limits.SIZE_MAX, 10_000_000_000L),
                () -> new StressFault.DiskStress(Limits.SIZE_MAX, StressFault.DiskIo.FILL, 10_000_000_000L, ""),
                () -> new HttpFault("", "/**", Map.of(), 0, HOUR, false, "", false, Map.of()),
                () -> new PodFault.PodKill(DAY),
                () -> new PodFault.TimeShift(Duration.ofHours(-8760)),
                () -> new FileSystemFault.IoLatency(HOUR, "/data", "", 1),
                () -> new DependencyFault(DependencyFault.Mode.SLOW, HOUR));
        for (Executable b : boundaries) {
            org.junit.jupiter.api.Assertions.assertDoesNotThrow(b);
        }
        refused(
                () -> new ProxyFault.Latency(OVER_HOUR, Duration.ZERO),
                "latency 3600001ms is out of range: at most 1h");
        refused(() -> new ProxyFault.Latency(HOUR, OVER_HOUR), "jitter 3600001ms is out of range: at most 1h");
        refused(() -> new ProxyFault.SlowClose(OVER_HOUR), "delay 3600001ms is out of range: at most 1h");
        refused(() -> new ProxyFault.ConnectionTimeout(OVER_DAY), "after 86400001ms is out of range: at most 24h");
        refused(() -> new ProxyFault.ResetPeer(OVER_DAY), "after 86400001ms is out of range: at most 24h");
        refused(
                () -> new ProxyFault.Slicer(Limits.SIZE_MAX + 1, 0, HOUR),
                "averageSize 1099511627777 is out of range: at most 1TiB");
        refused(
                () -> new ProxyFault.LimitData(Long.MAX_VALUE),
                "bytes 9223372036854775807 is out of range: at most 1TiB");
        refused(
                () -> new ProxyFault.Bandwidth(10_000_001),
                "rate 10000001 is out of range: at most 10000000 (KB/s, 10GB/s)");
        refused(
                () -> new StressFault.MemoryStress(Limits.SIZE_MAX + 1),
                "size 1099511627777 is out of range: at most 1TiB");
        refused(
                () -> new StressFault.DiskStress(1_000_000, StressFault.DiskIo.WRITE, 10_000_000_001L, ""),
                "throughput 10000000001 is out of range: at most 10GB/s");
        refused(
                () -> new HttpFault("", "/**", Map.of(), 0, OVER_HOUR, false, "", false, Map.of()),
                "delay 3600001ms is out of range: at most 1h");
        refused(() -> new PodFault.PodKill(OVER_DAY), "gracePeriod 86400001ms is out of range: at most 24h");
        refused(
                () -> new PodFault.TimeShift(Duration.ofHours(-8761)),
                "offset -8761h is out of range: at most 8760h either way");
        refused(
                () -> new FileSystemFault.IoLatency(OVER_HOUR, "/data", "", 1),
                "delay 3600001ms is out of range: at most 1h");
        refused(
                () -> new JvmFault.JvmLatency(new JvmFault.JvmMethod("a.B", "c"), OVER_HOUR),
                "latency 3600001ms is out of range: at most 1h");
        refused(
                () -> new DependencyFault(DependencyFault.Mode.SLOW, OVER_HOUR),
                "latency 3600001ms is out of range: at most 1h");
    }

    @Test
    void stepsTimingBlastRadiusAndRollbacksAreBoundedToADay() {
        org.junit.jupiter.api.Assertions.assertDoesNotThrow(
                () -> new MethodStep.FaultStep("f", 0, DAY, DAY, "local", new ProxyFault.Down(), PROXY, 1));
        refused(
                () -> new MethodStep.FaultStep("f", 0, null, OVER_DAY, "local", new ProxyFault.Down(), PROXY, 1),
                "duration 86400001ms is out of range: at most 24h");
        refused(
                () -> new MethodStep.WaitStep("w", 0, OVER_DAY, Duration.ofSeconds(1)),
                "at 86400001ms is out of range: at most 24h");
        refused(
                () -> new MethodStep.WaitStep("w", 0, null, Duration.ofSeconds(Long.MAX_VALUE)),
                "wait 2562047788015215h30m7s is out of range: at most 24h");
        refused(
                () -> new MethodStep.WaitUntilStep("u", 0, null, "p", OVER_DAY),
                "timeout 86400001ms is out of range: at most 24h");
        refused(
                () -> new Timing(OVER_DAY, Duration.ofSeconds(1), 1, Duration.ZERO, 1),
                "warmup 86400001ms is out of range: at most 24h");
        refused(
                () -> new Timing(Duration.ZERO, OVER_HOUR, 1, Duration.ZERO, 1),
                "probeInterval 3600001ms is out of range: at most 1h");
        refused(
                () -> new BlastRadius(List.of(), 1, OVER_DAY, 1),
                "maxDuration 86400001ms is out of range: at most 24h");
        refused(() -> new RollbackAction("r", "true", OVER_DAY), "timeout 86400001ms is out of range: at most 24h");
    }

    @Test
    void parsingIsExactAndNeverWraps() {
        assertThat(Durations.parse("1h", "latency", HOUR)).isEqualTo(HOUR);
        assertThat(Durations.parse("0.5ms", "latency", HOUR)).isEqualTo(Duration.ofNanos(500_000));
        assertThat(Durations.format(Duration.ofNanos(500_000))).isEqualTo("0.5ms");
        refused(
                () -> Durations.parse("99999999999h", "latency", HOUR),
                "latency 99999999999h is out of range: at most 1h");
        refused(
                () -> Durations.parse("9223372036854775807ms", "jitter", HOUR),
                "jitter 9223372036854775807ms is out of range: at most 1h");
        refused(
                () -> Durations.parse("1" + "0".repeat(10_000) + "h", "wait"),
                "wait 1" + "0".repeat(10_000) + "h is out of range: at most 8760h");
        assertThat(Sizes.parse("1TiB", "size")).isEqualTo(1L << 40);
        assertThat(Sizes.parse("0.5KB", "size")).isEqualTo(500);
        refused(
                () -> Sizes.parse("99999999999999999999GB", "size"),
                "size 99999999999999999999GB is out of range: at most 1TiB");
        refused(
                () -> Sizes.parse("9223372036854775808", "size"),
                "size 9223372036854775808 is out of range: at most 1TiB");
        assertThat(Sizes.parseRate("10GB/s", "growth")).isEqualTo(10_000_000_000L);
        refused(
                () -> Sizes.parseRate("20000000000TB/s", "growth"),
                "growth 20000000000TB/s is out of range: at most 10GB/s");
    }
}
