package dev.faultline.plugin.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A running {@link JvmTargetMain}, asked to call its methods; every answer waited for at most 10 s. */
final class JvmChild implements AutoCloseable {
    final Process process;
    private final BufferedReader out;
    private final Writer in;

    JvmChild(String marker) throws IOException, URISyntaxException {
        String classes = Path.of(JvmTargetMain.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .toString();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(java, "-Xshare:auto", "-cp", classes, JvmTargetMain.class.getName(), marker)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        String ready = line();
        if (!ready.startsWith("ready")) {
            throw new IOException("the child JVM said " + ready);
        }
    }

    /** {@code ok VALUE MS} or {@code ex CLASS MESSAGE MS}. */
    String call(String what) throws Exception {
        in.write("call " + what + "\n");
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

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
