package dev.faultline.app.cli;

import dev.faultline.app.Composition;
import dev.faultline.engine.env.FaultlineHome;
import java.io.PrintWriter;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code faultline}: the command line. Without a subcommand it prints help. */
@Command(name = "faultline", mixinStandardHelpOptions = true, version = "Faultline 0.1.0",
        description = "Chaos-engineering GameDays: run experiments, halt them, recover what a crash left behind.",
        subcommands = {ValidateCommand.class, RunCommand.class, RecoverCommand.class, RunsCommand.class,
                HaltCommand.class, ReleaseCommand.class, SandboxCommand.class, ProxyCommand.class,
                EnvironmentsCommand.class, GameDayCommand.class, NoteCommand.class, RetroCommand.class,
                ReportCommand.class, NotificationsCommand.class, SlackCommand.class},
        exitCodeOnInvalidInput = ExitCodes.INVALID_INPUT, exitCodeOnExecutionException = ExitCodes.COULD_NOT_RUN)
public final class FaultlineCommand implements Runnable {
    private final FaultlineHome home;
    private @Nullable Composition composition;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public FaultlineCommand(FaultlineHome home) {
        this.home = home;
    }

    public static int execute(FaultlineHome home, String... args) {
        return execute(home, new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs a command with its output going to {@code out} and {@code err}. */
    public static int execute(FaultlineHome home, PrintWriter out, PrintWriter err, String... args) {
        FaultlineCommand root = new FaultlineCommand(home);
        CommandLine cli = new CommandLine(root);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, line, parsed) -> {
            line.getErr().println("faultline: " + CommandFailure.oneLine(ex));
            // the trace goes to the log file only: WARN is below the console's threshold
            org.slf4j.LoggerFactory.getLogger(FaultlineCommand.class).warn("command failed", ex);
            return ExitCodes.COULD_NOT_RUN;
        });
        try {
            return cli.execute(args);
        } finally {
            root.close();
        }
    }

    FaultlineHome home() {
        return home;
    }

    /** The wired engine, made on first use. */
    synchronized Composition composition() {
        if (composition == null) {
            composition = new Composition(home);
        }
        return composition;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    private synchronized void close() {
        if (composition != null) {
            composition.close();
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
