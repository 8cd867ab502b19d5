package dev.faultline.engine.spi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Where a credential is found, never the credential itself: {@code env:PROM_TOKEN} (an environment
 * variable), {@code file:/run/secrets/prom-token} (a file's content, trimmed) or {@code kubeconfig}
 * (the Kubernetes client reads it from the kubeconfig). Settings, the journal and logs hold only
 * this reference; {@link #resolve} reads the value when it is used, as a {@link Secret}.
 */
public record SecretRef(String reference) {
    /** Setting names that hold credentials: their values must be references. */
    public static final Set<String> CREDENTIAL_KEYS = Set.of(
            "token",
            "bearerToken",
            "password",
            "username",
            "apiKey",
            "secret",
            "credentials",
            "webhookUrl",
            "proxyApiToken");

    public SecretRef {
        Objects.requireNonNull(reference, "reference");
        String problem = problem(reference);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** Whether a setting of this name holds a credential. */
    public static boolean isCredentialKey(String key) {
        String last = key.substring(key.lastIndexOf('.') + 1);
        return CREDENTIAL_KEYS.contains(last);
    }

    /** What is wrong with a reference, or null when it is one. */
    public static @org.jspecify.annotations.Nullable String problem(String reference) {
        if (reference.equals("kubeconfig")) {
            return null;
        }
        if (reference.startsWith("env:") && reference.substring(4).matches("[A-Za-z_][A-Za-z0-9_]*")) {
            return null;
        }
        if (reference.startsWith("file:") && reference.length() > 5) {
            return null;
        }
        return "a credential is given as a reference, never in clear: env:VARIABLE, file:/path/to/file or kubeconfig";
    }

    public boolean fromKubeconfig() {
        return reference.equals("kubeconfig");
    }

    /** Reads the credential now from the process environment or the file. */
    public Secret resolve() throws SettingsException {
        return resolve(System.getenv());
    }

    public Secret resolve(Map<String, String> environment) throws SettingsException {
        if (reference.startsWith("env:")) {
            String name = reference.substring(4);
            String v = environment.get(name);
            if (v == null || v.isBlank()) {
                throw new SettingsException(
                        "the environment variable " + name + " (credential " + reference + ") is not set");
            }
            return Secret.of(v);
        }
        if (reference.startsWith("file:")) {
            Path p = Path.of(reference.substring(5).replaceFirst("^~(?=/)", System.getProperty("user.home")));
            try {
                String v = Files.readString(p, StandardCharsets.UTF_8).strip();
                if (v.isEmpty()) {
                    throw new SettingsException("the credential file " + p + " is empty");
                }
                return Secret.of(v);
            } catch (IOException e) {
                throw new SettingsException("the credential file " + p + " cannot be read ("
                        + e.getClass().getSimpleName() + ")");
            }
        }
        throw new SettingsException(
                "the credential " + reference + " is read by the Kubernetes client from the kubeconfig");
    }

    @Override
    public String toString() {
        return reference;
    }
}
