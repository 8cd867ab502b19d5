package dev.faultline.plugin.local;

import dev.faultline.engine.model.Params;
import dev.faultline.engine.spi.BackendException;
import dev.faultline.engine.spi.Secret;
import dev.faultline.engine.spi.SecretRef;
import dev.faultline.engine.spi.SettingsException;
import org.jspecify.annotations.Nullable;

/**
 * The local backend's optional {@code proxyApiToken} setting: where the chaos proxy API's bearer
 * token is found ({@code env:VARIABLE} or {@code file:/path}, never the token itself), for a proxy
 * started with {@code --token-file} or {@code $FAULTLINE_PROXY_TOKEN}. Only the reference is kept,
 * so the settings can be journaled; the token is read each time a client is made (a revert after a
 * crash reads it again from the journaled reference) and never printed.
 */
final class ProxyApiToken {
    static final String SETTING = "proxyApiToken";
    private static final ProxyApiToken NONE = new ProxyApiToken(null);

    private final @Nullable SecretRef reference;

    private ProxyApiToken(@Nullable SecretRef reference) {
        this.reference = reference;
    }

    static ProxyApiToken none() {
        return NONE;
    }

    /** From the local backend's settings: absent, or a reference (a value in clear is refused without repeating it). */
    static ProxyApiToken fromSettings(Params settings) throws BackendException {
        String value = settings.get(SETTING).map(String::strip).orElse(null);
        if (value == null) {
            return NONE;
        }
        String problem = SecretRef.problem(value);
        if (problem != null || value.equals("kubeconfig")) {
            throw new BackendException(
                    LocalBackendProvider.ID,
                    SETTING + ": the token is given as a reference, never"
                            + " in clear: env:VARIABLE or file:/path/to/file");
        }
        return new ProxyApiToken(new SecretRef(value));
    }

    /**
     * The token, read now from the variable or the file; null when none is set.
     *
     * @throws SettingsException one line saying which reference cannot be read, without the token
     */
    @Nullable
    Secret read() throws SettingsException {
        if (reference == null) {
            return null;
        }
        Secret s;
        try {
            s = reference.resolve();
        } catch (SettingsException e) {
            throw new SettingsException(SETTING + ": " + e.getMessage());
        }
        if (!s.reveal().chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new SettingsException(SETTING + ": the token in " + reference + " has spaces, line breaks or"
                    + " characters outside printable ASCII, which an HTTP header cannot carry");
        }
        return s;
    }

    /** The line for a 401 from the chaos proxy API at {@code api}: set the token, or check the one set. */
    String refusal(String api) {
        return reference == null
                ? "the chaos proxy API at " + api + " wants a token: set " + SETTING + " (env:VARIABLE or file:/path)"
                        + " in the environment's local settings"
                : "the chaos proxy API at " + api + " refused the " + SETTING + " " + reference + " (401): give the"
                        + " token the proxy was started with (--token-file or $FAULTLINE_PROXY_TOKEN)";
    }

    /** The start of a manual cleanup command: {@code curl}, with the header read from the reference when set. */
    String curl() {
        if (reference == null) {
            return "curl";
        }
        String r = reference.reference();
        String value = r.startsWith("env:") ? "$" + r.substring(4) : "$(cat " + r.substring(5) + ")";
        return "curl -H \"Authorization: Bearer " + value + "\"";
    }

    @Override
    public String toString() {
        return reference == null ? "no " + SETTING : SETTING + " " + reference;
    }
}
