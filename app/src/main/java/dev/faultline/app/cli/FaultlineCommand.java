package dev.faultline.app.cli;

import dev.faultline.app.BuildInfo;
import dev.faultline.app.Composition;
import dev.faultline.engine.env.FaultlineHome;
import dev.faultline.engine.runbook.RunbookLoader;
import dev.faultline.engine.spi.MetricSourceProvider;
import dev.faultline.engine.store.FaultlineStore;
import dev.faultline.engine.store.StoreException;
import java.io.PrintWriter;
import java.util.List;
import java.util.ServiceLoader;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code faultline}: the command line. Without a subcommand it prints help.
 *
 * <p>Start-up is kept to what the command needs: picocli reads only the subcommand named first on
 * the line (all of them for help, an unknown name or options first), and the engine ({@link
 * Composition}: plugins, kill switch, halt socket) is wired only when a command asks for it;
 * {@code validate} and {@code report} never do.
 */
@Command(
        name = "faultline",
        mixinStandardHelpOptions = true,
        versionProvider = FaultlineCommand.Version.class,
        description = "Chaos-engineering GameDays: run experiments, halt them, recover what a crash left behind.",
        exitCodeOnInvalidInput = ExitCodes.INVALID_INPUT,
        exitCodeOnExecutionException = ExitCodes.COULD_NOT_RUN)
public final class FaultlineCommand implements Runnable {
    /** {@code --version}: the version and the commit this program was built from ({@link BuildInfo}). */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {BuildInfo.current().line()};
        }
    }

    /** The subcommands, in the order help lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            ValidateCommand.class,
            ImportCommand.class,
            ExportCommand.class,
            RunCommand.class,
            RecoverCommand.class,
            RunsCommand.class,
            HaltCommand.class,
            ReleaseCommand.class,
            SandboxCommand.class,
            ProxyCommand.class,
            EnvironmentsCommand.class,
            GameDayCommand.class,
            NoteCommand.class,
            RetroCommand.class,
            ReportCommand.class,
            NotificationsCommand.class,
            SlackCommand.class,
            ScheduleCommand.class,
            SchedulerCommand.class,
            StoreCommand.class,
            TeamCommand.class);

    private final FaultlineHome home;
    private @Nullable Composition composition;
    private @Nullable RunbookLoader loader;
    private @Nullable FaultlineStore store;

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
        subcommandsFor(args).forEach(c -> cli.addSubcommand(c));
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

    /** The one subcommand {@code args} starts with, or all of them (help, an unknown name, options first). */
    static List<Class<?>> subcommandsFor(String... args) {
        if (args.length > 0) {
            for (Class<?> c : SUBCOMMANDS) {
                if (c.getAnnotation(Command.class).name().equals(args[0])) {
                    return List.of(c);
                }
            }
        }
        return SUBCOMMANDS;
    }

    FaultlineHome home() {
        return home;
    }

    /** The wired engine, made on first use. */
    synchronized Composition composition() {
        if (store != null) {
            throw new IllegalStateException("a command uses the database alone (store()) or the engine, not both");
        }
        if (composition == null) {
            composition = new Composition(home);
        }
        return composition;
    }

    /** A runbook loader that knows the installed probe types, without wiring the engine. */
    synchronized RunbookLoader runbookLoader() {
        if (composition != null) {
            return composition.loader;
        }
        if (loader == null) {
            loader = new RunbookLoader(
                    ServiceLoader.load(MetricSourceProvider.class, FaultlineCommand.class.getClassLoader()).stream()
                            .map(ServiceLoader.Provider::get)
                            .toList());
        }
        return loader;
    }

    /** The database alone, opened on first use, for commands that need nothing else of the engine. */
    synchronized FaultlineStore store() throws StoreException {
        if (composition != null) {
            return composition.store();
        }
        if (store == null) {
            FaultlineStore s = FaultlineStore.open(home);
            // a release of the team's kill switch made here while the store was away
            dev.faultline.app.PendingTeamRelease.applyQuietly(home, s);
            store = s;
        }
        return store;
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
        if (store != null) {
            store.close();
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
