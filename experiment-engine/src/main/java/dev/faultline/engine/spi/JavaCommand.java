package dev.faultline.engine.spi;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code java} executable of the runtime Faultline runs on, for the JVMs it starts itself (the
 * sandbox's services, the built-in stressors). The runtime's own {@code bin/java} comes first: in a
 * package started through jpackage's native launcher (Windows, macOS) the running process's
 * executable is that launcher, which would start Faultline again, not a JVM.
 */
public final class JavaCommand {
    private JavaCommand() {}

    /** {@code java.home/bin/java} when the runtime has one, else the running process's executable. */
    public static String ofThisRuntime() {
        return of(Path.of(System.getProperty("java.home", "")), System.getProperty("os.name", ""));
    }

    static String of(Path javaHome, String osName) {
        Path java = javaHome.resolve("bin").resolve(osName.startsWith("Windows") ? "java.exe" : "java");
        if (Files.isExecutable(java)) {
            return java.toString();
        }
        return ProcessHandle.current().info().command().orElse(java.toString());
    }
}
