package dev.faultline.engine.store;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This machine's name, as a run's owner on a shared store. Read from the kernel or the environment
 * rather than looked up (a lookup can hang for seconds where DNS is broken); once per process.
 */
final class ThisMachine {
    private static final String NAME = find();

    private ThisMachine() {}

    static String name() {
        return NAME;
    }

    private static String find() {
        for (String f : new String[] {"/proc/sys/kernel/hostname", "/etc/hostname"}) {
            try {
                String n = Files.readString(Path.of(f), StandardCharsets.UTF_8).strip();
                if (!n.isEmpty()) {
                    return clip(n);
                }
            } catch (IOException | RuntimeException e) {
                // not Linux, or not readable: the next way
            }
        }
        for (String v : new String[] {"COMPUTERNAME", "HOSTNAME"}) {
            String n = System.getenv(v);
            if (n != null && !n.isBlank()) {
                return clip(n.strip());
            }
        }
        try {
            return clip(InetAddress.getLocalHost().getHostName());
        } catch (IOException e) {
            return "unknown-host";
        }
    }

    private static String clip(String n) {
        return n.length() <= 255 ? n : n.substring(0, 255);
    }
}
