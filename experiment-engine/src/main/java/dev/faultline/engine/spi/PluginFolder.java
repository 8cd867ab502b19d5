package dev.faultline.engine.spi;

import dev.faultline.engine.env.FaultlineHome;
import java.nio.file.Path;

/**
 * Where a plugin keeps files of its own: a folder in Faultline's home ({@code $FAULTLINE_HOME/NAME},
 * else the platform's user data folder), so a plugin needs no part of the engine beyond its spi.
 * The folder is not made here: the plugin makes it, private to the user, when it needs it.
 */
public final class PluginFolder {
    private PluginFolder() {}

    /** The folder {@code name} in Faultline's home, e.g. {@code agent} for the JVM fault agent's jar. */
    public static Path of(String name) {
        return FaultlineHome.fromEnvironment().root().resolve(name);
    }
}
