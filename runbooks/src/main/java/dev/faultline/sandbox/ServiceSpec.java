package dev.faultline.sandbox;

import java.util.List;

/** One sandbox process: its name (also on its command line), main class, port and arguments. */
record ServiceSpec(String name, String mainClass, int port, String healthPath, List<String> args) {
    ServiceSpec {
        args = List.copyOf(args);
    }
}
