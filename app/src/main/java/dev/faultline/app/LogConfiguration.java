package dev.faultline.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.nio.file.Path;

/**
 * Faultline's logging, set up in code when the first logger is asked for (logback finds it through
 * {@code META-INF/services}): parsing an XML configuration cost a command line start about as much
 * as the command. The log file gets the detail ({@code faultline.log} in {@code faultline.logdir},
 * else the temporary folder), the console only errors, one line each without a stack trace: people
 * get what is wrong and what to do; the file has the rest. HikariCP and Flyway log from WARN.
 *
 * <p>A configuration file named by {@code -Dlogback.configurationFile} still wins.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class LogConfiguration extends ContextAwareBase implements Configurator {
    static final String FILE_PATTERN = "%d{ISO8601} %-5level [%thread] %logger{36} - %msg%n";
    static final String CONSOLE_PATTERN = "faultline: %msg%n%nopex";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        FileAppender<ILoggingEvent> file = new FileAppender<>();
        file.setName("FILE");
        file.setFile(logFile().toString());
        start(context, file, FILE_PATTERN);

        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setName("CONSOLE");
        console.setTarget("System.err");
        ThresholdFilter errors = new ThresholdFilter();
        errors.setLevel(Level.ERROR.levelStr);
        errors.setContext(context);
        errors.start();
        console.addFilter(errors);
        start(context, console, CONSOLE_PATTERN);

        context.getLogger("com.zaxxer").setLevel(Level.WARN);
        context.getLogger("org.flywaydb").setLevel(Level.WARN);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(file);
        root.addAppender(console);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** {@code faultline.logdir}/faultline.log, else the same in the temporary folder. */
    static Path logFile() {
        String dir = System.getProperty("faultline.logdir");
        if (dir == null || dir.isEmpty()) {
            dir = System.getProperty("java.io.tmpdir");
        }
        return Path.of(dir, "faultline.log");
    }

    private static void start(LoggerContext context, OutputStreamAppender<ILoggingEvent> appender, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.start();
    }
}
