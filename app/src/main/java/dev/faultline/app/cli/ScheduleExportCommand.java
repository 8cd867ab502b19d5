package dev.faultline.app.cli;

import dev.faultline.engine.runbook.LoadedRunbook;
import dev.faultline.engine.runbook.RunbookException;
import dev.faultline.engine.schedule.Schedule;
import dev.faultline.engine.schedule.ScheduleEntry;
import dev.faultline.engine.spi.interop.ConversionNote;
import dev.faultline.engine.spi.interop.ExportException;
import dev.faultline.engine.spi.interop.Exported;
import dev.faultline.engine.spi.interop.ScheduleExporter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code faultline schedule export NAME --format chaos-mesh}: the schedule as another tool's own
 * schedule (a Chaos Mesh {@code Schedule} resource), on standard output or into a file; what it cannot
 * carry is said on standard error.
 */
@Command(
        name = "export",
        description =
                "Write a schedule as another tool's schedule: a Chaos Mesh Schedule resource (--format chaos-mesh).")
final class ScheduleExportCommand extends ScheduleCommand.Sub {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Option(
            names = "--format",
            defaultValue = "chaos-mesh",
            paramLabel = "FORMAT",
            description = "the other tool (default: ${DEFAULT-VALUE})")
    String format;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "write it here (default: standard output)")
    @Nullable
    Path output;

    @Override
    public Integer call() throws Exception {
        FaultlineCommand root = root();
        Optional<ScheduleEntry> entry = store().find(name);
        if (entry.isEmpty()) {
            return unknown(name);
        }
        List<ScheduleExporter> exporters =
                ServiceLoader.load(ScheduleExporter.class, ScheduleExportCommand.class.getClassLoader()).stream()
                        .map(ServiceLoader.Provider::get)
                        .toList();
        Optional<ScheduleExporter> exporter =
                exporters.stream().filter(e -> e.format().equals(format)).findFirst();
        if (exporter.isEmpty()) {
            root.err()
                    .println("faultline: no schedule export to '" + format + "' (formats: "
                            + String.join(
                                    ", ",
                                    exporters.stream()
                                            .map(ScheduleExporter::format)
                                            .toList()) + ")");
            return ExitCodes.INVALID_INPUT;
        }
        Schedule s = entry.get().schedule();
        LoadedRunbook runbook;
        try {
            runbook = root.composition().loader.load(Path.of(s.runbook()));
        } catch (RunbookException e) {
            e.problems().forEach(p -> root.err().println(p));
            return ExitCodes.INVALID_INPUT;
        }
        Exported out;
        try {
            out = exporter.get().write(runbook.experiment(), s.name(), s.cron().expression(), s.zone());
        } catch (ExportException e) {
            root.err().println("faultline: schedule '" + name + "': " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        String text = out.files().getFirst().text();
        if (output == null) {
            root.out().print(text);
            root.out().flush();
        } else {
            Files.writeString(output, text, StandardCharsets.UTF_8);
            root.out()
                    .println("Chaos Mesh Schedule written to " + output + " (apply it with kubectl apply -f " + output
                            + ")");
        }
        for (ConversionNote n : out.notes()) {
            root.err().println("note: " + n);
        }
        if (!s.skipDays().isEmpty() || s.window() != null) {
            root.err()
                    .println("note: the schedule's skipped days and time window: not carried (Chaos Mesh has no such"
                            + " guards); fold them into the cron expression");
        }
        return ExitCodes.OK;
    }
}
