package dev.faultline.app.cli;

import dev.faultline.engine.report.ReportException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code faultline report ID --format md|html|pdf|json -o FILE}: a GameDay run's or a run's report. */
@Command(
        name = "report",
        description = "Write the report of a GameDay run (its id, or a GameDay's name for its latest"
                + " run) or of a single run, as Markdown, HTML (one self-contained file), PDF or JSON.")
final class ReportCommand implements Callable<Integer> {
    @ParentCommand
    FaultlineCommand root;

    @Parameters(
            index = "0",
            paramLabel = "GAMEDAY-OR-RUN",
            description = "a GameDay run id, a GameDay name, or a run id")
    String id;

    @Option(
            names = {"-f", "--format"},
            defaultValue = "html",
            description = "md, html, pdf or json (default: ${DEFAULT-VALUE})")
    String format;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "where to write it (default: ID.FORMAT here)")
    @Nullable
    Path output;

    @Option(
            names = "--zone",
            paramLabel = "ZONE",
            description = "time zone for the times shown (default: this machine's)")
    @Nullable
    String zone;

    @Option(
            names = "--no-engine-log",
            description = "leave out the appendix with every run event (PDF, HTML): a shorter report")
    boolean noEngineLog;

    @Override
    public Integer call() throws Exception {
        ZoneId z;
        try {
            z = zone == null ? ZoneId.systemDefault() : ZoneId.of(zone);
        } catch (DateTimeException e) {
            root.err().println("faultline: --zone: '" + zone + "' is not a time zone (e.g. Europe/Berlin, UTC)");
            return ExitCodes.INVALID_INPUT;
        }
        String f = format.toLowerCase(Locale.ROOT).replace("markdown", "md");
        Path out = output != null ? output : Path.of(id.replaceAll("[^A-Za-z0-9._-]", "_") + "." + f);
        try {
            // the renderer may get ready (the PDF's in the background) while the database opens
            ReportFiles.prepare(f);
            // the database alone: no plugins, kill switch or halt socket for a report
            Path written = ReportFiles.write(root.store(), Clock.systemUTC(), id, f, out, z, !noEngineLog);
            root.out().println("report written to " + written);
            return ExitCodes.OK;
        } catch (ReportException e) {
            root.err().println("faultline: " + e.getMessage());
            return e.getMessage().startsWith("unknown format") || e.getMessage().startsWith("no GameDay run")
                    ? ExitCodes.INVALID_INPUT
                    : ExitCodes.COULD_NOT_RUN;
        }
    }
}
