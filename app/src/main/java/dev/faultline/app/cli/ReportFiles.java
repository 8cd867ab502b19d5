package dev.faultline.app.cli;

import dev.faultline.app.Composition;
import dev.faultline.engine.report.Report;
import dev.faultline.engine.report.ReportAssembler;
import dev.faultline.engine.report.ReportException;
import dev.faultline.engine.report.ReportRenderer;
import dev.faultline.engine.store.StoreException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.util.Map;

/** Makes a report and writes it whole (through a temporary file in the same folder) or not at all. */
public final class ReportFiles {
    private ReportFiles() {
    }

    public static Path write(Composition c, String id, String format, Path out, ZoneId zone) throws ReportException, StoreException {
        Map<String, ReportRenderer> renderers = c.reportRenderers();
        ReportRenderer r = renderers.get(format);
        if (r == null) {
            throw new ReportException("unknown format '" + format + "'; use one of " + String.join(", ", renderers.keySet()));
        }
        Report report = new ReportAssembler(c.store(), c.clock).assemble(id, zone);
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
            throw new ReportException("cannot write the report to " + target + ": the folder " + dir
                    + " is not writable; choose another with -o", e);
        } catch (IOException e) {
            throw new ReportException("cannot write the report to " + target + ": " + e.getMessage(), e);
        }
        return target;
    }
}
