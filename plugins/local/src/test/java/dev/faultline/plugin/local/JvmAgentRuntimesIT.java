package dev.faultline.plugin.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.faultline.engine.model.Fault;
import dev.faultline.engine.model.JvmFault;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.spi.FaultHandle;
import dev.faultline.engine.spi.FaultRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM fault agent (built for release 8, Byte Buddy shaded) loads into other people's JVMs of
 * older and current runtimes: a small program compiled for release 11 runs on the older JDK 17 of
 * this machine and on the JDK the tests run on (25); the local backend finds it by a word of its
 * command line, attaches the agent through its real path ({@link JvmFaults}, {@link JvmAgentClient}),
 * makes a method throw, and reverts it. The JDK 17 case is skipped, saying so, only where that JDK
 * is not installed.
 */
class JvmAgentRuntimesIT {
    /** The older runtime: Debian's OpenJDK 17 ({@code apt-get install openjdk-17-jdk-headless}). */
    static final Path OLDER_JAVA = Path.of("/usr/lib/jvm/java-17-openjdk-amd64/bin/java");

    private static final String MAIN = "faultline.runtimes.RuntimeTarget";

    @TempDir
    static Path classes;

    @BeforeAll
    static void compileTheTargetForAnOldRelease() throws IOException {
        Path src = classes.resolve("RuntimeTarget.java");
        try (InputStream in = JvmAgentRuntimesIT.class.getResourceAsStream("runtimes/RuntimeTarget.java")) {
            Files.write(src, in.readAllBytes());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(
                null, null, System.err, "--release", "11", "-nowarn", "-d", classes.toString(), src.toString());
        assertThat(rc).as("javac --release 11 of the target program").isZero();
    }

    @Test
    void theAgentMakesAFaultAndRevertsItInAJava17Jvm() throws Exception {
        assumeTrue(
                Files.isExecutable(OLDER_JAVA),
                "no older JDK at " + OLDER_JAVA + ": install openjdk-17-jdk-headless"
                        + " to test the agent on an older runtime");
        faultAndRevert(OLDER_JAVA, "17");
    }

    @Test
    void theAgentMakesAFaultAndRevertsItInAJvmOfTheCurrentRuntime() throws Exception {
        faultAndRevert(
                Path.of(System.getProperty("java.home"), "bin", "java"),
                System.getProperty("java.specification.version"));
    }

    private static void faultAndRevert(Path java, String version) throws Exception {
        String marker = "faultline-runtime-test-" + UUID.randomUUID();
        try (Child child = new Child(java, marker)) {
            assertThat(child.version).as("the child's runtime").isEqualTo(version);
            assertThat(child.call()).isEqualTo("ok 42");
            LocalBackend backend = new LocalBackend("http://127.0.0.1:1");
            Fault fault = new JvmFault.JvmException(
                    new JvmFault.JvmMethod(MAIN + "$Work", "compute"), "java.io.IOException", "disk on fire");
            FaultRequest r = FaultRequest.atShare(
                    "run1", "throw", fault, new Target("jvm", Params.of("name", marker)), 1.0, Duration.ofSeconds(30));
            FaultHandle h = backend.prepare(r);
            assertThat(h.data().require("pid")).isEqualTo(Long.toString(child.process.pid()));
            backend.inject(r, h);
            assertThat(child.call())
                    .as("a call while the fault is in")
                    .isEqualTo("ex java.io.IOException disk on fire");
            assertThat(backend.verifyGone(h).gone()).isFalse();
            backend.revert(h);
            assertThat(child.call()).as("a call after the revert").isEqualTo("ok 42");
            var after = backend.verifyGone(h);
            assertThat(after.gone())
                    .as("verified gone on Java " + version + ": " + after.detail())
                    .isTrue();
        }
    }

    /** The target program on one runtime; every answer waited for at most 10 s. */
    private static final class Child implements AutoCloseable {
        final Process process;
        final String version;
        private final BufferedReader out;
        private final Writer in;

        Child(Path java, String marker) throws IOException {
            process = new ProcessBuilder(List.of(java.toString(), "-cp", classes.toString(), MAIN, marker))
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            String ready = line();
            if (!ready.startsWith("ready ")) {
                throw new IOException(java + " said " + ready);
            }
            version = ready.substring("ready ".length());
        }

        String call() throws IOException {
            in.write("call\n");
            in.flush();
            return line();
        }

        private String line() throws IOException {
            try {
                String l = CompletableFuture.supplyAsync(
                                () -> {
                                    try {
                                        return out.readLine();
                                    } catch (IOException e) {
                                        return "io " + e.getMessage();
                                    }
                                },
                                r -> Thread.ofVirtual().start(r))
                        .get(10, TimeUnit.SECONDS);
                return l == null ? "eof" : l;
            } catch (Exception e) {
                throw new IOException("no answer from the child JVM within 10 s", e);
            }
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }
}
