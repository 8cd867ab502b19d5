package dev.faultline.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

/**
 * The logging set up in code, as logback finds it on the class path: detail into {@code
 * faultline.log} in {@code faultline.logdir}, only errors on the console, one line without a trace.
 */
class LogConfigurationTest {
    @TempDir
    Path dir;

    @Test
    void theFileGetsTheDetailAndTheConsoleOnlyErrorsInOneLine() throws Exception {
        String before = System.getProperty("faultline.logdir");
        PrintStream err = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        System.setProperty("faultline.logdir", dir.toString());
        System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        try {
            // the way logback configures itself: the service-loaded configurators, highest rank first
            new ContextInitializer(context).autoConfig();
            Logger log = context.getLogger("dev.faultline.test");
            log.debug("not kept");
            log.info("run started");
            log.error("the kill switch is not armed: arm it with faultline halt --arm", new IllegalStateException("x"));
            context.getLogger("org.flywaydb.core").info("flyway chatter");
            context.getLogger("com.zaxxer.hikari").warn("pool warning");
            assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.INFO);
        } finally {
            context.stop();
            System.setErr(err);
            if (before == null) {
                System.clearProperty("faultline.logdir");
            } else {
                System.setProperty("faultline.logdir", before);
            }
        }

        List<String> lines = Files.readAllLines(dir.resolve("faultline.log"));
        assertThat(lines.get(0))
                .matches(
                        "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} INFO  \\[.+\\] dev\\.faultline\\.test - run started");
        assertThat(lines.get(1))
                .endsWith("ERROR [" + Thread.currentThread().getName()
                        + "] dev.faultline.test - the kill switch is not armed: arm it with faultline halt --arm");
        assertThat(lines.get(2)).isEqualTo("java.lang.IllegalStateException: x");
        assertThat(String.join("\n", lines))
                .doesNotContain("not kept", "flyway chatter")
                .contains("WARN  [" + Thread.currentThread().getName() + "] com.zaxxer.hikari - pool warning");
        assertThat(console.toString(StandardCharsets.UTF_8))
                .isEqualTo("faultline: the kill switch is not armed: arm it with faultline halt --arm"
                        + System.lineSeparator());
    }

    @Test
    void logbackFindsItThroughTheServiceLoader() {
        assertThat(java.util.ServiceLoader.load(Configurator.class).stream()
                        .map(p -> p.type().getName()))
                .contains(LogConfiguration.class.getName());
    }
}
