package dev.faultline.app.fx;

import dev.faultline.app.cli.ImportedSchedules;
import dev.faultline.app.interop.ForeignFormats;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.runbook.RunbookLoader;
import dev.faultline.engine.runbook.RunbookWriter;
import dev.faultline.engine.spi.interop.ConversionNote;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * A file of another tool's format, written as a runbook for the editor to open: the first
 * experiment it holds, under {@code folder} (never over an existing runbook), with the notes of
 * what was not carried over exactly.
 */
record ImportedRunbook(Path runbook, String summary) {

    static ImportedRunbook write(Path source, Path folder, RunbookLoader loader) throws Exception {
        ForeignFormats formats = ForeignFormats.installed(ImportedRunbook.class.getClassLoader());
        return switch (formats.read(source)) {
            case ForeignFormats.Refused r -> throw new IOException(r.message());
            case ForeignFormats.Read r -> {
                if (r.imported().experiments().isEmpty()) {
                    throw new IOException(source + ": " + r.looksLike()
                            + " holds no experiment to edit; import it with faultline import");
                }
                Experiment e = r.imported().experiments().getFirst();
                String yaml = new RunbookWriter().toYaml(e);
                Files.createDirectories(folder);
                Path target = folder.resolve(e.name() + ".yaml");
                for (int i = 2; Files.exists(target); i++) {
                    target = folder.resolve(e.name() + "-" + i + ".yaml");
                }
                loader.parse(yaml, target.toString());
                Files.writeString(target, yaml);
                String notes = r.imported().notes().isEmpty()
                        ? "nothing left out"
                        : r.imported().notes().size() + " note(s): "
                                + r.imported().notes().stream()
                                        .map(ConversionNote::toString)
                                        .collect(Collectors.joining("; "));
                Path written = target;
                String schedule = r.imported().schedules().stream()
                        .filter(s -> s.experiment().equals(e.name()))
                        .map(s ->
                                "; its schedule '" + s.cron() + "' (" + s.zone().getId() + "): once the environment"
                                        + " and hypothesis are right, " + ImportedSchedules.command(s, written))
                        .collect(Collectors.joining());
                int more = r.imported().experiments().size() - 1;
                yield new ImportedRunbook(
                        target,
                        "Imported " + source.getFileName() + " (" + r.looksLike() + ") as " + target.getFileName()
                                + (more > 0 ? " (" + more + " more experiment(s): use faultline import)" : "")
                                + schedule + "; " + notes);
            }
        };
    }
}
