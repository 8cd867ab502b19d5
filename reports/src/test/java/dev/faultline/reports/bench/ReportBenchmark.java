package dev.faultline.reports.bench;

import dev.faultline.engine.report.JsonReport;
import dev.faultline.engine.report.MarkdownReport;
import dev.faultline.engine.report.Report;
import dev.faultline.reports.HtmlReport;
import dev.faultline.reports.PdfReport;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rendering the report of a four-hour GameDay with 10 experiments and 20 probes at 1 s (288,000
 * samples, 200 charts) in each format. Target for PDF: under 3 s. Run: {@code scripts/bench ReportBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class ReportBenchmark {
    @Param({"md", "json", "html", "pdf"})
    String format;

    private Report report;

    @Setup
    public void setUp() {
        report = SyntheticGameDay.fourHours(10, 20);
    }

    @Benchmark
    public byte[] render() throws Exception {
        return switch (format) {
            case "md" -> new MarkdownReport().render(report);
            case "json" -> new JsonReport().render(report);
            case "html" -> new HtmlReport().render(report);
            default -> new PdfReport().render(report);
        };
    }
}
