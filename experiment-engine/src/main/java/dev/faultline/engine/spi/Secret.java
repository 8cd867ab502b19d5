package dev.faultline.engine.spi;

import java.util.Objects;

/**
 * A credential (a token, a webhook URL, a kubeconfig): its value is read only by whoever needs it
 * ({@link #reveal()}), and it prints as {@code ****} everywhere else, so it never lands in a log, the
 * database or a report by accident.
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    public static Secret of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a secret cannot be empty");
        }
        return new Secret(value.strip());
    }

    /** The value in clear: pass it straight to the client that needs it, never to a log or a string. */
    public String reveal() {
        return value;
    }

    /**
     * A hint to tell secrets apart without showing them: the last 4 characters of values longer
     * than 16 characters ("****abcd"), else just "****".
     */
    public String hint() {
        return value.length() > 16 ? "****" + value.substring(value.length() - 4) : "****";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "****";
    }
}
