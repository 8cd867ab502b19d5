package dev.faultline.engine.spi.interop;

import dev.faultline.engine.spi.BackendSettings;
import java.util.List;
import java.util.Objects;

/**
 * Settings found in a source file for an environment of the user's (a Toxiproxy configuration's
 * proxies, say), to be merged into {@code environments.yaml} under {@code name}.
 */
public record ImportedEnvironment(String name, List<BackendSettings> backends) {
    public ImportedEnvironment {
        Objects.requireNonNull(name, "name");
        backends = List.copyOf(backends);
    }
}
