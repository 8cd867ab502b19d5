package dev.faultline.app;

import dev.faultline.engine.spi.NotifierSettings;
import dev.faultline.engine.spi.Secret;
import dev.faultline.engine.spi.SecretRef;
import dev.faultline.engine.spi.SettingsException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The notifiers' settings: {@code $FAULTLINE_HOME/notifiers.properties}, then environment variables
 * ({@code FAULTLINE_SLACK_TOKEN} is {@code slack.token}, {@code FAULTLINE_SLACK_WEBHOOK_URL} is
 * {@code slack.webhookUrl}, ...), which win. Keys naming a token, webhook URL, password or secret become
 * {@link Secret}s at once.
 */
public final class NotifierConfig {
    private NotifierConfig() {}

    public static Path file(Path home) {
        return home.resolve("notifiers.properties");
    }

    public static NotifierSettings load(Path home, Map<String, String> env) throws IOException {
        Map<String, String> raw = new HashMap<>();
        Path f = file(home);
        if (Files.exists(f)) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            p.stringPropertyNames()
                    .forEach(k -> raw.put(k.strip(), p.getProperty(k).strip()));
        }
        env.forEach((k, v) -> {
            if (k.startsWith("FAULTLINE_SLACK_")) {
                raw.put("slack." + camel(k.substring("FAULTLINE_SLACK_".length())), v.strip());
            }
        });
        Map<String, String> values = new HashMap<>();
        Map<String, Secret> secrets = new HashMap<>();
        for (Map.Entry<String, String> e : raw.entrySet()) {
            String k = e.getKey();
            String v = e.getValue();
            if (v.isEmpty()) {
                continue;
            }
            if (isSecret(k)) {
                secrets.put(k, secret(k, v, env));
            } else {
                values.put(k, v);
            }
        }
        return new NotifierSettings(values, secrets);
    }

    /**
     * A credential given as a reference ({@code env:VARIABLE}, {@code file:/path}, as the settings
     * form writes it) is read now; one in clear (files of earlier versions) is taken as it is.
     */
    private static Secret secret(String key, String value, Map<String, String> env) throws IOException {
        if (!value.startsWith("env:") && !value.startsWith("file:")) {
            return Secret.of(value);
        }
        try {
            return new SecretRef(value).resolve(env);
        } catch (SettingsException | IllegalArgumentException e) {
            throw new IOException(key + ": " + e.getMessage(), e);
        }
    }

    static boolean isSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.endsWith("token") || k.endsWith("webhookurl") || k.contains("password") || k.contains("secret");
    }

    /** WEBHOOK_URL -> webhookUrl. */
    static String camel(String envName) {
        String[] parts = envName.toLowerCase(Locale.ROOT).split("_");
        StringBuilder b = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            if (!parts[i].isEmpty()) {
                b.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
            }
        }
        return b.toString();
    }
}
