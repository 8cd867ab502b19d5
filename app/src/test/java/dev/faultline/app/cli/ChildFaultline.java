package dev.faultline.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Faultline's command line in a JVM of its own, as another terminal would run it. */
final class ChildFaultline implements AutoCloseable {
    final Process process;
    final Path output;

    private ChildFaultline(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    static ChildFaultline start(Path home, String... args) throws IOException {
        return start(home, Map.of(), args);
    }

    /** With extra environment variables, such as {@code FAULTLINE_RUNTIME_DIR}. */
    static ChildFaultline start(Path home, Map<String, String> env, String... args) throws IOException {
        return start(home, home, env, args);
    }

    /** With its output kept in {@code outputDir} (the home may be on a full disk). */
    static ChildFaultline start(Path outputDir, Path home, Map<String, String> env, String... args) throws IOException {
        // as ./faultline starts it: netty's native transport may load without a warning on Java 25
        List<String> cmd = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.faultline.app.FaultlineLauncher"));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(outputDir, "child-", ".out");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().put("FAULTLINE_HOME", home.toString());
        pb.environment().putAll(env);
        return new ChildFaultline(pb.start(), out);
    }

    String output() throws IOException {
        return Files.readString(output, StandardCharsets.UTF_8);
    }

    /** Waits (bounded) until the output contains {@code text}; false if it never does. */
    boolean awaitOutput(String text, Duration within) throws IOException {
        // an ended process writes nothing more: stop asking then
        Eventually.holds(within, Duration.ofMillis(100), () -> output().contains(text) || !process.isAlive());
        return output().contains(text);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
