package dev.faultline.app.cli;

import dev.faultline.app.interop.ForeignFormats;
import dev.faultline.engine.runbook.LoadedRunbook;
import dev.faultline.engine.runbook.RunbookException;
import dev.faultline.engine.spi.interop.ExportException;
import dev.faultline.engine.spi.interop.Exported;
import dev.faultline.engine.spi.interop.RunbookExporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code faultline export RUNBOOK --to FORMAT [-o OUT]}: writes a runbook in another tool's format.
 * Exit 0 written (what the format cannot express on standard error), 2 the runbook is invalid, the
 * format unknown or nothing of the runbook can be expressed in it, 3 could not be written.
 */
@Command(name = "export", description = "Write a runbook for another tool: chaostoolkit, chaos-mesh or litmus.")
final class ExportCommand implements Callable<Integer> {
    @ParentCommand
    FaultlineCommand root;

    @Parameters(index = "0", paramLabel = "RUNBOOK", description = "the runbook (an experiment) to export")
    Path runbook;

    @Option(names = "--to", required = true, paramLabel = "FORMAT", description = "chaostoolkit, chaos-mesh or litmus")
    String format;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "OUT",
            description = "file to write (one file), or folder (default: the current folder)")
    @Nullable
    Path output;

    @Option(names = "--force", description = "overwrite files that already exist")
    boolean force;

    @Override
    public Integer call() {
        ForeignFormats formats = ForeignFormats.installed(ExportCommand.class.getClassLoader());
        Optional<RunbookExporter> exporter = formats.exporter(format);
        if (exporter.isEmpty()) {
            root.err()
                    .println("--to " + format + ": not a format Faultline exports; it writes "
                            + String.join(", ", formats.exportFormats()));
            return ExitCodes.INVALID_INPUT;
        }
        LoadedRunbook loaded;
        try {
            loaded = root.runbookLoader().load(runbook);
        } catch (RunbookException e) {
            e.problems().forEach(p -> root.err().println(p));
            return ExitCodes.INVALID_INPUT;
        }
        Exported out;
        try {
            out = exporter.get().write(loaded.experiment());
        } catch (ExportException e) {
            root.err().println(runbook + ": cannot be written for " + format + ": " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        out.notes().forEach(n -> root.err().println("note: " + runbook + ": " + n));
        boolean toFile = output != null
                && out.files().size() == 1
                && !Files.isDirectory(output)
                && output.getFileName().toString().contains(".");
        Path folder =
                output == null ? Path.of(".") : toFile ? output.toAbsolutePath().getParent() : output;
        for (Exported.File f : out.files()) {
            Path target = toFile ? output : folder.resolve(f.name());
            try {
                if (Files.exists(target) && !force) {
                    throw new IOException("it already exists; give another -o, or --force to overwrite it");
                }
                Files.createDirectories(target.toAbsolutePath().getParent());
                Files.writeString(target, f.text());
            } catch (IOException e) {
                root.err().println(target + ": could not be written: " + WriteFailure.why(e));
                return ExitCodes.COULD_NOT_RUN;
            }
            root.out().printf("exported %s (%s) -> %s%n", runbook, format, target);
        }
        return ExitCodes.OK;
    }
}
