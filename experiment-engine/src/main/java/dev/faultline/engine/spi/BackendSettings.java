package dev.faultline.engine.spi;

import dev.faultline.engine.model.Params;
import java.util.Objects;

/**
 * The settings a backend is created with, from the environment: for the local backend
 * {@code proxyApi: http://127.0.0.1:18474}. Never holds a secret in clear: secrets are references
 * resolved by the backend itself, so settings can be journaled and logged.
 */
public record BackendSettings(String backend, Params values) {
    public BackendSettings {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(values, "values");
    }

    public static BackendSettings empty(String backend) {
        return new BackendSettings(backend, Params.EMPTY);
    }
}
