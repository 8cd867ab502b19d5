package dev.faultline.agent;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.instrument.Instrumentation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Entry point of the agent. Each attach carries one command (see {@link Command}); the first one
 * sets up the {@link Controller}, which then lives as long as the JVM. The controller is the one
 * static field: an agent has no other place to keep its state between attaches.
 */
public final class FaultAgent {
    private static volatile @org.jspecify.annotations.Nullable Controller controller;

    private FaultAgent() {}

    public static void agentmain(String args, Instrumentation inst) {
        run(args, inst);
    }

    public static void premain(String args, Instrumentation inst) {
        run(args, inst);
    }

    private static synchronized void run(@org.jspecify.annotations.Nullable String args, Instrumentation inst) {
        Map<String, String> command = Command.parse(args == null ? "" : args);
        String reply;
        try {
            Controller c = controller;
            if (c == null) {
                c = new Controller(inst);
                controller = c;
            }
            reply = c.handle(command);
        } catch (RuntimeException | LinkageError e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            reply = Command.format(
                    "ok", "false", "error", e + " | " + trace.toString().replace('\n', ' '));
        }
        String file = command.get("reply");
        if (file != null) {
            write(Paths.get(file), reply);
        }
    }

    /** Written to a temporary file and moved into place, so the caller never reads half a reply. */
    private static void write(Path file, String reply) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".part");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                out.write(reply.getBytes(StandardCharsets.UTF_8));
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            System.err.println("faultline agent: cannot write its reply to " + file + ": " + e);
        }
    }
}
