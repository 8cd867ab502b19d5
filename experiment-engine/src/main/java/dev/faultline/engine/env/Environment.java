package dev.faultline.engine.env;

import dev.faultline.engine.spi.BackendSettings;
import java.util.Map;
import java.util.Objects;

/**
 * Where experiments run: the backends' settings there, whether it is production (every run asks
 * for confirmation), and whether Faultline starts the local sandbox for it.
 */
public record Environment(String name, boolean production, boolean sandbox, Map<String, BackendSettings> backends) {
    public Environment {
        Objects.requireNonNull(name, "name");
        backends = Map.copyOf(backends);
    }

    /** The settings of a backend here; a backend without any gets empty settings. */
    public BackendSettings settingsFor(String backend) {
        return backends.getOrDefault(backend, BackendSettings.empty(backend));
    }
}
