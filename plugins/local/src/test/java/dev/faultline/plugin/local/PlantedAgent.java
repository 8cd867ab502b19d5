package dev.faultline.plugin.local;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What an attacker would plant in place of the JVM fault agent: an agent that, once loaded into a
 * target JVM, answers the command as the real agent would, with {@code planted=yes} added, so a
 * test sees whose code ran in the target.
 */
public final class PlantedAgent {
    private PlantedAgent() {}

    public static void agentmain(String args, Instrumentation inst) throws IOException {
        for (String pair : args.split("&")) {
            if (pair.startsWith("reply=")) {
                Path reply = Path.of(URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8));
                Files.writeString(reply, "ok=true&planted=yes", StandardCharsets.UTF_8);
            }
        }
    }
}
