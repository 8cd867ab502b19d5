package dev.faultline.app.cli;

import dev.faultline.app.Composition;
import dev.faultline.engine.report.JsonReport;
import dev.faultline.engine.report.MarkdownReport;
import dev.faultline.engine.report.Report;
import dev.faultline.engine.report.ReportAssembler;
import dev.faultline.engine.report.ReportException;
import dev.faultline.engine.report.ReportRenderer;
import dev.faultline.engine.store.FaultlineStore;
import dev.faultline.engine.store.StoreException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** Makes a report and writes it whole (through a temporary file in the same folder) or not at all. */
public final class ReportFiles {
    private ReportFiles() {}

    public static Path write(Composition c, String id, String format, Path out, ZoneId zone)
            throws ReportException, StoreException {
        return write(c.store(), c.clock, id, format, out, zone);
    }

    /** The same from the database alone, as {@code faultline report} makes it. */
    public static Path write(FaultlineStore store, Clock clock, String id, String format, Path out, ZoneId zone)
            throws ReportException, StoreException {
        return write(store, clock, id, format, out, zone, true);
    }

    /** {@code engineLog}: the appendix of every run event (PDF, HTML); false leaves it out. */
    public static Path write(
            FaultlineStore store, Clock clock, String id, String format, Path out, ZoneId zone, boolean engineLog)
            throws ReportException, StoreException {
        ReportRenderer found = renderer(format);
        if (found == null) {
            throw new ReportException("unknown format '" + format + "'; use one of "
                    + String.join(", ", renderers().keySet()));
        }
        ReportRenderer r = engineLog ? found : found.withoutEngineLog();
        Report report = new ReportAssembler(store, clock).assemble(id, zone);
        byte[] bytes = r.render(report);
        Path target = out.toAbsolutePath();
        Path dir = target.getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".faultline-report-", ".part");
            try {
                Files.write(tmp, bytes);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (AccessDeniedException e) {
            throw new ReportException(
                    "cannot write the report to " + target + ": the folder " + dir
                            + " is not writable; choose another with -o",
                    e);
        } catch (IOException e) {
            throw new ReportException("cannot write the report to " + target + ": " + e.getMessage(), e);
        }
        return target;
    }

    /** Lets the renderer of {@code format}, if there is one, get ready while the report is read. */
    static void prepare(String format) {
        ReportRenderer r = renderer(format);
        if (r != null) {
            r.prepare();
        }
    }

    /** The renderer of {@code format} alone (the others are not made: JSON's sets up Jackson), or null. */
    static @Nullable ReportRenderer renderer(String format) {
        return switch (format) {
            case "md" -> new MarkdownReport();
            case "json" -> new JsonReport();
            default ->
                ServiceLoader.load(ReportRenderer.class, ReportFiles.class.getClassLoader()).stream()
                        .map(ServiceLoader.Provider::get)
                        .filter(r -> r.format().equals(format))
                        .findFirst()
                        .orElse(null);
        };
    }

    /** The report renderers: Markdown and JSON from the engine, HTML and PDF from the reports module. */
    static Map<String, ReportRenderer> renderers() {
        Map<String, ReportRenderer> out = new TreeMap<>();
        out.put("md", new MarkdownReport());
        out.put("json", new JsonReport());
        ServiceLoader.load(ReportRenderer.class, ReportFiles.class.getClassLoader())
                .forEach(r -> out.put(r.format(), r));
        return out;
    }
}
